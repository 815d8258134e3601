import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { chooseOption } from './antd.ts';
import { tabMemory } from './tab-memory.ts';

/**
 * Load: 20 consecutive analyses over the six standards profiles, then 200 scenario edits. The
 * memory the tab holds (after a garbage collection, the JS heaps and array buffers of the page
 * and of each of its workers, and duckdb-wasm's memory) must come back to within 20 % of its
 * level after the first analysis; a leak of workers, DuckDB connections or tables, or deck.gl
 * layers would grow it. The renderer processes' resident size is recorded beside it but not
 * held to the bound: it also counts Chromium's own caches and allocator slack (raster and
 * compositor memory under software GL, freed pages not yet returned), which grow by some 15–20 %
 * over such a run while the scripts' memory stays flat. The figures are attached to the test's
 * report (load-memory.json).
 */
test.use({ viewport: { width: 1440, height: 900 } });

const ANALYSES = 20;
const EDITS = 200;
// Option labels of the six built-in profiles (their names begin so).
const PROFILES = ['怀化市', '海宁市', '山西省', 'GB 50180', '养老托育', '关于推进居家'];

interface Proc {
  pid: number;
  ppid: number;
  cmdline: string;
  rssMb: number;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      out.push({
        pid: Number(name),
        ppid: Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0),
        cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' '),
        rssMb: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024,
      });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Resident memory of the renderer processes of the browser this test process started, MB. */
function rendererMb(): number {
  const all = processes();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const mine = (p: Proc) => {
    for (let q = byPid.get(p.ppid); q !== undefined; q = byPid.get(q.ppid))
      if (q.pid === process.pid) return true;
    return false;
  };
  return all
    .filter((p) => p.cmdline.includes('--type=renderer') && mine(p))
    .reduce((sum, p) => sum + p.rssMb, 0);
}

interface Sample {
  /** What the page and its workers hold (tabMemory, summed), MB. */
  liveMb: number;
  /** The renderer processes' resident size, MB. */
  rssMb: number;
  /** duckdb-wasm's memory, part of liveMb (0 would mean it was not found). */
  duckdbMb: number;
}

/** Memory once the page is idle: garbage collections first, so that only live data counts. */
async function settled(page: Page, label: string): Promise<Sample> {
  const targets = await tabMemory(page);
  const liveMb = targets.reduce((sum, t) => sum + t.heapMb + t.backingMb + t.wasmMb, 0);
  const duckdbMb = targets.reduce((sum, t) => sum + t.wasmMb, 0);
  const sample = { liveMb, rssMb: Math.round(rendererMb()), duckdbMb };
  console.log(`load: ${label}, live ${sample.liveMb} MB, resident ${sample.rssMb} MB`);
  return sample;
}

const runs = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __carecircle?: { analysis?: { runs: number } } }).__carecircle
        ?.analysis?.runs ?? 0,
  );

async function modCount(page: Page): Promise<number> {
  return page.getByTestId('scenario-mods').locator('li').count();
}

test('20 analyses and 200 scenario edits: memory returns to within 20 %', async ({
  page,
}, testInfo) => {
  test.setTimeout(900_000);
  await page.goto('/');
  await expect.poll(() => runs(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(1);
  const afterFirst = await settled(page, 'first analysis');
  expect(afterFirst.duckdbMb, "duckdb-wasm's memory is counted").toBeGreaterThan(0);
  const workers = page.workers().length;

  // Analyses: each profile in turn, run explicitly, until 20 analyses have finished.
  const analysisMb: Sample[] = [];
  for (let n = (await runs(page)) + 1; n <= ANALYSES; n++) {
    await chooseOption(page, 'profile-select', PROFILES[n % PROFILES.length]);
    await page.getByTestId('run-analysis').click();
    await expect.poll(() => runs(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(n);
    if (n % 5 === 0) analysisMb.push(await settled(page, `${n} analyses`));
  }
  await expect(page.locator('.status-error')).toHaveCount(0);
  const afterAnalyses = await settled(page, 'after the analyses');

  // Edits: sites added at points of a grid over the map, each followed by its live update.
  await page.getByTestId('dock-tab-scenario').click();
  await expect(page.getByTestId('scenario-covered-5')).toBeVisible({ timeout: 120_000 });
  const box = await page.getByTestId('map').boundingBox();
  if (box === null) throw new Error('no map');
  const start = await modCount(page);
  const editMb: Sample[] = [];
  for (let i = 0; i < EDITS; i++) {
    const x = Math.round(box.width * (0.3 + 0.4 * ((i % 20) / 19)));
    const y = Math.round(box.height * (0.3 + 0.4 * (Math.floor(i / 20) / 9)));
    await page.getByTestId('scenario-add-mode').click();
    await page.getByTestId('map').click({ position: { x, y } });
    await page.getByTestId('scenario-form-submit').click();
    await expect(page.getByTestId('scenario-timing')).toHaveAttribute(
      'data-modifications',
      String(start + i + 1),
    );
    if ((i + 1) % 50 === 0) editMb.push(await settled(page, `${i + 1} edits`));
  }
  expect(await modCount(page)).toBe(start + EDITS);
  const afterEdits = await settled(page, 'after the edits');

  const figures = {
    after_first_analysis_mb: afterFirst,
    every_5_analyses_mb: analysisMb,
    after_20_analyses_mb: afterAnalyses,
    every_50_edits_mb: editMb,
    after_200_edits_mb: afterEdits,
    workers_after_first: workers,
    workers_at_end: page.workers().length,
  };
  console.log(`load: ${JSON.stringify(figures)}`);
  await testInfo.attach('load-memory.json', {
    body: JSON.stringify(figures, null, 2),
    contentType: 'application/json',
  });
  expect(page.workers().length, 'no worker is left behind').toBe(workers);
  expect(afterAnalyses.liveMb).toBeLessThanOrEqual(afterFirst.liveMb * 1.2);
  expect(afterEdits.liveMb).toBeLessThanOrEqual(afterFirst.liveMb * 1.2);
});
