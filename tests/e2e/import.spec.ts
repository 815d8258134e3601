import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';

const fixture = (file: string) =>
  fileURLToPath(new URL(`../fixtures/e2e/${file}`, import.meta.url));
const CSV = fixture('register-xinjiekou-gbk.csv');
const EXPECTED = JSON.parse(readFileSync(fixture('register-xinjiekou-expected.json'), 'utf8')) as {
  badRow: number;
  badColumn: string;
  accepted: { id: string; name: string; row: number; lon: number; lat: number }[];
};

interface ImportState {
  fileName: string | null;
  mode: string | null;
  facilities: { id: string; name: string; row: number; lon: number; lat: number }[];
}

test.use({ viewport: { width: 1440, height: 900 } });

/** Records every request the page and its workers make, to prove none leaves the origin. */
function watchRequests(page: Page, baseURL: string | undefined) {
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(request.url()));
  return () =>
    requested.filter(
      (url) =>
        !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
}

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

function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const kx = 111_320 * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot((a.lon - b.lon) * kx, (a.lat - b.lat) * 110_574);
}

test('import a GBK CSV with GCJ-02 coordinates and one bad row', async ({
  page,
  baseURL,
}, info) => {
  const outside = watchRequests(page, baseURL);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openDemo(page);

  // Step 1: choose the file (Chinese UI by default).
  await page.getByTestId('open-import').click();
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByRole('heading', { name: '导入数据' })).toBeVisible();
  await expect(wizard).toContainText('将文件拖放到此处');
  await page.screenshot({ path: info.outputPath('import-1-file-zh.png') });
  await page.getByTestId('import-file-input').setInputFiles(CSV);

  // Step 2: the encoding was detected and the columns guessed.
  await expect(page.getByTestId('import-encoding')).toContainText('GBK');
  await expect(page.getByTestId('import-encoding')).toContainText('不是有效的 UTF-8');
  await expect(page.getByTestId('map-name')).toHaveValue('名称');
  await expect(page.getByTestId('map-type')).toHaveValue('类型');
  await expect(page.getByTestId('map-lon')).toHaveValue('经度');
  await expect(page.getByTestId('map-lat')).toHaveValue('纬度');
  await expect(page.getByTestId('map-floorArea')).toHaveValue('建筑面积');
  await expect(page.getByTestId('import-file-name')).toContainText('register-xinjiekou-gbk.csv');
  await page.screenshot({ path: info.outputPath('import-2-mapping-zh.png') });
  await page.getByTestId('import-next').click();

  // Step 3: nothing names the CRS and 5 points are too few for the roads to decide: ask.
  await expect(page.getByTestId('crs-suggestion')).toContainText('无法自动判断坐标系');
  await expect(page.getByTestId('crs-choices')).toContainText('米');
  await expect(page.getByTestId('import-next')).toBeDisabled();
  await page.getByTestId('crs-gcj02').check();
  await expect(page.getByTestId('crs-example')).toContainText('GCJ-02');
  await page.screenshot({ path: info.outputPath('import-3-crs-zh.png') });
  await page.getByTestId('import-next').click();

  // Step 4: the bad row is listed with its row number, column, value and reason.
  await expect(page.getByTestId('import-accepted')).toHaveText(String(EXPECTED.accepted.length));
  await expect(page.getByTestId('import-rejected')).toHaveText('1');
  const bad = page.getByTestId('import-rejections').locator(`tr[data-row="${EXPECTED.badRow}"]`);
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText(EXPECTED.badColumn);
  await expect(bad).toContainText('32.03888 41');
  await expect(bad).toContainText('不是有效数字');
  await expect(page.getByTestId('import-rejections').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('import-conversion')).toContainText('GCJ-02');
  await page.screenshot({ path: info.outputPath('import-4-result-zh.png') });

  // The rejected rows download as CSV: original columns plus row and reason.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('import-download-rejected').click(),
  ]);
  expect(download.suggestedFilename()).toBe('register-xinjiekou-gbk-rejected.csv');
  const saved = info.outputPath('rejected.csv');
  await download.saveAs(saved);
  const csv = readFileSync(saved, 'utf8').replace(/^\uFEFF/, '');
  const csvLines = csv.trim().split(/\r?\n/);
  expect(csvLines).toHaveLength(2);
  expect(csvLines[0]).toBe('编号,名称,类型,经度,纬度,建筑面积,床位,row,reject_reason');
  expect(csvLines[1]).toContain('N04,文昌巷养老驿站');
  expect(csvLines[1]).toContain(`,${EXPECTED.badRow},`);

  // Apply (replace): the map shows the imported sites where they really are.
  await page.getByTestId('import-mode-replace').check();
  await page.getByTestId('import-apply').click();
  await expect(wizard).toHaveCount(0);
  await expect(page.getByTestId('import-source-label')).toContainText('register-xinjiekou-gbk.csv');
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __carecircle?: { counts: { facilities: number } } }).__carecircle
        ?.counts.facilities === n,
    EXPECTED.accepted.length,
  );
  const state = await page.evaluate(
    () => (window as unknown as { __carecircleImport: ImportState }).__carecircleImport,
  );
  expect(state.fileName).toBe('register-xinjiekou-gbk.csv');
  expect(state.facilities).toHaveLength(EXPECTED.accepted.length);
  const offsets: number[] = [];
  for (const want of EXPECTED.accepted) {
    const got = state.facilities.find((f) => f.id === want.id);
    expect(got, want.id).toBeDefined();
    if (got === undefined) continue;
    expect(got.row).toBe(want.row);
    expect(got.name).toBe(want.name);
    offsets.push(metres(got, want));
  }
  info.annotations.push({
    type: 'offsets-m',
    description: offsets.map((m) => m.toFixed(2)).join(', '),
  });
  expect(Math.max(...offsets)).toBeLessThan(3);
  await page.screenshot({ path: info.outputPath('import-5-applied-zh.png') });

  // English via the switch; the label follows. Restoring brings the baseline register back.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('import-source-label')).toContainText('Facilities:');
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-wizard')).toContainText('Drop a file here');
  await page.screenshot({ path: info.outputPath('import-6-file-en.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('import-reset').click();
  await expect(page.getByTestId('import-source-label')).toHaveCount(0);
  await page.getByTestId('language-switch').click();

  expect(outside()).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('settings: the online base map is off by default and GCJ-02 tiles are refused', async ({
  page,
  baseURL,
}, info) => {
  const outside = watchRequests(page, baseURL);
  await openDemo(page);
  expect(await page.evaluate(() => window.localStorage.getItem('carecircle.basemap'))).toBeNull();
  await page.getByTestId('open-settings').click();
  const panel = page.getByTestId('settings-panel');
  await expect(panel.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(page.getByTestId('basemap-offline')).toBeChecked();
  await expect(page.getByTestId('basemap-osm')).not.toBeChecked();
  const warning = page.getByTestId('gcj02-warning');
  await expect(warning).toContainText('GCJ-02');
  await expect(warning).toContainText('高德');
  await expect(warning).toContainText('100–700 米');
  // A Tianditu key must look like one before it can be applied (never applied here).
  await page.getByTestId('basemap-tianditu').check();
  await page.getByTestId('tianditu-key').fill('not-a-key');
  await expect(page.getByTestId('settings-apply')).toBeDisabled();
  await page.screenshot({ path: info.outputPath('settings-zh.png') });
  await panel.getByRole('button', { name: '取消' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('online-basemap-on')).toHaveCount(0);
  expect(await page.evaluate(() => window.localStorage.getItem('carecircle.basemap'))).toBeNull();

  await page.getByTestId('language-switch').click();
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('gcj02-warning')).toContainText('AMap');
  await page.screenshot({ path: info.outputPath('settings-en.png') });
  expect(outside()).toEqual([]);
});

test('own city: an OSM extract is built in the browser and opened on the map', async ({
  page,
  baseURL,
}, info) => {
  const outside = watchRequests(page, baseURL);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openDemo(page);

  // An extract without buildings: built, with the warning that population must be imported.
  await page.getByTestId('open-osm-city').click();
  await page
    .getByTestId('osm-file-input')
    .setInputFiles(fileURLToPath(new URL('../fixtures/osm/access-rules.osm', import.meta.url)));
  await expect(page.getByTestId('osm-city-warnings')).toContainText('请先导入人口数据', {
    timeout: 60_000,
  });
  await page.screenshot({ path: info.outputPath('osm-city-warning-zh.png') });
  await page.keyboard.press('Escape');

  // The demo's own extract: built in the worker, opened like a fetched city folder.
  await page.getByTestId('open-osm-city').click();
  await page.locator('[data-testid="osm-city"] input[type="text"]').fill('我的新街口');
  await page
    .getByTestId('osm-file-input')
    .setInputFiles(
      fileURLToPath(
        new URL('../../data/raw/nanjing_xinjiekou_overpass_2021.osm.pbf', import.meta.url),
      ),
    );
  await expect(page.getByTestId('osm-city-built')).toContainText('我的新街口', { timeout: 90_000 });
  await page.screenshot({ path: info.outputPath('osm-city-built-zh.png') });
  await page.getByTestId('osm-city-open').click();
  await expect(page.locator('.city-name')).toHaveText('我的新街口');
  await page.waitForFunction(
    () => {
      const s = (
        window as unknown as { __carecircle?: { counts: { facilities: number; roads: number } } }
      ).__carecircle;
      return s !== undefined && s.counts.facilities === 0 && s.counts.roads > 100;
    },
    undefined,
    { timeout: 60_000 },
  );
  // The road graphs reached the worker from memory (blob: URLs).
  await expect(page.getByTestId('network-card')).toContainText('步行', { timeout: 60_000 });
  await page.screenshot({ path: info.outputPath('osm-city-open-zh.png') });
  expect(outside()).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('population per H3 cell replaces the modelled population; the bad row is listed', async ({
  page,
}, info) => {
  await openDemo(page);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-kind-population').check();
  // Dropped onto the drop zone, as a planner would drag it from the desktop.
  const dataTransfer = await page.evaluateHandle(
    (text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'population-h3.csv', { type: 'text/csv' }));
      return transfer;
    },
    readFileSync(fixture('population-h3.csv'), 'utf8'),
  );
  await page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer });
  // "H3编号" reads as an ID column to the guesser; the planner corrects it (the ID is released).
  await expect(page.getByTestId('map-id')).toHaveValue('H3编号');
  await page.getByTestId('map-h3').selectOption('H3编号');
  await expect(page.getByTestId('map-h3')).toHaveValue('H3编号');
  await expect(page.getByTestId('map-id')).toHaveValue('');
  await expect(page.locator('tr[data-field="h3"]')).toContainText('手动指定');
  await expect(page.getByTestId('map-residents')).toHaveValue('常住人口');
  await expect(page.getByTestId('map-elders60')).toHaveValue('60岁以上');
  await page.getByTestId('import-next').click();
  // H3 cells are WGS-84 by definition: no CRS step, straight to the checks.
  await expect(page.getByTestId('import-accepted')).toHaveText('2');
  const bad = page.getByTestId('import-rejections').locator('tr[data-row="3"]');
  await expect(bad).toContainText('60岁以上');
  await expect(bad).toContainText('-5');
  await expect(page.getByTestId('import-wizard')).toContainText('65岁及以上');
  await page.screenshot({ path: info.outputPath('population-result-zh.png') });
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-source-label')).toContainText('population-h3.csv');
  await expect(page.getByTestId('side-panel')).toContainText('1,400');
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { counts: { populationCells: number } } }).__carecircle
        ?.counts.populationCells === 2,
  );
});

test('an Excel workbook: the sheet can be chosen', async ({ page }, info) => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRows([['本表为测试数据'], ['见第二个工作表']]);
  const sheet = workbook.addWorksheet('设施名录');
  sheet.addRows([
    ['名称', '类型', '经度', '纬度'],
    ['梅园新村社区养老服务站', '社区养老服务站', 118.7927426, 32.0508832],
    ['大行宫日间照料中心', '日间照料中心', 118.7944744, 32.0369307],
  ]);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await openDemo(page);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: '名录.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await expect(page.getByTestId('import-read-summary')).toContainText('Excel');
  await expect(page.getByTestId('import-sheet')).toHaveValue('说明');
  await page.getByTestId('import-sheet').selectOption('设施名录');
  await expect(page.getByTestId('map-lon')).toHaveValue('经度');
  await expect(page.getByTestId('map-name')).toHaveValue('名称');
  await page.screenshot({ path: info.outputPath('xlsx-mapping-zh.png') });
  await page.getByTestId('import-next').click();
  await page.getByTestId('crs-wgs84').check();
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-accepted')).toHaveText('2');
  await expect(page.getByTestId('import-conversion')).toContainText('未做换算');
});
