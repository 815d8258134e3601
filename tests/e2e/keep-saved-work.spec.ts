import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { FACILITY_STYLE } from '../../analysis/style/palette.ts';
import { readCityCounts } from './city-files.ts';

/**
 * Nothing is lost silently: imports and scenarios survive a reload, restoring the original
 * register keeps the scenarios (checked again, shown with their problems) and can be undone,
 * a deleted scenario can be put back, a full storage quota is shown with a way to export.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const fixture = (file: string) =>
  fileURLToPath(new URL(`../fixtures/e2e/${file}`, import.meta.url));
const CSV = fixture('register-xinjiekou-gbk.csv');
const EXPECTED = JSON.parse(readFileSync(fixture('register-xinjiekou-expected.json'), 'utf8')) as {
  accepted: { id: string; name: string; lon: number; lat: number }[];
};
const DEMO = readCityCounts(
  fileURLToPath(new URL('../../data/nanjing-xinjiekou', import.meta.url)),
);
const CITY = '南京新街口';

interface ScenarioState {
  city: string;
  names: string[];
  problems: number[];
  active: number;
}

const facilityCount = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __carecircle?: { counts: { facilities: number } } }).__carecircle
        ?.counts.facilities ?? -1,
  );
const scenarios = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __carecircleScenarios?: ScenarioState }).__carecircleScenarios ??
      null,
  );

async function openDemo(page: Page) {
  await page.goto('/');
  await page.waitForFunction(
    () => {
      const state = (window as unknown as { __carecircle?: { ready: boolean; layers: string[] } })
        .__carecircle;
      return state?.ready === true && state.layers.includes('facilities');
    },
    undefined,
    { timeout: 90_000 },
  );
}

/** The import wizard, replace mode, GCJ-02 (the fixture's coordinates). */
async function importReplacing(page: Page) {
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles(CSV);
  await expect(page.getByTestId('map-lat')).toHaveValue('纬度');
  await page.getByTestId('import-next').click();
  await page.getByTestId('crs-gcj02').check();
  await expect(page.getByTestId('crs-gcj02')).toBeChecked();
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-accepted')).toHaveText(String(EXPECTED.accepted.length));
  await page.getByTestId('import-mode-replace').check();
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
}

/** The scenario panel, in its docked tab in the map-first layout. */
async function scenarioPanel(page: Page) {
  const panel = page.getByTestId('scenario-panel');
  if (!(await panel.isVisible())) await page.getByRole('tab', { name: /方案$/ }).click();
  return panel;
}

/** Writes a value where the page's idb-keyval store keeps it (the page must reload to read it). */
async function seedIdb(page: Page, key: string, value: unknown) {
  await page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(value, key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { key, value },
  );
}

