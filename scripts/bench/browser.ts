import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { makeCountyCity } from '../county/make-mosaic.ts';
import { type Benchmark, machineInfo, median, round } from './benchmark.ts';
import { LONG_TASKS_SCRIPT, launchProfile, rendererPeakMb } from './browser/chromium.ts';
import { serveApp } from './browser/serve.ts';

/**
 * `npm run bench -- browser [--dist DIR] [--county-n 8] [--warm-visits 3] [--no-osm-build]`:
 * the built app in Chromium (Playwright, /usr/bin/chromium, one persistent profile):
 *   demo cold start to a finished analysis, warm starts (service worker and compiled code
 *   cached), the county mosaic (scripts/county/make-mosaic.ts, generated into /tmp) opened by
 *   URL and analysed, one scenario edit on it, the tab's peak memory, and the county built in
 *   the browser from its OSM file. Main-thread long tasks over 200 ms are recorded per phase.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK = '/tmp/carecircle-bench-browser';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Progress on stderr: a county run takes minutes. */
const say = (message: string) => console.error(`[bench browser] ${message}`);

const machineLoad = () => ({
  loadavg_1_5_15: loadavg().map((v) => round(v, 2)),
  cpus: cpus().length,
});

interface AnalysisState {
  finishedAtMs: number;
  startedAtMs: number;
  workerMs: { db: number; routing: number; total: number };
}

async function analysed(page: Page, timeout: number): Promise<AnalysisState> {
  // Done, or failed: an analysis error, or the city itself failed to load (placeholder).
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
        undefined ||
      document.querySelector('.status-error') !== null ||
      /失败|failed/i.test(document.querySelector('[data-testid="placeholder"]')?.textContent ?? ''),
    undefined,
    { timeout },
  );
  const state = await page.evaluate(
    () => (window as unknown as { __carecircle?: { analysis?: AnalysisState } }).__carecircle,
  );
  if (state?.analysis === undefined) {
    const shown = await page.evaluate(
      () =>
        (
          document.querySelector('.status-error') ??
          document.querySelector('[data-testid="placeholder"]')
        )?.textContent,
    );
    throw new Error(`analysis failed on ${page.url()}: ${shown ?? 'no message'}`);
  }
  return state.analysis;
}

/** Longest main-thread task over 200 ms so far on the page, and how many there were. */
async function longTasks(page: Page): Promise<{ longest_ms: number; count: number }> {
  const tasks = await page.evaluate(
    () => (window as unknown as { __benchLongTasks: { ms: number }[] }).__benchLongTasks,
  );
  return { longest_ms: round(Math.max(0, ...tasks.map((t) => t.ms)), 0), count: tasks.length };
}

