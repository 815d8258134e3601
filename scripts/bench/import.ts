import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Benchmark, loadAverage, machineInfo, round } from './benchmark.ts';
import { importInBrowser } from './browser/import-page.ts';
import { serveApp } from './browser/serve.ts';

/**
 * `npm run bench -- import [--rows 100000,1000000] [--only cli|browser] [--dist DIR] [--profile]`:
 * imports generated facility registers of N rows (registerCsvLines, deterministic)
 *   - cli: with the CLI's import verb in a child process: rows per second and the child's peak
 *     resident memory (from /usr/bin/time -v);
 *   - browser: through the import wizard of the built app (--dist, or built into /tmp) in
 *     Chromium: rows per second (read + CRS + check, as clicked through) and the renderers' peak
 *     memory (the tab and its workers), with the longest main-thread task during the import
 *     (--profile: and what the main thread did, sampled into
 *     bench-results/import/import-N-main.cpuprofile).
 * `npm run bench -- import --write N FILE` only writes the register.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CITY = join(ROOT, 'data/nanjing-xinjiekou');

const TYPES = [
  'street_center',
  'community_station',
  'day_care',
  'embedded_institution',
  'neighbourhood_point',
  'care_post',
  'meal_point',
];

/**
 * A register of `rows` facilities spread over the demo city's extent (bbox from city.json),
 * line by line. No randomness: every value is a fixed function of the row number, and about one
 * row in 97 carries a deliberate fault (bad number, unknown type) so that rejected.csv is written.
 */
export function* registerCsvLines(
  rows: number,
  bbox: [number, number, number, number],
): Generator<string> {
  yield 'id,name,type,wgs84_lon,wgs84_lat,floor_area_m2,beds,floor_level,has_lift,remarks\r\n';
  const [w, s, e, n] = bbox;
  for (let i = 1; i <= rows; i++) {
    // Low-discrepancy spread (golden-ratio steps) inside the extent.
    const fx = (i * 0.6180339887498949) % 1;
    const fy = (i * 0.7548776662466927) % 1;
    const lon = (w + fx * (e - w)).toFixed(6);
    const lat = (s + fy * (n - s)).toFixed(6);
    const type = i % 97 === 0 ? '未知类型' : TYPES[i % TYPES.length];
    const area = i % 89 === 0 ? 'abc' : String(30 + (i % 1500));
    const remark = i % 5 === 0 ? `"备注, 第${i}号 ""示例"""` : '';
    yield `F${i},示例·养老设施${i}号,${type},${lon},${lat},${area},${i % 40},${1 + (i % 6)},${i % 3 === 0 ? '否' : '是'},${remark}\r\n`;
  }
}

export function cityBbox(): [number, number, number, number] {
  return JSON.parse(readFileSync(join(CITY, 'city.json'), 'utf8')).bbox;
}

export async function writeRegister(rows: number, file: string): Promise<void> {
  const out = createWriteStream(file);
  let buffer = '';
  for (const line of registerCsvLines(rows, cityBbox())) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

/** Peak RSS (MB) and wall time of `node scripts/carecircle.mjs import …` measured by GNU time. */
function runImport(
  file: string,
  out: string,
): { seconds: number; peakRssMb: number; stdout: string } {
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      join(ROOT, 'scripts/carecircle.mjs'),
      'import',
      '--facilities',
      file,
      '--city',
      CITY,
      '--out',
      out,
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`import of ${file} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  return {
    seconds,
    peakRssMb: rss === null ? Number.NaN : Math.round(Number(rss[1]) / 1024),
    stdout: run.stdout,
  };
}

function rowsOption(args: string[]): number[] {
  const i = args.indexOf('--rows');
  const text = i >= 0 ? args[i + 1] : '100000,1000000';
  const list = (text ?? '').split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--rows must list whole numbers, e.g. 100000,1000000');
  return list;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The register of `rows` rows, written once into the work folder. */
async function registerFile(work: string, rows: number): Promise<string> {
  const file = join(work, `register-${rows}.csv`);
  if (!existsSync(file)) await writeRegister(rows, file);
  return file;
}

async function runCli(work: string, rowsList: number[]): Promise<Record<string, unknown>[]> {
  const cli: Record<string, unknown>[] = [];
  for (const rows of rowsList) {
    const file = await registerFile(work, rows);
    const out = join(work, `out-${rows}`);
    rmSync(out, { recursive: true, force: true });
    const loadBefore = loadAverage();
    const run = runImport(file, out);
    const figures = {
      rows,
      file_mb: round(statSync(file).size / 2 ** 20, 1),
      seconds: round(run.seconds, 2),
      rows_per_second: Math.round(rows / run.seconds),
      peak_rss_mb: run.peakRssMb,
      load_before: loadBefore,
    };
    console.log(
      `import ${rows} rows (${figures.file_mb} MB): ${figures.seconds} s, ${figures.rows_per_second} rows/s, peak RSS ${figures.peak_rss_mb} MB`,
    );
    cli.push(figures);
  }
  return cli;
}

async function runBrowser(
  work: string,
  rowsList: number[],
  dist: string | undefined,
  profile: boolean,
): Promise<Record<string, unknown>[]> {
  let served = dist;
  if (served === undefined) {
    served = '/tmp/carecircle-bench-import-dist';
    const build = spawnSync('npx', ['vite', 'build', '--outDir', served, '--emptyOutDir'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const server = await serveApp(served, {});
  const browser: Record<string, unknown>[] = [];
  try {
    for (const rows of rowsList) {
      const file = await registerFile(work, rows);
      const f = await importInBrowser(
        server.origin,
        file,
        rows,
        work,
        profile ? join(work, `import-${rows}-main.cpuprofile`) : undefined,
      );
      console.log(
        `browser import ${rows} rows (${f.file_mb} MB): ${f.seconds} s (read ${f.read_s}, CRS ${f.crs_s}, check ${f.validate_s}), ${f.rows_per_second} rows/s, renderer peak ${f.renderer_peak_mb} MB (${f.renderer_peak_before_mb} MB before), longest main-thread task ${f.longest_main_task_ms} ms`,
      );
      browser.push({ ...f });
    }
  } finally {
    await server.close();
  }
  return browser;
}

export const benchmark: Benchmark = {
  summary:
    'import of generated facility registers (CLI and the browser wizard): rows per second, peak memory',
  async run(args) {
    const w = args.indexOf('--write');
    if (w >= 0) {
      const rows = Number(args[w + 1]);
      const file = args[w + 2];
      if (!Number.isInteger(rows) || file === undefined) throw new Error('--write N FILE');
      await writeRegister(rows, file);
      console.log(`bench import: wrote ${rows} rows to ${file}`);
      return { wrote: file, rows };
    }
    const only = option(args, 'only');
    if (only !== undefined && only !== 'cli' && only !== 'browser')
      throw new Error('--only must be cli or browser');
    const work = join(ROOT, 'bench-results/import');
    mkdirSync(work, { recursive: true });
    const rowsList = rowsOption(args);
    const out: Record<string, unknown> = { machine: machineInfo(), load_before: loadAverage() };
    if (only !== 'browser') out.cli = await runCli(work, rowsList);
    if (only !== 'cli')
      out.browser = await runBrowser(
        work,
        rowsList,
        option(args, 'dist'),
        args.includes('--profile'),
      );
    out.load_after = loadAverage();
    return out;
  },
};
