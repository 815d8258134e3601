import { expect, type Locator, type Page, test } from '@playwright/test';
import { chooseOption } from './antd.ts';

/**
 * A unit's flags set in the app (城市/农村, 新建居住区) drive the analysis, on the demo city
 * with the default profile (huaihua-2020): a community marked as a new residential area makes
 * the 0.1 m² per resident clause binding there, where it was a benchmark (标杆对照); the mark
 * survives a reload and goes with the reset.
 */
const RULE = 'hh-area-per-resident';
const RULE_TITLE = '新建居住区养老服务设施人均不少于0.1平方米';

test.use({ viewport: { width: 1600, height: 960 } });
// Three analyses on a cold, shared machine.
test.setTimeout(480_000);

const runs = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __carecircle?: { analysis?: { runs: number } } }).__carecircle
        ?.analysis?.runs ?? 0,
  );

/** Waits until the page has finished more than `after` analysis runs. */
async function waitForRun(page: Page, after: number) {
  await page.waitForFunction(
    (n) =>
      ((window as unknown as { __carecircle?: { analysis?: { runs: number } } }).__carecircle
        ?.analysis?.runs ?? 0) > n || document.querySelector('.status-error') !== null,
    after,
    { timeout: 150_000 },
  );
  await expect(page.locator('.status-error')).toHaveCount(0);
}

/** The rows of the rule in one group that name the unit. */
const rowsFor = (group: Locator, name: string) =>
  group.locator(`li[data-rule="${RULE}"]`).filter({
    has: group.page().locator('.finding-where', { hasText: name }),
  });

test('a community flagged new residential makes the 0.1 m² clause binding; kept; reset', async ({
  page,
}, testInfo) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/');
  await waitForRun(page, 0);
  const binding = page.getByTestId('findings-binding');
  const benchmark = page.getByTestId('findings-benchmark');
  await expect(page.getByTestId('unit-flags-note')).toHaveCount(0);

  // The demo has no new residential area: the clause is a benchmark everywhere. Take a
  // community whose benchmark fails (failed findings are listed by default).
  await chooseOption(page, 'findings-rule-filter', RULE_TITLE);
  await expect(binding.locator(`li[data-rule="${RULE}"]`)).toHaveCount(0);
  const community = benchmark
    .locator(`li[data-rule="${RULE}"][data-status="fail"] .finding-where:enabled`)
    .filter({ hasText: '社区' })
    .first();
  const name = (await community.innerText()).trim();
  expect(name).not.toBe('');

  // Pick it: its details show the flags as the unit file says (城市, not new).
  await community.click();
  const details = page.getByTestId('pick-details');
  await expect(details.locator('h3')).toHaveText(name);
  const flags = details.getByTestId('unit-flags');
  await expect(flags).toHaveAttribute('data-new-residential', 'false');
  await expect(flags).toHaveAttribute('data-area-type', 'urban');
  await expect(flags.getByTestId('unit-flags-origin')).toHaveText('按单元文件');

  // Mark it as a new residential area: the analysis runs again and the clause binds there.
  const before = await runs(page);
  await flags.getByRole('switch').click();
  await waitForRun(page, before);
  await expect(rowsFor(binding, name)).toHaveCount(1);
  await expect(rowsFor(binding, name)).toHaveAttribute('data-status', 'fail');
  await expect(rowsFor(benchmark, name)).toHaveCount(0);
  await expect(flags).toHaveAttribute('data-new-residential', 'true');
  await expect(flags.getByTestId('unit-flags-origin')).toHaveText('已手动修改');
  const note = page.getByTestId('unit-flags-note');
  await expect(note).toHaveAttribute('data-count', '1');
  await expect(note).toContainText(name);
  await page.screenshot({ path: testInfo.outputPath('units-flags-set.png') });

  // A reload keeps the mark: the first analysis of the visit already has it.
  await page.reload();
  await waitForRun(page, 0);
  await expect(page.getByTestId('unit-flags-note')).toHaveAttribute('data-count', '1');
  await chooseOption(page, 'findings-rule-filter', RULE_TITLE);
  await expect(rowsFor(binding, name)).toHaveCount(1);
  await rowsFor(binding, name).locator('.finding-where').click();
  await expect(page.getByTestId('unit-flags')).toHaveAttribute('data-new-residential', 'true');
  await expect(page.getByTestId('unit-flags').getByRole('switch')).toBeChecked();

  // Reset: the mark is gone, the clause is a benchmark again.
  const beforeReset = await runs(page);
  await page.getByTestId('unit-flags-reset').click();
  await waitForRun(page, beforeReset);
  await expect(page.getByTestId('unit-flags-note')).toHaveCount(0);
  await expect(binding.locator(`li[data-rule="${RULE}"]`)).toHaveCount(0);
  await expect(rowsFor(benchmark, name)).toHaveCount(1);
  await expect(page.getByTestId('unit-flags')).toHaveAttribute('data-new-residential', 'false');
  await expect(page.getByTestId('unit-flags').getByRole('switch')).not.toBeChecked();

  // And it stays gone after another reload.
  await page.reload();
  await waitForRun(page, 0);
  await expect(page.getByTestId('unit-flags-note')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
