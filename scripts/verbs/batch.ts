import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../analysis/errors.ts';
import { BUILT_IN_PROFILE_IDS } from '../../analysis/standards/profiles.ts';
import { loadProfile } from '../analyse/load-profile.ts';
import type { CityOutcome } from '../batch/analyse-city.ts';
import { runPool } from '../batch/pool.ts';
import { writeRollup } from '../batch/rollup.ts';
import {
  OSRM_HELP,
  OSRM_OPTIONS,
  type OsrmCliValues,
  osrmRouting,
} from '../routing/osrm-options.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

export const verb: Verb = {
  summary: 'analyse many city folders in parallel: Parquet tables per city and a roll-up',
  help: `carecircle batch — the analyse verb over many cities, in parallel worker threads

Usage:
  npx carecircle batch --cities DIR [DIR ...] --profile NAME --out DIR [--jobs N] [--travel LIST]
                       [--osrm URL]

Options:
  --cities DIR ...  city folders (each with city.json); a folder without city.json is searched
                    one level down for city folders
  --profile NAME    standards profile: ${BUILT_IN_PROFILE_IDS.join(', ')}, or a path to a profile .json
  --out DIR         output folder (see below)
  --jobs N          worker threads (default: one per core)
  --travel LIST     travel profiles (comma-separated; default: those the profile's rules need)
${OSRM_HELP}

Output (hive-partitioned Parquet, one partition per city folder name):
  OUT/units/city=NAME/data.parquet, OUT/findings/…, OUT/cells/…, OUT/coverage/…
  OUT/summary/NAME.json      the analyse verb's summary.json of each city
  OUT/rollup.parquet, .csv   per city and unit level: elders, elders covered per threshold,
                             findings by status
  OUT/batch.json             each city's outcome (ok, seconds, rows, or its error)
A city that fails (bad folder, bad city.json) is reported; the others still finish.`,
  async run(argv) {
    const cityArgs: string[] = [];
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--cities') {
        while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) cityArgs.push(argv[++i]);
      } else rest.push(argv[i]);
    }
    const options = parseOptions(rest, {
      profile: { type: 'string' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      travel: { type: 'string' },
      ...OSRM_OPTIONS,
    });
    if (cityArgs.length === 0)
      throw new InputError('E_MISSING_OPTION', 'missing required option --cities DIR [DIR ...]');
    const profile = requireOption(options.profile, 'profile');
    loadProfile(profile); // a bad profile is the whole batch's error, before any thread starts
    const outDir = requireOption(options.out, 'out');
    const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new InputError(
        'E_BAD_OPTION',
        `--jobs must be a positive integer, got "${options.jobs}"`,
        { column: 'jobs' },
      );
    const travel = options.travel
      ?.split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    const osrmValues: OsrmCliValues = {};
    for (const name of Object.keys(OSRM_OPTIONS) as (keyof OsrmCliValues)[])
      if (options[name] !== undefined) osrmValues[name] = options[name];
    osrmRouting(osrmValues); // bad --osrm options are the whole batch's error
    const osrm = options.osrm === undefined ? {} : { osrm: osrmValues };
    const cities = expandCities(cityArgs);
    mkdirSync(outDir, { recursive: true });
    const started = performance.now();
    const outcomes = await runPool(
      cities.map((cityDir) => ({
        cityDir,
        profile,
        outDir,
        ...(travel ? { travel } : {}),
        ...osrm,
      })),
      jobs,
      (o) => console.log(describe(o)),
    );
    const rollup = await writeRollup(outDir);
    const failed = outcomes.filter((o) => !o.ok);
    const seconds = (performance.now() - started) / 1000;
    writeFileSync(
      join(outDir, 'batch.json'),
      `${JSON.stringify({ seconds, jobs, outcomes }, null, 2)}\n`,
    );
    console.log(
      `\nbatch: ${outcomes.length - failed.length} of ${outcomes.length} cities analysed in ${seconds.toFixed(1)} s on ${jobs} threads; roll-up ${rollup.length} rows → ${outDir}/rollup.parquet`,
    );
    return failed.length === 0 ? 0 : 1;
  },
};

function describe(o: CityOutcome): string {
  return o.ok
    ? `  ok    ${o.city} (${o.seconds.toFixed(1)} s, ${o.rows.cells} cells, ${o.rows.findings} findings)`
    : `  FAIL  ${o.city}: ${o.error}${o.code ? ` [${o.code}]` : ''}`;
}

/** Each argument is a city folder, or a folder of city folders. */
function expandCities(args: string[]): string[] {
  const out: string[] = [];
  for (const dir of args) {
    if (!existsSync(dir))
      throw new InputError('E_NO_CITY', `no such folder: ${dir}`, { file: dir });
    if (existsSync(join(dir, 'city.json'))) {
      out.push(dir);
      continue;
    }
    const children = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(dir, d.name))
      .sort();
    // A child without a readable city.json is still a city: it fails on its own, reported.
    out.push(...(children.length > 0 ? children : [dir]));
  }
  return out;
}
