// Prints one closing line, "N passed, N failed", over the vitest and Playwright JSON reports
// written by `npm test` (reports/), so CI logs end with a single count.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
if (existsSync('reports/vitest.json')) {
  const unit = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (existsSync('reports/playwright.json')) {
  const e2e = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
