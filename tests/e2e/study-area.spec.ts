import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

/** The demo's own register plus twelve sites of a city 270 km away (Shanghai), in one file. */
function mixedRegister(): { csv: string; own: number; far: number } {
  const demo = JSON.parse(readFileSync('data/nanjing-xinjiekou/facilities.geojson', 'utf8')) as {
    features: {
      properties: { id: string; name: string; type: string; floorAreaM2: number };
      geometry: { coordinates: [number, number] };
    }[];
  };
  const lines = ['编号,名称,类型,建筑面积,经度,纬度'];
  for (const f of demo.features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    lines.push(`${p.id},${p.name},${p.type},${p.floorAreaM2},${lon},${lat}`);
  }
  const far = 12;
  for (let i = 0; i < far; i++) {
    lines.push(`SH${i},上海示例站点${i},community_station,200,${121.47 + i * 0.002},31.23`);
  }
  return { csv: `${lines.join('\n')}\n`, own: demo.features.length, far };
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

test("a register mixing two cities keeps only this city's rows unless the user keeps the rest", async ({
  page,
}, info) => {
  const { csv, own, far } = mixedRegister();
  await openDemo(page);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: '两市名录.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(page.getByTestId('map-lon')).toHaveValue('经度');
  await page.getByTestId('import-next').click();
  await page.getByTestId('crs-wgs84').check();
  await page.getByTestId('import-next').click();

  // Set aside by default, each listed with the code's reason, counted and drawn.
  await expect(page.getByTestId('import-accepted')).toHaveText(String(own));
  await expect(page.getByTestId('import-rejected')).toHaveText(String(far));
  await expect(page.getByTestId('import-outside-count')).toContainText(`${far} 条记录位于研究区`);
  await expect(page.getByTestId('import-rejections').locator('tbody tr')).toHaveCount(far);
  await expect(page.getByTestId('import-rejections')).toContainText('位于研究区（路网范围外扩');
  await expect(page.getByTestId('import-study-area').locator('svg circle')).toHaveCount(far);
  await page.screenshot({ path: info.outputPath('study-area-zh.png') });

  // Kept only by an explicit choice, and set aside again when the choice is undone.
  await page.getByTestId('import-keep-outside').click(); // re-checks the file in the worker
  await expect(page.getByTestId('import-accepted')).toHaveText(String(own + far));
  await expect(page.getByTestId('import-rejected')).toHaveText('0');
  await expect(page.getByTestId('import-keep-outside')).toBeChecked();
  await page.getByTestId('import-keep-outside').click();
  await expect(page.getByTestId('import-accepted')).toHaveText(String(own));
  await expect(page.getByTestId('import-keep-outside')).not.toBeChecked();

  // Applied: the map holds this city's sites only.
  await page.getByTestId('import-mode-replace').check();
  await page.getByTestId('import-apply').click();
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __carecircle?: { counts: { facilities: number } } }).__carecircle
        ?.counts.facilities === n,
    own,
  );
});
