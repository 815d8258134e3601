import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON copy lets .ci/run print one closing count for unit and e2e tests together.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