test('imports and the scenarios built on them survive reload; restoring keeps them and is undoable', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openDemo(page);
  await importReplacing(page);
  await expect.poll(() => facilityCount(page)).toBe(EXPECTED.accepted.length);

  // A scenario on the imported register: add a site, move one imported site, close another.
  const [first, second] = EXPECTED.accepted;
  const mine = {
    format: 'carecircle-scenario',
    version: 1,
    name: '我的方案',
    baseline: { city: CITY, profile: 'huaihua-2020' },
    modifications: [
      {
        kind: 'add-site',
        id: 'S1',
        name: '新增站点',
        type: 'community_station',
        lon: first.lon + 0.002,
        lat: first.lat - 0.002,
        floorAreaM2: 300,
        beds: 0,
        floorLevel: 1,
      },
      { kind: 'move-site', id: first.id, lon: first.lon + 0.001, lat: first.lat },
      { kind: 'close-site', id: second.id },
    ],
  };
  await expect.poll(async () => (await scenarios(page))?.names.length ?? 0).toBeGreaterThan(0);
  const before = await scenarios(page);
  await seedIdb(page, `carecircle.scenarios.v1.${CITY}`, {
    version: 1,
    scenarios: [
      {
        format: 'carecircle-scenario',
        version: 1,
        name: '方案1',
        baseline: mine.baseline,
        modifications: [],
      },
      mine,
    ],
    active: 1,
  });
  expect(before?.city).toBe(CITY);

  // Reload: the imported register and the scenario on it both come back, the scenario valid.
  await page.reload();
  await expect.poll(() => facilityCount(page), { timeout: 90_000 }).toBe(EXPECTED.accepted.length);
  // A page that fails while restoring says so here, before its missing parts would.
  expect(pageErrors).toEqual([]);
  await expect(page.getByTestId('import-source-label')).toContainText('register-xinjiekou-gbk.csv');
  await expect
    .poll(async () => JSON.stringify(await scenarios(page)), { timeout: 60_000 })
    .toBe(
      JSON.stringify({ city: CITY, names: ['方案1', '我的方案'], problems: [0, 0], active: 1 }),
    );
  await expect(page.getByTestId('scenario-stored-problems')).toHaveCount(0);

  // 恢复原数据: the register goes back, the scenario stays, listed with its problems; undo.
  await page.getByTestId('import-reset').click();
  await expect.poll(() => facilityCount(page)).toBe(DEMO.facilities);
  const notice = page.getByTestId('notice-register');
  await expect(notice).toContainText('已恢复原数据');
  await expect(notice).toContainText('方案已保留');
  await expect.poll(async () => (await scenarios(page))?.names).toEqual(['方案1', '我的方案']);
  const problems = (await scenarios(page))?.problems ?? [];
  expect(problems[0]).toBe(0);
  expect(problems[1]).toBe(2);
  await scenarioPanel(page);
  const kept = page.getByTestId('scenario-stored-problems');
  await expect(kept).toContainText('我的方案');
  await expect(kept).toContainText('第 2 项修改（移动站点）：所指站点不在当前设施登记中');
  await expect(kept).toContainText('第 3 项修改（关闭站点）');
  await expect(kept).not.toContainText(first.id);
  await page.screenshot({ path: info.outputPath('restored-scenario-kept.png') });
  await notice.getByTestId('notice-undo').click();
  await expect.poll(() => facilityCount(page)).toBe(EXPECTED.accepted.length);
  await expect.poll(async () => (await scenarios(page))?.problems).toEqual([0, 0]);
  await expect(kept).toHaveCount(0);

  // Restored for good, then reloaded: the original register, the scenario still listed.
  await page.getByTestId('import-reset').click();
  await expect.poll(() => facilityCount(page)).toBe(DEMO.facilities);
  await page.reload();
  await expect
    .poll(async () => JSON.stringify(await scenarios(page)), { timeout: 90_000 })
    .toBe(
      JSON.stringify({ city: CITY, names: ['方案1', '我的方案'], problems: [0, 2], active: 1 }),
    );
  await expect.poll(() => facilityCount(page)).toBe(DEMO.facilities);
  await expect(page.getByTestId('import-source-label')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

/**
 * A page point where the map draws the colour and nothing covers the map (panels dock over
 * parts of it): the screenshot is decoded in the page, each hit checked with elementFromPoint.
 */
async function visibleColour(page: Page, colour: readonly number[]) {
  const map = page.getByTestId('map');
  const box = await map.boundingBox();
  if (box === null) throw new Error('no map');
  const png = await map.screenshot();
  return page.evaluate(
    async ({ base64, colour, box }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const scale = bitmap.width / box.width;
      const near = (x: number, y: number) => {
        const i = (y * bitmap.width + x) * 4;
        return [0, 1, 2].every((c) => Math.abs(data[i + c] - colour[c]) <= 12);
      };
      for (let y = 0; y < bitmap.height; y += 2) {
        for (let x = 0; x < bitmap.width; x += 2) {
          if (!near(x, y)) continue;
          // The middle of the marker: the mean of its pixels around this first one.
          let sx = 0;
          let sy = 0;
          let n = 0;
          for (let dy = 0; dy < 20 && y + dy < bitmap.height; dy++) {
            for (let dx = -12; dx <= 12; dx++) {
              if (x + dx < 0 || x + dx >= bitmap.width || !near(x + dx, y + dy)) continue;
              sx += x + dx;
              sy += y + dy;
              n += 1;
            }
          }
          if (n < 12) continue;
          const px = Math.round(box.x + sx / n / scale);
          const py = Math.round(box.y + sy / n / scale);
          const hit = document.elementFromPoint(px, py);
          const onMap =
            hit?.closest('[data-testid="map"]') !== null &&
            hit?.closest('.maplibregl-control-container') === null;
          if (hit !== null && onMap) return { x: px, y: py };
        }
      }
      return null;
    },
    { base64: png.toString('base64'), colour: [...colour], box },
  );
}

/** The lowest point of the map, inside the window, that no panel covers. */
async function visibleMapPoint(page: Page) {
  return page.evaluate(() => {
    for (let y = window.innerHeight - 10; y > 0; y -= 20) {
      for (let x = window.innerWidth - 10; x > 0; x -= 20) {
        const hit = document.elementFromPoint(x, y);
        if (hit instanceof HTMLCanvasElement && hit.closest('[data-testid="map"]') !== null)
          return { x, y };
      }
    }
    throw new Error('the map is covered everywhere');
  });
}

test('the selected facility card closes when the register is replaced', async ({ page }, info) => {
  test.setTimeout(240_000);
  await openDemo(page);
  // Any facility marker the panels leave visible; zoomed out while none is.
  const findMarker = async () => {
    for (const style of Object.values(FACILITY_STYLE)) {
      const found = await visibleColour(page, style.color);
      if (found !== null) return found;
    }
    return null;
  };
  // The same point in two successive screenshots: the map has stopped moving.
  let last: string | null = null;
  const settledMarker = async () => {
    const found = await findMarker();
    const key = JSON.stringify(found);
    const settled = found !== null && key === last;
    last = key;
    return settled ? found : null;
  };
  let marker = await findMarker();
  for (let pan = 0; marker === null && pan < 3; pan++) {
    // None in the window: drag the map up from a point on it that is not covered.
    const from = await visibleMapPoint(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y - 300, { steps: 2 });
    await page.mouse.up();
    await expect.poll(settledMarker).not.toBeNull();
    marker = await findMarker();
  }
  if (marker === null) throw new Error('no facility marker visible on the map');
  await page.mouse.click(marker.x, marker.y);
  // The card shows in the analysis or the overview tab of the dock.
  const card = page.getByTestId('facility-details');
  if (!(await card.isVisible())) await page.getByRole('tab', { name: /概况$/ }).click();
  await expect(card).toBeVisible();
  await importReplacing(page);
  await expect.poll(() => facilityCount(page)).toBe(EXPECTED.accepted.length);
  await expect(page.getByTestId('facility-details')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('card-cleared.png') });
});

test('a deleted scenario can be put back', async ({ page }) => {
  await openDemo(page);
  await expect.poll(async () => (await scenarios(page))?.names.length ?? 0).toBeGreaterThan(0);
  const start = (await scenarios(page))?.names ?? [];
  const panel = await scenarioPanel(page);
  await panel.getByRole('button', { name: /^新\s?建$/ }).click();
  await expect.poll(async () => (await scenarios(page))?.names.length).toBe(start.length + 1);
  const withNew = (await scenarios(page))?.names ?? [];
  await panel.getByRole('button', { name: /^删\s?除$/ }).click();
  await expect.poll(async () => (await scenarios(page))?.names).toEqual(start);
  const notice = page.getByTestId('notice-scenario-removed');
  await expect(notice).toContainText(`已删除方案“${withNew[withNew.length - 1]}”`);
  await notice.getByTestId('notice-undo').click();
  await expect.poll(async () => (await scenarios(page))?.names).toEqual(withNew);
});

test('a full storage quota says what was not saved and offers the export', async ({ page }) => {
  // The browser refuses every write of the scenario list, as it does when the quota is used up.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      if (typeof key === 'string' && key.startsWith('carecircle.scenarios.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.call(this, value, key);
    };
  });
  await openDemo(page);
  await expect.poll(async () => (await scenarios(page))?.names.length ?? 0).toBeGreaterThan(0);
  await (await scenarioPanel(page)).getByRole('button', { name: /^新\s?建$/ }).click();
  const notice = page.getByTestId('notice-quota');
  await expect(notice).toContainText('浏览器存储空间已满');
  await expect(notice).toContainText('方案“方案2”等 2 个方案的最新修改未能保存');
  await expect(notice).toContainText('导出当前方案（JSON）');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByTestId('notice-export-scenario').click(),
  ]);
  expect(download.suggestedFilename()).toBe('方案2.json');
  const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string };
  expect(json.format).toBe('carecircle-scenario');
});
