import { expect, type Page, test } from '@playwright/test';

/**
 * Map-first layout: the map's visible area (its canvas minus whatever covers it: legend, map
 * controls, progress, dialogs) is measured by asking the page which element is on top at every
 * point of a fine grid over the canvas, so any panel that overlaps the map counts against it.
 */
const SIZES = [
  { width: 1440, height: 900, minShare: 0.6 },
  { width: 1280, height: 720, minShare: 0.5 },
];
const TABS = ['analysis', 'scenario', 'overview'];

interface Measure {
  share: number;
  canvas: { x: number; y: number; width: number; height: number };
  centreIsMap: boolean;
}

async function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="map"] canvas');
    if (canvas === null) throw new Error('no map canvas');
    const r = canvas.getBoundingClientRect();
    const left = Math.max(0, r.left);
    const top = Math.max(0, r.top);
    const right = Math.min(window.innerWidth, r.right);
    const bottom = Math.min(window.innerHeight, r.bottom);
    const step = 8;
    let visible = 0;
    for (let y = top + step / 2; y < bottom; y += step)
      for (let x = left + step / 2; x < right; x += step)
        if (document.elementFromPoint(x, y) === canvas) visible += 1;
    const cx = (left + right) / 2;
    const cy = (top + bottom) / 2;
    return {
      share: (visible * step * step) / (window.innerWidth * window.innerHeight),
      canvas: { x: r.left, y: r.top, width: r.width, height: r.height },
      centreIsMap: document.elementFromPoint(cx, cy) === canvas,
    };
  });
}

for (const size of SIZES) {
  test(`map-first layout at ${size.width}×${size.height}`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/');
    // Wait for the analysis: its legend section is the tallest the legend gets by default.
    await page.waitForFunction(
      () =>
        (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
        undefined,
      undefined,
      { timeout: 110_000 },
    );
    await expect(page.getByTestId('analysis-legend')).toBeVisible();
    await expect(page.locator('.tasks')).toHaveCount(0);

    for (const tab of TABS) {
      await page.getByTestId(`dock-tab-${tab}`).click();
      const m = await measure(page);
      console.log(
        `${size.width}×${size.height}, ${tab} tab: visible map ${(m.share * 100).toFixed(1)} % of the window`,
      );
      testInfo.annotations.push({
        type: `map-share-${tab}`,
        description: (m.share * 100).toFixed(1),
      });
      expect(m.share).toBeGreaterThanOrEqual(size.minShare);
      expect(m.centreIsMap, 'nothing floats over the centre of the map').toBe(true);
      // The dock is beside the map, not over it, and fits the window.
      const dock = await page.getByTestId('dock').boundingBox();
      if (dock === null) throw new Error('no dock');
      expect(dock.x + dock.width).toBeLessThanOrEqual(m.canvas.x + 1);
      expect(dock.y + dock.height).toBeLessThanOrEqual(size.height + 1);
      // A tab taller than the window scrolls inside the dock's body, never the page.
      const body = await page.locator('.dock-body:visible').boundingBox();
      if (body === null) throw new Error('no dock body');
      expect(body.y + body.height).toBeLessThanOrEqual(size.height + 1);
    }

    // The legend folds to one button and opens again; its state is remembered.
    await page.getByTestId('legend-collapse').click();
    const folded = await measure(page);
    await page.reload();
    await expect(page.getByTestId('legend-expand')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('legend-expand').click();
    await expect(page.getByTestId('legend-collapse')).toBeVisible();

    // The dock folds to a rail: the map gains width; a rail button opens it on that tab.
    await page.getByTestId('dock-collapse').click();
    await expect(page.getByTestId('dock-open-scenario')).toBeVisible();
    const railed = await measure(page);
    expect(railed.share).toBeGreaterThan(folded.share);
    await page.getByTestId('dock-open-scenario').click();
    await expect(page.getByTestId('scenario-panel')).toBeVisible();

    // The dock resizes by its edge (pointer) and by arrow keys, within bounds, and keeps it.
    const before = await page.getByTestId('dock').boundingBox();
    const edge = await page.getByTestId('dock-resize').boundingBox();
    if (before === null || edge === null) throw new Error('no dock edge');
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + 200, { steps: 4 });
    await page.mouse.up();
    // The width follows the pointer once React has drawn it: poll, do not read once.
    await expect
      .poll(async () => Math.round((await page.getByTestId('dock').boundingBox())?.width ?? 0))
      .toBe(Math.round(before.width + 60));
    await page.getByTestId('dock-resize').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => Math.round((await page.getByTestId('dock').boundingBox())?.width ?? 0))
      .toBe(Math.round(before.width));
    await page.reload();
    await expect(page.getByTestId('scenario-panel')).toBeVisible({ timeout: 60_000 });
    expect(Math.round((await page.getByTestId('dock').boundingBox())?.width ?? 0)).toBe(
      Math.round(before.width),
    );
  });
}
