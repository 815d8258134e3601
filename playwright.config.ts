import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The flags keep it off the network
// (background services) and give it WebGL through SwiftShader.
// E2E_PORT and E2E_DIST let several builds be tested side by side on one machine (defaults: the
// README's build in dist/ on 4173).
const port = Number(process.env.E2E_PORT ?? 4173);
// Absolute: vite resolves a relative --outDir against its root (web/), not the working folder.
const dist = resolve(process.env.E2E_DIST ?? 'dist');
const out = process.env.E2E_OUT;
/** Tests that measure the page's long tasks. */
const ALONE = /import-large\.spec\.ts/;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // Two browsers at once: on the 2-core test machine the suite took 15.0 min against 19.8 with one
  // (one run each). E2E_WORKERS=1 runs them one by one.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  projects: [
    { name: 'shared', testIgnore: ALONE },
    // A main-thread task's length is the app's only when no other browser competes for the cores:
    // these run after the rest, on their own.
    { name: 'alone', testMatch: ALONE, dependencies: ['shared'] },
  ],
  outputDir: out === undefined ? 'test-results' : `${out}/test-results`,
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: out === undefined ? 'reports/playwright.json' : `${out}/playwright.json` },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1 --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
