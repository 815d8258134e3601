import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';

/**
 * The programme tab follows the analysis: the same standards profile, an empty state saying
 * what to do when that profile has no programme, city-wide count targets scaled to the study
 * area by a stated share (never applied unscaled), ratios as percentages, cost and subsidy
 * (committed, paid) per year.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const analysedWith = (page: Page, profile: string) =>
  page.waitForFunction(
    (id) =>
      (window as unknown as { __carecircle?: { analysis?: { profile: string } } }).__carecircle
        ?.analysis?.profile === id,
    profile,
    { timeout: 120_000 },
  );

async function openProgrammeTab(page: Page) {
  const tab = page.getByTestId('scenario-tab-programme');
  // The scenario panel may sit in a docked tab of its own.
  if (!(await tab.isVisible())) await page.getByRole('tab', { name: /方案$/ }).click();
  await tab.click();
}

test('the programme tab uses the analysis profile and scales city-wide targets', async ({
  page,
}, info) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/');
  await analysedWith(page, 'huaihua-2020');

  // Huaihua (the analysis default) has no programme: the tab says so and what to do.
  await openProgrammeTab(page);
  const profile = page.getByTestId('programme-profile');
  await expect(profile).toContainText('怀化市');
  await expect(page.getByTestId('programme-empty')).toContainText('没有规定年度建设目标与补助');
  await expect(page.getByTestId('programme-empty')).toContainText('请在分析面板中选择');
  await expect(page.getByTestId('scenario-panel')).not.toContainText('haining');
  await expect(page.getByTestId('scenario-panel')).not.toContainText('huaihua-2020');
  await page.screenshot({ path: info.outputPath('programme-empty.png') });

  // The analysis switches to Haining: the programme tab follows.
  const select = page.getByTestId('profile-select');
  if (!(await select.isVisible())) await page.getByRole('tab', { name: /分析$/ }).click();
  await select.click();
  await page.getByRole('option', { name: /海宁/ }).first().click();
  await page.getByTestId('run-analysis').click();
  await analysedWith(page, 'haining-2024');
  await openProgrammeTab(page);
  await expect(profile).toContainText('海宁市2024照料中心增效提质及养老睦邻点建设');
  await expect(page.getByTestId('programme-empty')).toHaveCount(0);

  // 140 points are Haining's city-wide target: without a share the study area's is pending.
  const targets = page.getByTestId('programme-targets');
  const points2024 = targets.locator('tr', { hasText: '2024 养老睦邻点' });
  await expect(points2024).toHaveCount(1);
  await expect(points2024).toContainText('140');
  await expect(points2024).toContainText('待定');
  await expect(points2024.locator('input')).toHaveValue('');
  await expect(page.getByTestId('programme-share')).toContainText('全市目标不能直接用于研究区');

  // Ratios are percentages, applied as they are.
  const upgraded2024 = targets.locator('tr', { hasText: '2024 照料中心增效提质比例' });
  await expect(upgraded2024).toContainText('30%');
  await expect(upgraded2024.locator('input')).toHaveValue('30');
  await expect(targets).not.toContainText('0.30');

  // A stated share: residents of the study area over the city's (entered).
  await page.getByTestId('programme-scale').getByText('按常住人口').click();
  const cityWide = 1_080_000;
  const population = page.locator(
    'input[data-testid="programme-city-population"], [data-testid="programme-city-population"] input',
  );
  await population.fill(String(cityWide));
  await population.press('Tab');
  const share = page.getByTestId('programme-share');
  await expect(share).toContainText('1,080,000');
  await expect(share).toContainText('93,098');
  await expect(share).toContainText('8.6%');
  const scaled = String(Math.round((140 * 93_098) / cityWide));
  await expect(points2024.locator('input')).toHaveValue(scaled);
  await expect(points2024).toContainText('140 × 8.6%');

  // An entered study-area target wins over the scaled one.
  await points2024.locator('input').fill('5');
  await points2024.locator('input').press('Tab');
  await expect(points2024).toContainText('本研究区录入');

  // Cost, subsidy committed and paid per year.
  const budget = page.getByTestId('programme-budget');
  await expect(budget).toContainText('投资估算');
  await expect(budget).toContainText('补助已承诺');
  await expect(budget).toContainText('补助已拨付');
  await page.screenshot({ path: info.outputPath('programme-haining.png') });
  expect(pageErrors).toEqual([]);
});

test('the programme tab starts over for another city', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await analysedWith(page, 'huaihua-2020');
  await openProgrammeTab(page);
  // One of the demo's facilities becomes a project.
  const start = page.getByRole('combobox', { name: /将现状设施列为项目/ });
  const first = await start.locator('option').nth(1).getAttribute('value');
  if (first === null) throw new Error('no facility to start a project with');
  const name = await start.locator('option').nth(1).textContent();
  await start.selectOption(first);
  const projects = page.getByTestId('programme-sites').locator('tr');
  await expect(projects).toHaveCount(1);
  if (name !== null) await expect(projects).toContainText(name);

  // Another city (built here): none of the demo's projects.
  await page.getByTestId('open-osm-city').click();
  await page.locator('[data-testid="osm-city"] input[type="text"]').first().fill('另一座城');
  await page
    .getByTestId('osm-file-input')
    .setInputFiles(fileURLToPath(new URL('../fixtures/city/small-town.osm', import.meta.url)));
  await expect(page.getByTestId('osm-city-built')).toContainText('另一座城', { timeout: 90_000 });
  await page.getByTestId('osm-city-open').click();
  await expect(page.locator('.city-name')).toHaveText('另一座城', { timeout: 60_000 });
  await openProgrammeTab(page);
  await expect(page.getByTestId('programme-sites').locator('tr')).toHaveCount(0);
  if (name !== null) await expect(page.getByTestId('scenario-panel')).not.toContainText(name);
});
