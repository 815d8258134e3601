import { expect, type Page, test } from '@playwright/test';

/**
 * Editing the map as planners expect: every button says what it does (no two share a label),
 * add mode ends once a site is placed, an edit redraws the map once, Esc leaves a mode, a pen
 * (pointer events, not mouse events) drags a site and the moved site wears its state's mark (the
 * card and service circle of a clicked facility are checked in first-page.spec.ts).
 */
test.use({ viewport: { width: 1440, height: 900 } });

const modCount = (page: Page) => page.getByTestId('scenario-mods').locator('li').count();

/** How many sets of layers the map has been given (each one redraws it). */
const layerSets = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __carecircle?: { layerSets: number } }).__carecircle?.layerSets,
  );

async function layers(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...((window as unknown as { __carecircle?: { layers: string[] } }).__carecircle?.layers ?? []),
  ]);
}

/** Sends a pen drag as the browser would: pointer events only, no mouse events. */
async function penDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.evaluate(
    ({ from, to }) => {
      const canvas = document.querySelector('[data-testid="map"] canvas');
      if (canvas === null) throw new Error('no canvas');
      const init = (x: number, y: number, buttons: number): PointerEventInit => ({
        pointerId: 7,
        pointerType: 'pen',
        isPrimary: true,
        button: 0,
        buttons,
        clientX: x,
        clientY: y,
        bubbles: true,
      });
      canvas.dispatchEvent(new PointerEvent('pointerdown', init(from.x, from.y, 1)));
      for (let i = 1; i <= 8; i++) {
        const x = from.x + ((to.x - from.x) * i) / 8;
        const y = from.y + ((to.y - from.y) * i) / 8;
        window.dispatchEvent(new PointerEvent('pointermove', init(x, y, 1)));
      }
      window.dispatchEvent(new PointerEvent('pointerup', init(to.x, to.y, 0)));
    },
    { from, to },
  );
}

test('editing: unique labels, add mode ends, Esc, pen drag, state marks', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByTestId('dock-tab-scenario').click();
  await expect(page.getByTestId('scenario-covered-5')).toBeVisible({ timeout: 110_000 });
  await expect(page.getByTestId('scenario-panel')).not.toContainText('正在准备方案计算', {
    timeout: 60_000,
  });
  // The first analysis sets the profile the scenario follows (another one reopens its session).
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
      undefined,
    undefined,
    { timeout: 110_000 },
  );
  await expect(page.getByTestId('scenario-panel')).not.toContainText('正在准备方案计算', {
    timeout: 60_000,
  });
  // It ran the default profile, the one the session already had: the session stayed open.
  const opens = await page.evaluate(async () => {
    const worker = (
      window as unknown as {
        __carecircleWorker: { workerTimeline(): Promise<{ name: string }[]> };
      }
    ).__carecircleWorker;
    return (await worker.workerTimeline()).filter((m) => m.name === 'scenario-open-start').length;
  });
  expect(opens).toBe(1);

  // Place a site: the form's button is not labelled like the add button; the mode then ends.
  const map = await page.getByTestId('map').boundingBox();
  if (map === null) throw new Error('no map');
  const at = { x: map.x + map.width * 0.5, y: map.y + map.height * 0.45 };
  await page.getByTestId('scenario-add-mode').click();
  await expect(page.getByTestId('scenario-add-mode')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('scenario-site-form')).toBeVisible();
  const labels = await page
    .locator('[data-testid="scenario-panel"] button:visible')
    .evaluateAll((buttons) => buttons.map((b) => b.textContent?.trim() ?? '').filter((l) => l));
  const repeated = labels.filter((label, i) => labels.indexOf(label) !== i);
  expect(repeated, 'buttons sharing a label').toEqual([]);
  const setsBefore = await layerSets(page);
  await page.getByTestId('scenario-form-submit').click();
  await expect.poll(() => modCount(page)).toBe(1);
  await expect(page.getByTestId('scenario-add-mode')).toHaveAttribute('aria-pressed', 'false');

  // The edit redraws the map once: the site appears with the coverage it gives (a redraw costs
  // about a second on a CPU renderer). What each measure brings is the edit's last answer.
  await page.getByTestId('scenario-tab-compare').click();
  await expect(page.getByTestId('measure')).toHaveCount(1, { timeout: 60_000 });
  expect(await layerSets(page)).toBe((setsBefore ?? Number.NaN) + 1);
  await expect.poll(() => layers(page)).toContain('scenario-sites');
  await page.getByTestId('scenario-tab-edit').click();

  // Esc leaves add mode and the form of a placed site.
  await page.getByTestId('scenario-add-mode').click();
  await page.mouse.click(map.x + map.width * 0.3, map.y + map.height * 0.3);
  await expect(page.getByTestId('scenario-site-form')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scenario-site-form')).toHaveCount(0);
  await expect(page.getByTestId('scenario-add-mode')).toHaveAttribute('aria-pressed', 'false');
  expect(await modCount(page)).toBe(1);

  // A pen drags the new site elsewhere: one move modification.
  await penDrag(page, at, { x: at.x + 80, y: at.y + 60 });
  await expect.poll(() => modCount(page)).toBe(2);
  await expect(page.getByTestId('scenario-mods').locator('li').last()).toContainText('移动');
  // The moved site carries its state mark; the legend lists the scenario states.
  await expect.poll(() => layers(page)).toContain('scenario-state-marks');
  await expect(page.getByTestId('legend-states')).toContainText('迁移站点');
});
