import { cpSync, existsSync, rmSync, statSync, truncateSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPool } from '../batch/pool.ts';
import { writeRollup } from '../batch/rollup.ts';
import { makeCountyCity } from '../county/make-mosaic.ts';
import { type Benchmark, loadAverage, machineInfo, peakRssMb, round } from './benchmark.ts';

/**
 * `npm run bench -- batch [--demos 16] [--counties 4] [--county-n 8] [--jobs N]`: the batch verb's
 * path (worker threads, Parquet per city, roll-up) over copies of the demo and of a county
 * mosaic (scripts/county/make-mosaic.ts, built once under bench-results/), plus one broken copy
 * of the demo (its road network file cut short) that must be reported while the others finish.
 * Cities per minute and the peak resident memory of the process (all threads).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

export const benchmark: Benchmark = {
  summary: 'batch analysis of many cities (demo copies and county mosaics)',
  async run(args) {
    const demos = option(args, 'demos', 16);
    const counties = option(args, 'counties', 4);
    const n = option(args, 'county-n', 8);
    const jobs = option(args, 'jobs', availableParallelism());
    const work = join(ROOT, 'bench-results/batch');
    const citiesDir = join(work, 'cities');
    const outDir = join(work, 'out');
    rmSync(work, { recursive: true, force: true });
    const countyDir = join(ROOT, `bench-results/county-${n}`);
    const county = existsSync(join(countyDir, 'city/city.json'))
      ? { cityDir: join(countyDir, 'city'), buildSeconds: null }
      : makeCountyCity(n, countyDir);
    for (let i = 1; i <= demos; i++)
      cpSync(
        join(ROOT, 'data/nanjing-xinjiekou'),
        join(citiesDir, `demo-${String(i).padStart(2, '0')}`),
        { recursive: true },
      );
    for (let i = 1; i <= counties; i++)
      cpSync(county.cityDir, join(citiesDir, `county-${n}x${n}-${i}`), { recursive: true });
    const broken = join(citiesDir, 'broken-demo');
    cpSync(join(ROOT, 'data/nanjing-xinjiekou'), broken, { recursive: true });
    const walk = join(broken, 'graph-walk.bin');
    truncateSync(walk, Math.floor(statSync(walk).size / 2));
    const cities = [
      ...Array.from({ length: demos }, (_, i) =>
        join(citiesDir, `demo-${String(i + 1).padStart(2, '0')}`),
      ),
      broken,
      ...Array.from({ length: counties }, (_, i) => join(citiesDir, `county-${n}x${n}-${i + 1}`)),
    ];
    const loadBefore = loadAverage();
    const started = performance.now();
    const outcomes = await runPool(
      cities.map((cityDir) => ({ cityDir, profile: 'huaihua-2020', outDir })),
      jobs,
    );
    const analysed = performance.now();
    const rollup = await writeRollup(outDir);
    const seconds = (performance.now() - started) / 1000;
    const failed = outcomes.filter((o) => !o.ok);
    const per = (prefix: string) =>
      outcomes.filter((o) => o.city.startsWith(prefix)).map((o) => round(o.seconds, 2));
    const figures = {
      machine: machineInfo(),
      load_before: loadBefore,
      load_after: loadAverage(),
      jobs,
      cities: cities.length,
      demo_cities: demos,
      county_cities: counties,
      county_n: n,
      county_build_s: county.buildSeconds === null ? null : round(county.buildSeconds, 1),
      failed: failed.map((o) => ({ city: o.city, error: o.ok ? '' : o.error })),
      broken_city_reported: failed.some((o) => o.cityDir === broken),
      total_s: round(seconds, 2),
      analyse_s: round((analysed - started) / 1000, 2),
      rollup_s: round((performance.now() - analysed) / 1000, 2),
      cities_per_minute: round((cities.length - failed.length) / (seconds / 60), 1),
      peak_rss_mb: peakRssMb(),
      demo_city_s: per('demo-'),
      county_city_s: per('county-'),
      rollup_rows: rollup.length,
    };
    console.log(
      `batch: ${cities.length - failed.length}/${cities.length} cities in ${figures.total_s} s on ${jobs} threads = ${figures.cities_per_minute} cities/min, peak ${figures.peak_rss_mb} MB (load ${loadBefore})`,
    );
    return figures;
  },
};
