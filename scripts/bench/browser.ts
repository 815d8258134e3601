import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { makeCountyCity } from '../county/make-mosaic.ts';
import { type Benchmark, machineInfo, median, round } from './benchmark.ts';
import {
  LONG_TASKS_SCRIPT,
  launchProfile,
  profileMainThread,
  rendererPeakMb,
  traceWasm,
} from './browser/chromium.ts';
import { cacheSizesMb, pageTimeline, workerSpans } from './browser/page-timing.ts';
import { serveApp } from './browser/serve.ts';

/**
 * `npm run bench -- browser [--dist DIR] [--county-n 8] [--warm-visits 3] [--no-osm-build]
 * [--profile]`:
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

interface LongTasks {
  longest_ms: number;
  count: number;
  total_ms: number;
  /** The five longest: [start, duration] in ms from navigation start. */
  top: [number, number][];
}

/** Main-thread tasks over 200 ms so far on the page: the longest, how many, the five worst. */
async function longTasks(page: Page): Promise<LongTasks> {
  const tasks = await page.evaluate(
    () =>
      (window as unknown as { __benchLongTasks: { at: number; ms: number }[] }).__benchLongTasks,
  );
  const top = [...tasks]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((t): [number, number] => [round(t.at, 0), round(t.ms, 0)]);
  return {
    longest_ms: round(Math.max(0, ...tasks.map((t) => t.ms)), 0),
    count: tasks.length,
    total_ms: round(
      tasks.reduce((sum, t) => sum + t.ms, 0),
      0,
    ),
    top,
  };
}

/**
 * Opens the scenario tab and adds a site at the map's centre; ms from the form's submit click to
 * the new coverage in the page (the panel's figures), ms to the end of the frame that draws it
 * (the map included), and ms from opening the tab until the live session was ready.
 */
async function editOnce(
  page: Page,
): Promise<{ page_ms: number; frame_ms: number; worker_ms: number; ready_after_tab_s: number }> {
  const tabAt = performance.now();
  // A county's page can be busy for tens of seconds at a time: clicks wait as long as that.
  const slow = { timeout: 600_000 };
  await page.getByTestId('dock-tab-scenario').click(slow);
  await page.getByTestId('scenario-covered-5').waitFor({ timeout: 600_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="scenario-panel"]')?.textContent?.includes('正在准备'),
    undefined,
    { timeout: 600_000 },
  );
  await page.getByTestId('scenario-timing').waitFor({ timeout: 600_000 });
  const readyAfterTabS = (performance.now() - tabAt) / 1000;
  await page.getByTestId('scenario-add-mode').click(slow);
  const map = page.getByTestId('map');
  const box = await map.boundingBox();
  if (box === null) throw new Error('no map on the page');
  await map.click({
    position: { x: Math.round(box.width / 2), y: Math.round(box.height / 2) },
    ...slow,
  });
  await page.getByTestId('scenario-site-form').waitFor(slow);
  await page.evaluate(() => {
    const w = window as unknown as { __benchEdit: Promise<{ dom: number; frame: number }> };
    // The number of modifications evaluated (two runs may take the same ms).
    const before = document
      .querySelector('[data-testid="scenario-timing"]')
      ?.getAttribute('data-modifications');
    w.__benchEdit = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('no new coverage within 10 minutes of the form')), 600_000);
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
        const evaluated = document
          .querySelector('[data-testid="scenario-timing"]')
          ?.getAttribute('data-modifications');
        if (clicked > 0 && evaluated != null && evaluated !== before) {
          observer.disconnect();
          const dom = performance.now() - clicked;
          // A task queued from the next animation frame runs once that frame is committed.
          requestAnimationFrame(() =>
            setTimeout(() => resolve({ dom, frame: performance.now() - clicked }), 0),
          );
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  });
  await page.getByTestId('scenario-form-submit').click(slow);
  const edit = await page.evaluate(
    () =>
      (window as unknown as { __benchEdit: Promise<{ dom: number; frame: number }> }).__benchEdit,
  );
  const workerMs = Number(
    await page.getByTestId('scenario-timing').getAttribute('data-ms', { timeout: 60_000 }),
  );
  return {
    page_ms: round(edit.dom, 1),
    frame_ms: round(edit.frame, 1),
    worker_ms: round(workerMs, 1),
    ready_after_tab_s: round(readyAfterTabS, 1),
  };
}

