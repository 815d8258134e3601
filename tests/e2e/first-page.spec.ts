import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { readCityCounts } from './city-files.ts';
import { changedFraction, findColour, pixelStats } from './pixels.ts';

const CITY_DIR = fileURLToPath(new URL('../../data/nanjing-xinjiekou', import.meta.url));
/** Base map background and the street-centre marker colour (web/src/map/*). */
const BACKGROUND: [number, number, number] = [243, 241, 236];
const STREET_CENTRE_RED: [number, number, number] = [200, 40, 46];
/** Hide DOM overlays so only the WebGL drawing is measured. */
const MAP_ONLY =
  '.legend, .maplibregl-control-container, .tasks { visibility: hidden !important; }';

interface TestState {
  ready: boolean;
  counts: { facilities: number; populationCells: number; roads: number; buildings: number };
  layers: string[];
}

test.use({ viewport: { width: 1440, height: 900 } });

const testState = (page: Page) =>
  page.evaluate(() => (window as unknown as { __carecircle: TestState }).__carecircle);

/** Waits until the drawn layers include every name of `has` and none of `lacks`. */
async function waitForLayers(page: Page, want: { has?: string[]; lacks?: string[] }) {
  // A function, not a string: the app's Content-Security-Policy refuses eval.
  await page.waitForFunction(
    ({ has, lacks }) => {
      const state = (window as unknown as { __carecircle?: { ready: boolean; layers: string[] } })
        .__carecircle;
      if (state === undefined || !state.ready) return false;
      return (
        has.every((l) => state.layers.includes(l)) && !lacks.some((l) => state.layers.includes(l))
      );
    },
    { has: want.has ?? [], lacks: want.lacks ?? [] },
    { timeout: 90_000 },
  );
}

test('first page: offline map of the demo city with data layers', async ({
  page,
  baseURL,
}, testInfo) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(request.url()));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const started = Date.now();
  // The analysis panel is closed so that the pixel checks see the whole map.
  await page.goto('/?panel=closed');
  await waitForLayers(page, { has: ['population-h3', 'facilities'] });
  console.log(`map ready ${Date.now() - started} ms after navigation`);

  // Feature counts equal the city files.
  const files = readCityCounts(CITY_DIR);
  const state = await testState(page);
  expect(state.counts).toEqual({
    facilities: files.facilities,
    populationCells: files.populationCells,
    roads: files.roads,
    buildings: files.buildings,
  });
  expect(state.layers).toEqual(
    expect.arrayContaining([
      'background',
      'buildings',
      'roads-primary',
      'basemap-water',
      'units-street',
    ]),
  );

  // Side panel and illustrative label.
  await expect(page.getByTestId('app-title')).toHaveText('养老服务圈规划');
  expect(files.illustrative).toBe(true);
  await expect(page.getByTestId('illustrative-badge')).toBeVisible();
  await expect(page.getByTestId('illustrative-badge')).toHaveText('示例数据');
  await expect(page.getByTestId('network-card')).toContainText('步行', { timeout: 60_000 });
  await expect(
    page.getByText('© OpenStreetMap contributors (ODbL)', { exact: false }),
  ).toBeVisible();

  // The canvas is drawn: base map, population cells (blue) and facility markers (red).
  const map = page.getByTestId('map');
  const withCells = await map.screenshot({ style: MAP_ONLY });
  const drawn = await pixelStats(page, withCells, BACKGROUND, STREET_CENTRE_RED);
  testInfo.annotations.push({ type: 'pixels', description: JSON.stringify(drawn) });
  expect(drawn.nonBackground / drawn.total).toBeGreaterThan(0.2);
  expect(drawn.distinctColours).toBeGreaterThan(50);
  expect(drawn.probeHits).toBeGreaterThan(20);
  expect(drawn.bluish / drawn.total).toBeGreaterThan(0.02);
  await page.screenshot({ path: testInfo.outputPath('first-page-zh.png') });

  // Hovering a street centre (the top pixel of a red marker, moved into its middle) names it.
  const red = await findColour(page, withCells, STREET_CENTRE_RED);
  const box = await map.boundingBox();
  expect(red).not.toBeNull();
  if (red !== null && box !== null) {
    await page.mouse.move(box.x + red.x, box.y + red.y + 6);
    await expect(page.getByText('街道综合养老服务中心').last()).toBeVisible();
    await expect(page.locator('.deck-tooltip')).toContainText('建筑面积');
    await page.screenshot({ path: testInfo.outputPath('first-page-tooltip.png') });
    // Clicking it opens its register entry and rings it on the map; closing clears both.
    await page.mouse.click(box.x + red.x, box.y + red.y + 6);
    await expect(page.getByTestId('facility-details')).toContainText('街道综合养老服务中心');
    // The folded dock opened on the overview, where the card shows with the network summary.
    await expect(page.getByTestId('network-card')).toBeVisible();
    // …and draws its service circle.
    await waitForLayers(page, { has: ['facility-selected', 'facility-selected-circle'] });
    await page.screenshot({ path: testInfo.outputPath('first-page-selected.png') });
    await page.getByTestId('facility-details').getByRole('button').click();
    await expect(page.getByTestId('facility-details')).toHaveCount(0);
    await waitForLayers(page, { lacks: ['facility-selected'] });
    await page.mouse.move(box.x + 5, box.y + 5);
    // Fold the dock again: the pixel comparison below needs the map at its first size.
    await page.getByTestId('dock-collapse').click();
    await expect.poll(async () => (await map.boundingBox())?.width).toBe(box.width);
  }

  // Toggling the population layer off removes the blue cells.
  await page.getByTestId('toggle-population').uncheck();
  await waitForLayers(page, { lacks: ['population-h3'] });
  const withoutCells = await map.screenshot({ style: MAP_ONLY });
  const stats = await pixelStats(page, withoutCells, BACKGROUND, STREET_CENTRE_RED);
  expect(stats.bluish).toBeLessThan(drawn.bluish / 4);
  expect(await changedFraction(page, withCells, withoutCells)).toBeGreaterThan(0.05);
  await page.getByTestId('toggle-population').check();
  await waitForLayers(page, { has: ['population-h3'] });

  // Language switch changes the visible strings.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('app-title')).toHaveText('Elder-care service circles');
  await expect(page.getByTestId('illustrative-badge')).toHaveText('Illustrative data');
  await expect(page.getByTestId('legend')).toContainText('Elder-care facilities');
  await page.screenshot({ path: testInfo.outputPath('first-page-en.png') });
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('app-title')).toHaveText('养老服务圈规划');

  // Nothing left the page's origin (the worker's graph requests are seen too).
  expect(requested.some((url) => url.endsWith('/graph-walk.bin'))).toBe(true);
  const outside = requested.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a missing city folder shows an error naming the file', async ({ page }) => {
  await page.goto('/?city=no-such-city');
  const placeholder = page.getByTestId('placeholder');
  await expect(placeholder).toContainText('城市数据加载失败');
  await expect(placeholder).toContainText('/no-such-city/city.json');
});

test('slow work shows progress, and the road networks arrive from the worker', async ({ page }) => {
  // Hold the graph files back so the worker's progress stays on screen long enough to see.
  await page.context().route('**/graph-*.bin', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/');
  const status = page.getByRole('status');
  // The road networks load while the rest of the city still may: each task has its own bar.
  const graphsTask = status.locator('.task', { hasText: '加载路网' });
  await expect(graphsTask.locator('.ant-progress')).toBeVisible();
  await expect(page.getByTestId('network-card')).toContainText('步行', { timeout: 60_000 });
  await expect(status).toHaveCount(0);
});
