import { expect, type Page, test } from '@playwright/test';

/**
 * Street-network edits in the scenario panel, on the demo: 建议连通 runs the suggest-links
 * analysis in the worker, adding the top suggestion raises the live 5-minute figure by exactly
 * its gain; a link drawn with two clicks is listed with its length; a closed road stretch is
 * listed and undone. Every wait is on page state.
 */
test.use({ viewport: { width: 1600, height: 960 } });

const SHOTS = process.env.H13_SHOTS ?? 'test-results';

async function covered(page: Page, minutes = 5): Promise<number> {
  return Number(await page.getByTestId(`scenario-covered-${minutes}`).getAttribute('data-value'));
}

/** Layer ids the map has drawn (window.__carecircle, web/src/map/test-hook.ts). */
function drawnLayers(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __carecircle?: { layers: string[] } }).__carecircle?.layers ?? [],
  );
}

const netMods = (page: Page, kind: string) =>
  page.locator(`[data-testid="net-mod"][data-kind="${kind}"]`);

/** The notice counter (0 when none is shown): a failed click shows a new one. */
async function noticeSeq(page: Page): Promise<number> {
  const notice = page.getByTestId('net-notice');
  return (await notice.count()) === 0 ? 0 : Number(await notice.getAttribute('data-seq'));
}

/**
 * Clicks map points until `done` holds; a click the app refuses (no road near) answers with a
 * new notice, which is what is waited on before the next point.
 */
async function clickUntil(
  page: Page,
  points: [number, number][],
  done: () => Promise<boolean>,
): Promise<[number, number]> {
  const map = page.getByTestId('map');
  for (const [k, [x, y]] of points.entries()) {
    const seq = await noticeSeq(page);
    await map.click({ position: { x, y } });
    await expect
      .poll(async () => (await done()) || (await noticeSeq(page)) > seq, { timeout: 30_000 })
      .toBe(true);
    if (await done()) {
      console.log(`map point accepted after ${k + 1} click(s)`);
      return [x, y];
    }
  }
  throw new Error('no clicked point was accepted');
}

function grid(box: { width: number; height: number }, step = 23): [number, number][] {
  const out: [number, number][] = [];
  for (let fy = 0.35; fy <= 0.7; fy += 0.05)
    for (let fx = 0.45; fx <= 0.75; fx += 0.04)
      out.push([Math.round(box.width * fx + (out.length % 3) * step), Math.round(box.height * fy)]);
  return out;
}

test('network edits: suggested link gain, drawn link, closed road and undo', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByTestId('dock-tab-scenario').click();
  await expect(page.getByTestId('scenario-covered-5')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('scenario-panel')).not.toContainText('正在准备方案计算');
  await expect(page.getByTestId('legend-network')).toBeVisible();
  const base = await covered(page);
  expect(base).toBeGreaterThan(0);

  // 建议连通 → the top suggestion, added with one click, gains exactly what it promised.
  await page.getByTestId('net-suggest').click();
  const top = page.getByTestId('net-suggestion').first();
  await expect(top).toBeVisible({ timeout: 60_000 });
  const gain = Number(await top.getAttribute('data-gain'));
  expect(gain).toBeGreaterThan(0);
  await top.getByTestId('net-suggestion-add').click();
  await expect(netMods(page, 'add-link')).toHaveCount(1);
  await expect.poll(() => covered(page), { timeout: 30_000 }).toBe(base + gain);
  console.log(`suggested link: +${gain} elders within 5 min (${base} → ${base + gain})`);
  // The list row shows its length, a place in words and the same gain.
  const suggested = netMods(page, 'add-link').first();
  await expect(suggested.getByTestId('net-mod-length')).toContainText('米');
  await expect(suggested.getByTestId('net-mod-place')).not.toBeEmpty();
  await expect(suggested.getByTestId('net-mod-gain')).toContainText(String(gain));
  const withLink = base + gain;

  // Cost side: without a cost the compare view shows "—" per 万元, with 5 万元 it shows gain / 5.
  await page.getByTestId('scenario-tab-compare').click();
  const linkRow = page.locator('[data-testid="measure"][data-kind="add-link"]');
  await expect(linkRow.getByTestId('measure-per-wan')).toHaveText('—');
  await page.getByTestId('scenario-tab-edit').click();
  await suggested.getByTestId('net-mod-cost').fill('5');
  await expect(suggested.getByTestId('net-mod-cost')).toHaveValue('5');
  await page.getByTestId('scenario-tab-compare').click();
  await expect(linkRow.getByTestId('measure-per-wan')).toHaveText((gain / 5).toFixed(1));
  await page.screenshot({ path: `${SHOTS}/network-edits-measures.png` });
  await page.getByTestId('scenario-tab-edit').click();

  // Draw a link: two clicks on roads; the mode is shown and the length follows the pointer.
  const box = await page.getByTestId('map').boundingBox();
  if (box === null) throw new Error('no map');
  await page.getByTestId('net-draw-link').click();
  await expect(page.getByTestId('net-mode')).toHaveAttribute('data-mode', 'link');
  const drawing = page.getByTestId('net-drawing-length');
  const [x1, y1] = await clickUntil(page, grid(box), async () => (await drawing.count()) > 0);
  await page.mouse.move(box.x + x1 + 30, box.y + y1 + 20);
  await expect
    .poll(async () => Number(await drawing.getAttribute('data-value')))
    .toBeGreaterThan(0);
  const near: [number, number][] = [];
  for (const r of [25, 40, 60])
    for (let a = 0; a < 8; a++)
      near.push([
        Math.round(x1 + r * Math.cos((a * Math.PI) / 4)),
        Math.round(y1 + r * Math.sin((a * Math.PI) / 4)),
      ]);
  await clickUntil(page, near, async () => (await netMods(page, 'add-link').count()) === 2);
  await expect(page.getByTestId('net-mode')).toHaveCount(0);
  const drawn = netMods(page, 'add-link').nth(1);
  await expect(drawn.getByTestId('net-mod-length')).toContainText(/长 [\d,]+ 米/);
  expect(Number(await drawn.getAttribute('data-length'))).toBeGreaterThan(0);
  await expect(drawn.getByTestId('net-mod-place')).not.toBeEmpty();
  // Both links are drawn by their own map layer (dashed green), listed in the map's state.
  await expect.poll(() => drawnLayers(page)).toContain('network-added-links');
  await page.screenshot({ path: `${SHOTS}/network-edits-links.png` });

  // Close a road stretch (all networks), then undo it from its row.
  await expect
    .poll(() => netMods(page, 'add-link').nth(1).getByTestId('net-mod-gain').count())
    .toBe(1);
  const beforeClose = await covered(page);
  await page.getByTestId('net-close-road').click();
  await expect(page.getByTestId('net-mode')).toHaveAttribute('data-mode', 'close');
  await clickUntil(
    page,
    grid(box, 11),
    async () => (await netMods(page, 'close-link').count()) === 1,
  );
  const closed = netMods(page, 'close-link');
  await expect(closed.getByTestId('net-mod-length')).toContainText('米');
  await expect.poll(() => drawnLayers(page)).toContain('network-closed-links');
  await page.screenshot({ path: `${SHOTS}/network-edits-closed.png` });
  await closed.getByTestId('net-mod-remove').click();
  await expect(netMods(page, 'close-link')).toHaveCount(0);
  await expect(netMods(page, 'add-link')).toHaveCount(2);
  await expect.poll(() => covered(page)).toBe(beforeClose);
  expect(beforeClose).toBeGreaterThanOrEqual(withLink);
});