/** Adds a site at the map's centre; ms from the form's submit click to new coverage on screen. */
async function editOnce(page: Page): Promise<{ page_ms: number; worker_ms: number }> {
  await page.getByTestId('scenario-covered-5').waitFor({ timeout: 600_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="scenario-panel"]')?.textContent?.includes('正在准备'),
    undefined,
    { timeout: 600_000 },
  );
  const map = page.getByTestId('map');
  const box = await map.boundingBox();
  if (box === null) throw new Error('no map on the page');
  await map.click({ position: { x: Math.round(box.width / 2), y: Math.round(box.height / 2) } });
  await page.getByTestId('scenario-site-form').waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __benchEdit: Promise<number> };
    const before = document
      .querySelector('[data-testid="scenario-timing"]')
      ?.getAttribute('data-ms');
    w.__benchEdit = new Promise((resolve) => {
      let clicked = 0;
      document.addEventListener(
        'click',
        (event) => {
          if ((event.target as Element).closest('[data-testid="scenario-form-submit"]'))
            clicked = performance.now();
        },
        { capture: true },
      );
      new MutationObserver((_, observer) => {
        const ms = document
          .querySelector('[data-testid="scenario-timing"]')
          ?.getAttribute('data-ms');
        if (clicked > 0 && ms != null && ms !== before) {
          observer.disconnect();
          resolve(performance.now() - clicked);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  });
  await page.getByTestId('scenario-form-submit').click();
  const pageMs = await page.evaluate(
    () => (window as unknown as { __benchEdit: Promise<number> }).__benchEdit,
  );
  const workerMs = Number(
    await page.getByTestId('scenario-timing').getAttribute('data-ms', { timeout: 60_000 }),
  );
  return { page_ms: round(pageMs, 1), worker_ms: round(workerMs, 1) };
}

/** Builds a city from an OSM file in the browser (the own-city dialog); seconds to built. */
async function buildInBrowser(page: Page, osmFile: string, name: string): Promise<number> {
  await page.getByTestId('open-osm-city').click();
  await page.locator('[data-testid="osm-city"] input[type="text"]').fill(name);
  const started = performance.now();
  await page.getByTestId('osm-file-input').setInputFiles(osmFile);
  await page.getByTestId('osm-city-built').filter({ hasText: name }).waitFor({ timeout: 900_000 });
  return (performance.now() - started) / 1000;
}

export const benchmark: Benchmark = {
  summary: 'browser: demo cold/warm start, county open + analyse, edit, memory, in-browser build',
  async run(args) {
    const n = Number(option(args, 'county-n') ?? '8');
    const warmVisits = Number(option(args, 'warm-visits') ?? '3');
    const out: Record<string, unknown> = { machine: machineInfo(), load_before: machineLoad() };
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    let dist = option(args, 'dist');
    if (dist === undefined) {
      dist = join(WORK, 'dist');
      const build = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      if (build.status !== 0) throw new Error('vite build failed');
    }
    const countyDir = `/tmp/carecircle-county-${n}`;
    if (!existsSync(join(countyDir, 'city/city.json'))) {
      out.county_node_build_s = round(makeCountyCity(n, countyDir).buildSeconds, 1);
    }
    const manifest = JSON.parse(readFileSync(join(countyDir, 'city/city.json'), 'utf8'));
    out.county_n = n;
    out.county_nodes = manifest.networks.walk.nodes;
    out.county_cells = manifest.counts.populationCells;
    out.county_facilities = manifest.counts.facilities;

    const server = await serveApp(dist, { [`county-${n}`]: join(countyDir, 'city') });
    const profile = mkdtempSync(join(WORK, 'profile-'));
    const context = await launchProfile(profile);
    await context.addInitScript(LONG_TASKS_SCRIPT);
    try {
      say('demo, cold start');
      // 1. Demo, cold: a new profile, nothing cached, no service worker yet.
      const cold = await context.newPage();
      await cold.goto(`${server.origin}/`);
      const coldState = await analysed(cold, 300_000);
      out.demo_cold_s = round(coldState.finishedAtMs / 1000, 2);
      out.demo_cold_worker_ms = coldState.workerMs;
      out.demo_cold_long_tasks = await longTasks(cold);
      // Let the service worker install and the city be cached, and give Chromium time to
      // write the compiled DuckDB module next to the cached wasm.
      await cold.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 300_000,
      });
      await cold.waitForTimeout(5000);
      await cold.close();

      say(`demo cold ${out.demo_cold_s} s; warm visits`);
      // 2. Demo, warm: new tabs in the same profile.
      const warm: number[] = [];
      const warmDb: number[] = [];
      for (let i = 0; i < warmVisits; i++) {
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        const state = await analysed(page, 300_000);
        warm.push(round(state.finishedAtMs / 1000, 2));
        warmDb.push(round(state.workerMs.db));
        await page.waitForTimeout(3000);
        await page.close();
      }
      out.demo_warm_s = median(warm);
      out.demo_warm_runs_s = warm;
      out.demo_warm_db_wait_ms = warmDb;

      say(`demo warm ${warm.join(', ')} s; county ${n}x${n}`);
      // 3. County: opened by URL (?city=), analysed, one edit; peak memory of the renderers.
      out.load_before_county = machineLoad();
      const county = await context.newPage();
      await county.goto(`${server.origin}/?city=county-${n}`);
      const countyState = await analysed(county, 900_000);
      out.county_open_analyse_s = round(countyState.finishedAtMs / 1000, 2);
      out.county_worker_ms = countyState.workerMs;
      out.county_long_tasks = await longTasks(county);
      say(`county analysed in ${out.county_open_analyse_s} s; one edit`);
      try {
        const edit = await editOnce(county);
        out.county_edit_ms = edit.page_ms;
        out.county_edit_worker_ms = edit.worker_ms;
      } catch (error) {
        out.county_edit_ms = null;
        out.county_edit_error =
          error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
      out.county_long_tasks_after_edit = await longTasks(county);
      const memory = rendererPeakMb(profile);
      out.county_peak_mb = memory.max;
      out.renderer_peak_mb_sum = memory.sum;
      out.renderer_processes = memory.count;
      await county.close();

      say(`edit ${out.county_edit_ms} ms; peak ${out.county_peak_mb} MB`);
      // 4. The county built in the browser from its OSM file.
      if (!args.includes('--no-osm-build')) {
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await analysed(page, 300_000);
        try {
          out.county_build_s = round(
            await buildInBrowser(page, join(countyDir, 'source/mosaic.osm.pbf'), `县域${n}`),
            1,
          );
        } catch (error) {
          out.county_build_s = null;
          out.county_build_error =
            error instanceof Error ? error.message.split('\n')[0] : String(error);
        }
        out.county_build_long_tasks = await longTasks(page);
        out.county_build_peak_mb = rendererPeakMb(profile).max;
      }
    } finally {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
    out.load_after = machineLoad();
    console.log(JSON.stringify(out, null, 2));
    return out;
  },
};
