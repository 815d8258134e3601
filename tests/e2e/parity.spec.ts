import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { receiveOutcome, type SentOutcome } from '../../web/src/worker/analysis/outcome-wire.ts';

/**
 * One path for every number: the browser's worker (the one the panels call) and the CLI give
 * the same analysis, compare, optimiser and report numbers, field by field, on the demo and on
 * a second city (a 2 × 2 mosaic of the demo's real streets, built by the test).
 */

const ROOT = process.cwd();
const DATE = '2026-12-03';
// Both hosts run the same TypeScript; only DuckDB differs (wasm vs the Node binding), so sums
// may differ in the last bits. Anything beyond that is a real difference.
const REL = 1e-9;
// The optimiser's default 10 s limit is wall-clock: on a loaded machine one host may stop early
// with the greedy answer. A limit no run reaches keeps both exact, so they can be compared.
const SOLVER_LIMIT_S = 600;

test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ timeout: 300_000 });

/** Runs a CLI verb in the background (the browser works meanwhile); resolves to its stdout. */
function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['scripts/carecircle.mjs', ...args], { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`carecircle ${args.join(' ')} exited ${code}\n${Buffer.concat(err)}`));
    });
  });
}

/** Deep equality with a relative tolerance on numbers; reports the first differing path. */
function difference(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b))) return null;
    return `${path}: ${a} ≠ ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const d = difference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

interface City {
  label: string;
  dir: string;
  /** How the page names the city to the worker (a served folder, or its files in memory). */
  ref: (page: Page) => Promise<unknown>;
}

const demo: City = {
  label: 'demo',
  dir: join(ROOT, 'data/nanjing-xinjiekou'),
  ref: async () => ({ kind: 'url', baseUrl: '/nanjing-xinjiekou/', overrides: {} }),
};

function mosaic(): City {
  const out = mkdtempSync(join(tmpdir(), 'carecircle-mosaic-'));
  const run = spawnSync('npx', ['tsx', 'scripts/county/make-mosaic.ts', '--n', '2', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const dir = join(out, 'city');
  return {
    label: 'mosaic 2×2',
    dir,
    ref: async (page) => {
      const files = readdirSync(dir).map((path) => ({
        path,
        base64: readFileSync(join(dir, path)).toString('base64'),
      }));
      // The worker keeps no handle on the page's copy: pass the files as the city builder does.
      await page.evaluate((list) => {
        const decoded = list.map(({ path, base64 }) => ({
          path,
          bytes: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)),
        }));
        (window as unknown as { __parityFiles: unknown }).__parityFiles = decoded;
      }, files);
      return 'memory';
    },
  };
}

/** Calls a worker method on the page; a memory city's files are put in place in the page. */
async function callWorker<T>(page: Page, method: string, args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ method, args }) => {
      const w = window as unknown as {
        __carecircleWorker: Record<string, (...a: unknown[]) => Promise<unknown>>;
        __parityFiles?: unknown;
      };
      const memory = { kind: 'memory', files: w.__parityFiles, overrides: {} };
      const resolve = (arg: unknown): unknown => {
        if (arg === 'memory') return memory;
        if (
          typeof arg === 'object' &&
          arg !== null &&
          (arg as { city?: unknown }).city === 'memory'
        )
          return { ...arg, city: memory };
        return arg;
      };
      const answer = (await w.__carecircleWorker[method](...args.map(resolve))) as {
        value?: { xlsx?: Uint8Array };
      };
      // Bytes cross back to the test as base64 (what page.evaluate carries reliably).
      const xlsx = answer.value?.xlsx;
      if (xlsx instanceof Uint8Array) {
        let text = '';
        for (const byte of xlsx) text += String.fromCharCode(byte);
        return { ...answer, value: { ...answer.value, xlsx: btoa(text) } };
      }
      return answer;
    },
    { method, args },
  ) as Promise<T>;
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
const unwrap = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

/** Two scenarios on a city's own register: an added and a closed site under set-profile, and
 *  set-travel-profile with a moved site. */
function scenarios(dir: string, outDir: string): { files: string[]; json: unknown[] } {
  const manifest = JSON.parse(readFileSync(join(dir, 'city.json'), 'utf8')) as {
    name: string;
    bbox: [number, number, number, number];
  };
  const ids = (
    JSON.parse(readFileSync(join(dir, 'facilities.geojson'), 'utf8')) as {
      features: { properties: { id: string } }[];
    }
  ).features.map((f) => f.properties.id);
  const [w, s, e, n] = manifest.bbox;
  const at = (fx: number, fy: number) => [w + fx * (e - w), s + fy * (n - s)];
  const baseline = { city: manifest.name, profile: 'huaihua-2020' };
  const [lon1, lat1] = at(0.4, 0.55);
  const [lon2, lat2] = at(0.6, 0.4);
  const json = [
    {
      format: 'carecircle-scenario',
      version: 1,
      name: '新增并关闭站点（海宁标准）',
      baseline,
      modifications: [
        {
          kind: 'add-site',
          id: 'P1',
          name: '新增站点',
          type: 'community_station',
          lon: lon1,
          lat: lat1,
          floorAreaM2: 300,
          beds: 0,
          floorLevel: 1,
        },
        { kind: 'close-site', id: ids[0] },
        { kind: 'set-profile', profile: 'haining-2024' },
      ],
    },
    {
      format: 'carecircle-scenario',
      version: 1,
      name: '电动自行车出行',
      baseline,
      modifications: [
        { kind: 'set-travel-profile', travel: 'ebike' },
        { kind: 'move-site', id: ids[1], lon: lon2, lat: lat2 },
      ],
    },
  ];
  const files = json.map((scenario, i) => {
    const file = join(outDir, `scenario-${i + 1}.json`);
    writeFileSync(file, JSON.stringify(scenario));
    return file;
  });
  return { files, json };
}

async function openApp(page: Page) {
  await page.goto('/');
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { ready: boolean } }).__carecircle?.ready === true &&
      (window as unknown as { __carecircleWorker?: unknown }).__carecircleWorker !== undefined,
    undefined,
    { timeout: 90_000 },
  );
}

async function sheetCells(bytes: Buffer): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  const sheets: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => v ?? null));
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

for (const make of [() => demo, mosaic]) {
  test(`browser and CLI agree: ${make === mosaic ? 'a second city' : 'the demo'}`, async ({
    page,
  }) => {
    const city = make();
    const out = mkdtempSync(join(tmpdir(), 'carecircle-parity-'));
    const profile = JSON.parse(
      readFileSync(join(ROOT, 'analysis/standards/profiles/huaihua-2020.json'), 'utf8'),
    ) as unknown;
    await openApp(page);
    const ref = await city.ref(page);

    // The CLI runs beside the browser; each result is compared once both are in.
    const { files, json } = scenarios(city.dir, out);
    const common = ['--city', city.dir, '--profile', 'huaihua-2020'];
    const optimiseFile = join(out, 'optimise.json');
    const cliAnalyse = cli(['analyse', ...common, '--out', join(out, 'analyse')]);
    const cliCompare = cli(['compare', ...common, ...files.flatMap((f) => ['--scenario', f])]);
    const cliOptimiseAndReport = cli([
      'optimise',
      ...common,
      ...['--minutes', '5', '--new-sites', '3', '--time-limit', String(SOLVER_LIMIT_S)],
      ...['--out', optimiseFile],
    ]).then(() =>
      cli([
        'report',
        ...common,
        '--scenario',
        optimiseFile,
        '--date',
        DATE,
        '--out',
        join(out, 'report'),
      ]),
    );

    // Handled here so that a failing verb is reported where it is awaited, not as a crash.
    for (const run of [cliAnalyse, cliCompare, cliOptimiseAndReport]) run.catch(() => undefined);

    // Analyse: the whole summary.
    // As the page reads it: the findings unpacked from how the worker sends them.
    const analysed = receiveOutcome(
      unwrap(
        await callWorker<Answer<SentOutcome>>(page, 'runAnalysis', [
          { city: ref, profile, travelProfiles: ['walk-elderly', 'walk', 'ebike', 'drive'] },
        ]),
      ),
    );
    await cliAnalyse;
    const cliSummary = JSON.parse(readFileSync(join(out, 'analyse/summary.json'), 'utf8'));
    expect(difference(analysed.result.summary, cliSummary), city.label).toBeNull();

    // Compare, with set-profile and set-travel-profile.
    unwrap(await callWorker<Answer<unknown>>(page, 'scenarioOpen', [{ city: ref, profile }]));
    const columns = unwrap(await callWorker<Answer<unknown[]>>(page, 'scenarioCompare', [json]));
    const cliColumns = JSON.parse(await cliCompare) as { profileId: string; travel: string }[];
    expect(cliColumns.map((c) => [c.profileId, c.travel])).toEqual([
      ['huaihua-2020', 'walk-elderly'],
      ['haining-2024', 'walk-elderly'],
      ['huaihua-2020', 'ebike'],
    ]);
    expect(difference(columns, cliColumns), city.label).toBeNull();

    // Optimise: MCLP, 3 new sites within 5 minutes, buildings + grid candidates.
    interface Optimised {
      result: { chosen: string[]; objective: number; newlyCoveredWeight: number; status: string };
      scenario: unknown;
    }
    const optimised = unwrap(
      await callWorker<Answer<Optimised>>(page, 'scenarioOptimise', [
        {
          mode: 'mclp',
          newSites: 3,
          targetShare: 0.9,
          minutes: 5,
          candidates: [],
          gridResolution: 9,
        },
      ]),
    );
    // Report: every cell of the workbook, for the optimiser's scenario.
    const report = unwrap(
      await callWorker<Answer<{ xlsx: string }>>(page, 'scenarioReport', [
        { lang: 'zh', generatedOn: DATE, scenario: optimised.scenario },
      ]),
    );
    await cliOptimiseAndReport;
    const cliOptimise = JSON.parse(readFileSync(optimiseFile, 'utf8')) as Optimised;
    expect(optimised.result.chosen.length).toBeGreaterThan(0);
    expect(optimised.result.chosen).toEqual(cliOptimise.result.chosen);
    for (const key of ['objective', 'newlyCoveredWeight', 'status'] as const) {
      expect(difference(optimised.result[key], cliOptimise.result[key]), key).toBeNull();
    }
    expect(difference(optimised.scenario, cliOptimise.scenario), 'scenario').toBeNull();
    const browserCells = await sheetCells(Buffer.from(report.xlsx, 'base64'));
    const cliCells = await sheetCells(readFileSync(join(out, 'report/tables.xlsx')));
    expect(Object.keys(browserCells).length).toBeGreaterThan(1);
    expect(difference(browserCells, cliCells), city.label).toBeNull();
  });
}
