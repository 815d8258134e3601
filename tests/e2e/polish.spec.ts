import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { ELDER_RAMP } from '../../web/src/map/elder-classes.ts';
import { findColour } from './pixels.ts';
import { internalIds, latinWords } from './zh-text.ts';

const BACKGROUND = [243, 241, 236];
const MAP_ONLY =
  '.legend, .maplibregl-control-container, .tasks { visibility: hidden !important; }';
const mapLayers = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __carecircle?: { layers: string[] } }).__carecircle?.layers ?? [],
  );

/**
 * Polish checks of the workspace's main views in zh-CN: screenshots at both window sizes (kept as
 * test artefacts), an accessibility scan (no serious or critical axe violation) and a scan of
 * the rendered text for English words and internal ids.
 */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

interface View {
  name: string;
  open(page: Page): Promise<void>;
}

const tab = (id: string) => async (page: Page) => {
  await page.getByTestId(id).click();
};
const VIEWS: View[] = [
  { name: 'analysis-results', open: tab('dock-tab-analysis') },
  {
    name: 'analysis-standards',
    async open(page) {
      await page.getByTestId('dock-tab-analysis').click();
      await page.getByTestId('tab-standards').click();
      await expect(page.getByTestId('standards-view')).toBeVisible();
    },
  },
  {
    name: 'scenario-edit',
    async open(page) {
      await page.getByTestId('dock-tab-scenario').click();
      await page.getByTestId('scenario-tab-edit').click();
      await expect(page.getByTestId('scenario-covered-5')).toBeVisible({ timeout: 90_000 });
    },
  },
  {
    name: 'scenario-compare',
    async open(page) {
      await page.getByTestId('dock-tab-scenario').click();
      await page.getByTestId('scenario-tab-compare').click();
    },
  },
  {
    name: 'scenario-optimise',
    async open(page) {
      await page.getByTestId('dock-tab-scenario').click();
      await page.getByTestId('scenario-tab-optimise').click();
    },
  },
  {
    name: 'scenario-programme',
    async open(page) {
      await page.getByTestId('dock-tab-scenario').click();
      await page.getByTestId('scenario-tab-programme').click();
    },
  },
  {
    name: 'scenario-report',
    async open(page) {
      await page.getByTestId('dock-tab-scenario').click();
      await page.getByTestId('scenario-tab-report').click();
    },
  },
  { name: 'overview', open: tab('dock-tab-overview') },
];

async function openWorkspace(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
      undefined,
    undefined,
    { timeout: 110_000 },
  );
  await expect(page.getByTestId('analysis-legend')).toBeVisible();
  await expect(page.locator('.tasks')).toHaveCount(0);
}

/** The text a user can read: visible text plus the labels and titles of controls. */
async function renderedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll<HTMLElement>(
      '[aria-label], [title], [placeholder]',
    )) {
      if (el.closest('[hidden], [aria-hidden="true"], .ant-tabs-tabpane-hidden, .dock-tabs-hidden'))
        continue;
      // antd's built-in icons (select arrows, sorter carets) are labelled with their file names
      // (caret-up, down); that is the component library's, counted apart in the report.
      if (el.classList.contains('anticon')) continue;
      if (el.offsetParent === null && el.tagName !== 'BODY') continue;
      for (const name of ['aria-label', 'title', 'placeholder'])
        parts.push(el.getAttribute(name) ?? '');
    }
    return parts.join('\n');
  });
}

for (const size of SIZES) {
  test(`screenshots of the main views at ${size.width}×${size.height}`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    await openWorkspace(page);
    for (const view of VIEWS) {
      await view.open(page);
      await page.screenshot({
        path: testInfo.outputPath(`${size.width}x${size.height}-${view.name}.png`),
      });
    }
    // A unit's figures on hover, with the units layer on.
    await page.getByTestId('dock-tab-analysis').click();
    await page.getByTestId('toggle-analysis-units').check();
    // Markers, circles and clusters would take the hover: only the units stay on.
    await page.getByTestId('toggle-facilities').uncheck();
    await page.getByTestId('toggle-analysis-circles').uncheck();
    await page.getByTestId('toggle-analysis-clusters').uncheck();
    const map = await page.getByTestId('map').boundingBox();
    if (map === null) throw new Error('no map');
    await page.mouse.move(map.x + map.width * 0.55, map.y + map.height * 0.5);
    await expect(page.locator('.deck-tooltip')).toContainText('未达标', { timeout: 10_000 });
    await expect(page.locator('.deck-tooltip')).toContainText('60岁及以上');
    await page.screenshot({
      path: testInfo.outputPath(`${size.width}x${size.height}-unit-hover.png`),
    });
    // With the units off too, a population cell (a pixel of any class drawn) gives its figures.
    await page.getByTestId('toggle-analysis-units').uncheck();
    await page.mouse.move(map.x + 5, map.y + 5);
    await expect.poll(() => mapLayers(page)).not.toContain('analysis-units');
    const shot = await page.getByTestId('map').screenshot({ style: MAP_ONLY });
    let cell: { x: number; y: number } | null = null;
    for (const colour of [...ELDER_RAMP].reverse()) {
      // A cell's colour at its opacity over the plain background.
      const drawn = colour.map((c, i) => Math.round(0.62 * c + 0.38 * BACKGROUND[i]));
      cell ??= await findColour(page, shot, drawn as [number, number, number], 6);
    }
    expect(cell).not.toBeNull();
    if (cell !== null) {
      await page.mouse.move(map.x + cell.x, map.y + cell.y + 2);
      await expect(page.locator('.deck-tooltip')).toContainText('人口格网');
      await expect(page.locator('.deck-tooltip')).toContainText('60岁及以上');
    }
  });
}

test('accessibility: no serious or critical axe violation in the main views', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWorkspace(page);
  for (const view of VIEWS) {
    await view.open(page);
    const result = await new AxeBuilder({ page }).exclude('canvas').analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`),
      }));
    testInfo.annotations.push({ type: `axe-${view.name}`, description: JSON.stringify(bad) });
    expect.soft(bad, `axe in ${view.name}`).toEqual([]);
  }
});

test('zh-CN: no English words and no internal ids in the rendered text', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWorkspace(page);
  for (const view of VIEWS) {
    await view.open(page);
    const text = await renderedText(page);
    const english = [...new Set(latinWords(text))];
    const ids = [...new Set(internalIds(text))];
    testInfo.annotations.push({
      type: `zh-${view.name}`,
      description: JSON.stringify({ english, ids }),
    });
    expect.soft(english, `English words in ${view.name}`).toEqual([]);
    expect.soft(ids, `internal ids in ${view.name}`).toEqual([]);
  }
});
