import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { openCity } from '../../analysis/city/open-city.ts';
import { analysisFiles } from '../../analysis/coverage/outputs.ts';
import { analyseScenario, cityContext } from '../../analysis/workflows/analyse-scenario.ts';
import { loadProfile } from '../analyse/load-profile.ts';
import { folderSource } from '../city/folder-source.ts';
import { NodeRunner } from '../db/node-runner.ts';
import { type OsrmCliValues, osrmRouting } from '../routing/osrm-options.ts';

/**
 * One city of a batch: the same path as `carecircle analyse` (openCity over the folder,
 * analyseScenario on the baseline with the Node DuckDB binding), then each table written as
 * Parquet under OUT/<table>/city=<name>/data.parquet (hive partitioning), so that any engine that
 * reads hive-partitioned Parquet (DuckDB, Spark, Trino) can query all cities as one table.
 */
export const BATCH_TABLES = ['units', 'findings', 'cells', 'coverage'] as const;

export interface CityJob {
  cityDir: string;
  profile: string;
  outDir: string;
  travel?: string[];
  /** The --osrm options as given (plain values: a job crosses into a worker thread). */
  osrm?: OsrmCliValues;
}

export type CityOutcome =
  | { city: string; cityDir: string; ok: true; seconds: number; rows: Record<string, number> }
  | { city: string; cityDir: string; ok: false; seconds: number; error: string; code?: string };

/** The partition value of a city: its folder name, with characters hive paths cannot hold replaced. */
export function cityKey(cityDir: string): string {
  return basename(resolve(cityDir)).replace(/[/\\=%:\s]/g, '_');
}

export async function analyseCityToParquet(job: CityJob): Promise<CityOutcome> {
  const started = performance.now();
  const city = cityKey(job.cityDir);
  const seconds = () => (performance.now() - started) / 1000;
  const scratch = mkdtempSync(join(tmpdir(), 'carecircle-batch-'));
  let runner: NodeRunner | undefined;
  try {
    const profile = loadProfile(job.profile);
    const opened = await openCity(folderSource(job.cityDir));
    runner = await NodeRunner.open();
    const osrm = job.osrm === undefined ? undefined : osrmRouting(job.osrm);
    const { result } = await analyseScenario(cityContext(opened, runner, profile), undefined, {
      ...(job.travel === undefined ? {} : { travelProfiles: job.travel as never }),
      ...(osrm === undefined ? {} : { osrm }),
    });
    const files = analysisFiles(result);
    const csv: Record<(typeof BATCH_TABLES)[number], string> = {
      units: files['units.csv'],
      findings: files['findings.csv'],
      cells: files['cells.csv'],
      coverage: coverageCsv(result.coverage),
    };
    const rows: Record<string, number> = {};
    for (const table of BATCH_TABLES) {
      const source = join(scratch, `${table}.csv`);
      writeFileSync(source, csv[table]);
      const target = join(job.outDir, table, `city=${city}`);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      const [{ n }] = await runner.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM read_csv(${quote(source)}, header = true)`,
      );
      rows[table] = n;
      if (n === 0) continue; // an empty table has no columns to infer: no file, no rows
      await runner.exec(
        `COPY (SELECT * FROM read_csv(${quote(source)}, header = true)) TO ${quote(join(target, 'data.parquet'))} (FORMAT parquet)`,
      );
    }
    mkdirSync(join(job.outDir, 'summary'), { recursive: true });
    writeFileSync(join(job.outDir, 'summary', `${city}.json`), files['summary.json']);
    return { city, cityDir: job.cityDir, ok: true, seconds: seconds(), rows };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      city,
      cityDir: job.cityDir,
      ok: false,
      seconds: seconds(),
      error: error instanceof Error ? error.message : String(error),
      ...(typeof code === 'string' ? { code } : {}),
    };
  } finally {
    runner?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

type CoverageRows = Awaited<ReturnType<typeof analyseScenario>>['result']['coverage'];

function coverageCsv(rows: CoverageRows): string {
  const header = 'profile,kind,minutes,scope,unit_id,elders60,elders60_covered,elders60_share';
  const value = (v: string | number | null) =>
    v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`;
  const lines = rows.map((r) =>
    [
      r.profile,
      r.kind,
      r.minutes,
      r.scope,
      r.unitId,
      r.elders60,
      r.elders60Covered,
      r.elders60Share,
    ]
      .map(value)
      .join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

export function quote(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}
