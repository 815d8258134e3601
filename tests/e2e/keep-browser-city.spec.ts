import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';

/**
 * A city built in the browser from an OSM extract is kept there: a reload reopens it, the city
 * list offers it next to the city served with the app, and deleting it asks first.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const SMALL_TOWN = fileURLToPath(new URL('../fixtures/city/small-town.osm', import.meta.url));
const NAME = '自建小城';

const roads = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __carecircle?: { ready: boolean; counts: { roads: number } } })
        .__carecircle?.counts.roads ?? -1,
  );
const cityName = (page: Page) => page.locator('.city-name');

async function waitReady(page: Page) {
  await page.waitForFunction(
    () => (window as unknown as { __carecircle?: { ready: boolean } }).__carecircle?.ready === true,
    undefined,
    { timeout: 90_000 },
  );
}

test('a built city survives a reload and is listed to reopen or delete', async ({ page }, info) => {
  test.setTimeout(420_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/');
  await waitReady(page);
  const demoRoads = await roads(page);

  // Build and open.
  await page.getByTestId('open-osm-city').click();
  const dialog = page.getByTestId('osm-city');
  await dialog.locator('input[type="text"]').first().fill(NAME);
  await page.getByTestId('osm-file-input').setInputFiles(SMALL_TOWN);
  await expect(page.getByTestId('osm-city-built')).toContainText(NAME, { timeout: 90_000 });
  await page.getByTestId('osm-city-open').click();
  await expect(cityName(page)).toHaveText(NAME);
  await expect.poll(() => roads(page)).not.toBe(demoRoads);
  const builtRoads = await roads(page);

  // Reload: the built city is opened again from the browser's storage.
  await page.reload();
  await expect(cityName(page)).toHaveText(NAME, { timeout: 90_000 });
  await expect.poll(() => roads(page), { timeout: 60_000 }).toBe(builtRoads);
  // The worker opens the reopened city from its saved files: the analysis runs on it.
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: { runs: number } } }).__carecircle
        ?.analysis !== undefined,
    undefined,
    { timeout: 90_000 },
  );

  // The list: the city is there and current; the demo city can be reopened.
  await page.getByTestId('open-osm-city').click();
  const saved = page.getByTestId('saved-city').filter({ hasText: NAME });
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('当前');
  await page.screenshot({ path: info.outputPath('city-list.png') });
  await page
    .getByTestId('saved-city-served')
    .getByRole('button', { name: /^打\s?开$/ })
    .click();
  await expect(cityName(page)).toHaveText('南京新街口', { timeout: 60_000 });
  await expect.poll(() => roads(page), { timeout: 90_000 }).toBe(demoRoads);

  // Reopen it from the list.
  await page.getByTestId('open-osm-city').click();
  await saved.getByTestId('saved-city-open').click();
  await expect(cityName(page)).toHaveText(NAME, { timeout: 60_000 });
  await expect.poll(() => roads(page), { timeout: 90_000 }).toBe(builtRoads);

  // Delete: asks first; cancelling keeps it; confirming removes it and shows the demo city.
  await page.getByTestId('open-osm-city').click();
  await saved.getByTestId('saved-city-delete').click();
  await expect(saved).toContainText(`删除“${NAME}”？`);
  await saved.getByRole('button', { name: /^取\s?消$/ }).click();
  await expect(saved).toHaveCount(1);
  await saved.getByTestId('saved-city-delete').click();
  await saved.getByTestId('saved-city-delete-confirm').click();
  await expect(cityName(page)).toHaveText('南京新街口', { timeout: 60_000 });
  await page.reload();
  await expect(cityName(page)).toHaveText('南京新街口', { timeout: 90_000 });
  await page.getByTestId('open-osm-city').click();
  await expect(page.getByTestId('saved-city').filter({ hasText: NAME })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