/** Builds a city from an OSM file in the browser (the own-city dialog); seconds to built. */
async function buildInBrowser(page: Page, osmFile: string, name: string): Promise<number> {
  await page.getByTestId('open-osm-city').click({ timeout: 600_000 });
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
    // The figures so far, after every phase: a run stopped half-way keeps what it measured.
    const partial = join(WORK, 'partial.json');
    const phaseDone = (message: string) => {
      writeFileSync(partial, JSON.stringify(out, null, 2));
      say(`${message} (figures so far: ${partial})`);
    };
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
      const coldTrace = await traceWasm(cold);
      const coldProfiler = args.includes('--profile')
        ? await profileMainThread(cold, join(WORK, 'demo-cold-main.cpuprofile'))
        : null;
      await cold.goto(`${server.origin}/`);
      const coldState = await analysed(cold, 300_000);
      if (coldProfiler !== null) out.demo_cold_main_thread_profile = await coldProfiler.stop();
      out.demo_cold_s = round(coldState.finishedAtMs / 1000, 2);
      out.demo_cold_worker_ms = coldState.workerMs;
      out.demo_cold_long_tasks = await longTasks(cold);
      out.demo_cold_timeline_ms = await pageTimeline(cold);
      out.demo_cold_worker_sql = await workerSpans(cold);
      // Let the service worker install and the city be cached, and give Chromium time to
      // write the compiled DuckDB module next to the cached wasm.
      await cold.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 300_000,
      });
      out.caches_after_cold_mb = cacheSizesMb(profile);
      await cold.waitForTimeout(5000);
      out.caches_after_cold_wait_mb = cacheSizesMb(profile);
      out.demo_cold_wasm_events = await coldTrace.stop();
      await cold.close();

      phaseDone(`demo cold ${out.demo_cold_s} s; warm visits`);
      // 2. Demo, warm: new tabs in the same profile.
      const warm: number[] = [];
      const warmDb: number[] = [];
      const warmInstantiate: number[] = [];
      for (let i = 0; i < warmVisits; i++) {
        const page = await context.newPage();
        const trace = i === 0 ? await traceWasm(page) : null;
        await page.goto(`${server.origin}/`);
        const state = await analysed(page, 300_000);
        if (trace !== null) out.demo_warm_wasm_events = await trace.stop();
        warm.push(round(state.finishedAtMs / 1000, 2));
        warmDb.push(round(state.workerMs.db));
        const timeline = await pageTimeline(page);
        warmInstantiate.push(
          timeline['worker:duckdb-instantiated'] - timeline['worker:duckdb-instantiate'],
        );
        if (i === 0) out.demo_warm_timeline_ms = timeline;
        await page.waitForTimeout(3000);
        await page.close();
      }
      out.demo_warm_s = median(warm);
      out.demo_warm_runs_s = warm;
      out.demo_warm_db_ready_ms = warmDb;
      // Compiling the 34 MB DuckDB module, or reading it compiled from the cache.
      out.demo_cold_duckdb_instantiate_ms =
        (out.demo_cold_timeline_ms as Record<string, number>)['worker:duckdb-instantiated'] -
        (out.demo_cold_timeline_ms as Record<string, number>)['worker:duckdb-instantiate'];
      out.demo_warm_duckdb_instantiate_ms = warmInstantiate;
      out.caches_after_warm_mb = cacheSizesMb(profile);

      phaseDone(`demo warm ${warm.join(', ')} s; county ${n}x${n}`);
      // 3. County: opened by URL (?city=), analysed, one edit; peak memory of the renderers.
      out.load_before_county = machineLoad();
      const county = await context.newPage();
      // --profile: what the main thread does while the county opens (sampling slows it a little;
      // the demo's cold start is sampled too).
      const profiler = args.includes('--profile')
        ? await profileMainThread(county, join(WORK, 'county-main.cpuprofile'))
        : null;
      await county.goto(`${server.origin}/?city=county-${n}`);
      const countyState = await analysed(county, 900_000);
      if (profiler !== null) out.county_main_thread_profile = await profiler.stop();
      out.county_open_analyse_s = round(countyState.finishedAtMs / 1000, 2);
      out.county_worker_ms = countyState.workerMs;
      out.county_long_tasks = await longTasks(county);
      out.county_timeline_ms = await pageTimeline(county);
      out.county_worker_sql = await workerSpans(county);
      phaseDone(`county analysed in ${out.county_open_analyse_s} s; one edit`);
      try {
        // --profile: what the main thread does between the form's submit and the new coverage.
        const editProfiler = args.includes('--profile')
          ? await profileMainThread(county, join(WORK, 'county-edit-main.cpuprofile'))
          : null;
        const edit = await editOnce(county);
        if (editProfiler !== null) out.county_edit_main_thread_profile = await editProfiler.stop();
        out.county_edit_ms = edit.page_ms;
        out.county_edit_frame_ms = edit.frame_ms;
        out.county_edit_worker_ms = edit.worker_ms;
        out.county_scenario_ready_after_tab_s = edit.ready_after_tab_s;
      } catch (error) {
        out.county_edit_ms = null;
        out.county_edit_error =
          error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
      out.county_long_tasks_after_edit = await longTasks(county);
      out.county_timeline_after_edit_ms = await pageTimeline(county);
      const memory = rendererPeakMb(profile);
      out.county_peak_mb = memory.max;
      out.renderer_peak_mb_sum = memory.sum;
      out.renderer_processes = memory.count;
      await county.close();

      phaseDone(`edit ${out.county_edit_ms} ms; peak ${out.county_peak_mb} MB`);
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
