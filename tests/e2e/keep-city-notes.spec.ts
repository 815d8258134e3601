import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * The own-city overview speaks to a user of the page, not of the CLI, and says when the extract
 * holds car roads only (its walk and e-bike graphs are identical).
 */
test.use({ viewport: { width: 1440, height: 900 } });

/** roads-only.osm without its one footway: every way is a car road, no building. */
function driveOnlyExtract(path: string): string {
  const source = readFileSync(
    fileURLToPath(new URL('../fixtures/city/roads-only.osm', import.meta.url)),
    'utf8',
  );
  const ways = source.match(/<way\b[\s\S]*?<\/way>/g) ?? [];
  const footways = ways.filter((way) => /k="highway" v="footway"/.test(way));
  expect(footways).toHaveLength(1);
  writeFileSync(path, source.replace(footways[0], ''));
  return path;
}

test('own city: no CLI flag in the overview, and a drive-only extract is named as such', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.waitForFunction(
    () => (window as unknown as { __carecircle?: { ready: boolean } }).__carecircle?.ready === true,
    undefined,
    { timeout: 90_000 },
  );
  // The served demo city has footways: no such note.
  await expect(page.getByTestId('city-notes')).toHaveCount(0);

  await page.getByTestId('open-osm-city').click();
  await page.locator('[data-testid="osm-city"] input[type="text"]').first().fill('车行道小城');
  await page
    .getByTestId('osm-file-input')
    .setInputFiles(driveOnlyExtract(info.outputPath('drive-only.osm')));
  const warnings = page.getByTestId('osm-city-warnings');
  await expect(warnings).toContainText('步行路网与电动自行车路网完全相同', { timeout: 90_000 });
  await expect(warnings).toContainText('请先导入人口数据');
  await expect(warnings).not.toContainText('--population');
  await page.getByTestId('osm-city-open').click();
  await expect(page.locator('.city-name')).toHaveText('车行道小城', { timeout: 60_000 });

  // The overview (a docked tab in the map-first layout).
  const overview = page.getByTestId('side-panel');
  if (!(await overview.isVisible())) await page.getByRole('tab', { name: /概况$/ }).click();
  await expect(overview).toContainText('暂无人口数据');
  await expect(overview).toContainText('导入数据');
  await expect(overview).not.toContainText('--population');
  await expect(page.getByTestId('city-notes')).toContainText('该数据只含机动车道路');
  await page.screenshot({ path: info.outputPath('drive-only-overview.png') });
});
