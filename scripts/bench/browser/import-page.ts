import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadAverage, round } from '../benchmark.ts';
import { LONG_TASKS_SCRIPT, launchProfile, profileMainThread, rendererPeakMb } from './chromium.ts';

/**
 * One register imported through the wizard of the built app in Chromium: file chosen → columns
 * shown (read), → CRS suggested, → every row checked (validate), as a planner clicks through it.
 * A new browser per file, so that the renderers' peak memory (VmHWM: the tab, its import and
 * analysis workers) is this import's. The page is given the demo city first, then a quiet main
 * thread (the map's first layers are built in long tasks of their own).
 */
export interface BrowserImportFigures {
  rows: number;
  file_mb: number;
  read_s: number;
  crs_s: number;
  validate_s: number;
  seconds: number;
  rows_per_second: number;
  accepted: number;
  renderer_peak_before_mb: number;
  renderer_peak_mb: number;
  renderer_peak_sum_mb: number;
  longest_main_task_ms: number;
  /** With --profile: the heaviest functions on the main thread during the import. */
  main_thread?: Awaited<ReturnType<Awaited<ReturnType<typeof profileMainThread>>['stop']>>;
  load_before: number;
}

const QUIET_MS = 3_000;
const LONG = { timeout: 1_800_000 };

async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(
    (ms) => {
      const tasks = (window as unknown as { __benchLongTasks: { at: number; ms: number }[] })
        .__benchLongTasks;
      const end = Math.max(0, ...tasks.map((t) => t.at + t.ms));
      return performance.now() - end > ms;
    },
    QUIET_MS,
    { timeout: 120_000, polling: 250 },
  );
}

const now = (page: Page) => page.evaluate(() => performance.now());

export async function importInBrowser(
  origin: string,
  file: string,
  rows: number,
  workDir: string,
  profileTo?: string,
): Promise<BrowserImportFigures> {
  const profile = mkdtempSync(join(workDir, 'profile-'));
  const context = await launchProfile(profile);
  await context.addInitScript(LONG_TASKS_SCRIPT);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(
      () =>
        ((window as unknown as { __carecircle?: { analysis?: { runs: number } } }).__carecircle
          ?.analysis?.runs ?? 0) > 0,
      undefined,
      { timeout: 300_000 },
    );
    await quiet(page);
    const before = rendererPeakMb(profile).max;
    const loadBefore = loadAverage();
    const since = await now(page);
    const profiler = profileTo === undefined ? null : await profileMainThread(page, profileTo);
    await page.getByTestId('open-import').click();
    const t0 = performance.now();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('map-lon').waitFor(LONG);
    const t1 = performance.now();
    await page.getByTestId('import-next').click();
    await page.getByTestId('crs-wgs84').waitFor(LONG);
    const t2 = performance.now();
    await page.getByTestId('crs-wgs84').check();
    const t3 = performance.now();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-accepted').waitFor(LONG);
    const t4 = performance.now();
    const accepted = Number(
      (await page.getByTestId('import-accepted').innerText()).replace(/,/g, ''),
    );
    const memory = rendererPeakMb(profile);
    const mainThread = await profiler?.stop();
    const longest = await page.evaluate(
      (from) =>
        Math.max(
          0,
          ...(
            window as unknown as { __benchLongTasks: { at: number; ms: number }[] }
          ).__benchLongTasks
            .filter((t) => t.at >= from)
            .map((t) => t.ms),
        ),
      since,
    );
    const seconds = (t1 - t0 + (t2 - t1) + (t4 - t3)) / 1000;
    return {
      rows,
      file_mb: round(statSync(file).size / 2 ** 20, 1),
      read_s: round((t1 - t0) / 1000, 2),
      crs_s: round((t2 - t1) / 1000, 2),
      validate_s: round((t4 - t3) / 1000, 2),
      seconds: round(seconds, 2),
      rows_per_second: Math.round(rows / seconds),
      accepted,
      renderer_peak_before_mb: before,
      renderer_peak_mb: memory.max,
      renderer_peak_sum_mb: memory.sum,
      longest_main_task_ms: round(longest, 0),
      ...(mainThread === undefined ? {} : { main_thread: mainThread }),
      load_before: loadBefore,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
