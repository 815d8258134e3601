import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NodeRunner } from '../db/node-runner.ts';
import { quote } from './analyse-city.ts';

/**
 * The roll-up of a batch, by SQL over the cities' Parquet (hive-partitioned by city): per city
 * and unit level, elders and elders covered within each threshold (walk-elderly, any facility),
 * and findings by status (pass / fail / not evaluable). Written to OUT/rollup.parquet and
 * OUT/rollup.csv. The units table holds streets and communities only, so the city level is read
 * from the coverage table's city rows (the analyse verb's own city figures), not summed.
 */
export interface RollupRow {
  city: string;
  level: string;
  units: number;
  elders60: number;
  [column: string]: string | number | null;
}

export async function writeRollup(outDir: string): Promise<RollupRow[]> {
  const units = join(outDir, 'units', '*', '*.parquet');
  const findings = join(outDir, 'findings', '*', '*.parquet');
  const coverage = join(outDir, 'coverage', '*', '*.parquet');
  if (!existsSync(join(outDir, 'units'))) return [];
  const runner = await NodeRunner.open();
  try {
    const hive = (glob: string) =>
      `read_parquet(${quote(glob)}, hive_partitioning = true, union_by_name = true)`;
    await runner.exec(`CREATE VIEW units AS SELECT * FROM ${hive(units)}`);
    const hasFindings = existsSync(join(outDir, 'findings'));
    if (hasFindings) await runner.exec(`CREATE VIEW findings AS SELECT * FROM ${hive(findings)}`);
    else
      await runner.exec(
        'CREATE VIEW findings AS SELECT NULL::VARCHAR AS city, NULL::VARCHAR AS scope, NULL::BOOLEAN AS pass WHERE false',
      );
    const within = (await runner.query<{ column_name: string }>('DESCRIBE units'))
      .map((c) => c.column_name)
      .filter((name) => /^elders60_within_[0-9.]+min$/.test(name));
    const cityCover = existsSync(join(outDir, 'coverage'))
      ? cityCoverSql(hive(coverage), within)
      : 'SELECT NULL::VARCHAR AS city WHERE false';
    const columns = await runner.query<{ column_name: string }>('DESCRIBE findings');
    // Findings carry `status` once the rule engine writes it; before that pass/fail is all there is.
    const status = columns.some((c) => c.column_name === 'status')
      ? 'status'
      : "CASE WHEN pass THEN 'pass' ELSE 'fail' END";
    const sql = `
      WITH unit_cover AS (
        SELECT city, level, count(*)::INTEGER AS units, sum(elders60)::DOUBLE AS elders60,
               sum(COLUMNS('^elders60_within_')::DOUBLE)
        FROM units GROUP BY city, level
      ),
      cover AS (
        SELECT * FROM unit_cover
        UNION ALL BY NAME
        SELECT * FROM (${cityCover}) WHERE city NOT IN (SELECT city FROM unit_cover WHERE level = 'city')
      ),
      status AS (
        SELECT city, scope AS level,
               count(*) FILTER (WHERE ${status} = 'pass')::INTEGER AS findings_pass,
               count(*) FILTER (WHERE ${status} = 'fail')::INTEGER AS findings_fail,
               count(*) FILTER (WHERE ${status} = 'not_evaluable')::INTEGER AS findings_not_evaluable
        FROM findings GROUP BY city, scope
      )
      SELECT coalesce(cover.city, status.city) AS city, coalesce(cover.level, status.level) AS level,
             coalesce(cover.units, 0) AS units, coalesce(cover.elders60, 0) AS elders60,
             COLUMNS(c -> c LIKE 'elders60_within_%'),
             coalesce(findings_pass, 0) AS findings_pass, coalesce(findings_fail, 0) AS findings_fail,
             coalesce(findings_not_evaluable, 0) AS findings_not_evaluable
      FROM cover FULL JOIN status ON cover.city = status.city AND cover.level = status.level
      ORDER BY city, level`;
    await runner.exec(`CREATE TABLE rollup AS ${sql}`);
    await runner.exec(`COPY rollup TO ${quote(join(outDir, 'rollup.parquet'))} (FORMAT parquet)`);
    await runner.exec(
      `COPY rollup TO ${quote(join(outDir, 'rollup.csv'))} (HEADER, DELIMITER ',')`,
    );
    return await runner.query<RollupRow>('SELECT * FROM rollup');
  } finally {
    runner.close();
  }
}

/**
 * One row per city at level 'city': its elders and the elders covered within each threshold of
 * the units table (walk-elderly, any facility type), from the coverage table's city scope.
 */
function cityCoverSql(coverage: string, within: readonly string[]): string {
  const columns = within.map((name) => {
    const minutes = Number(name.slice('elders60_within_'.length, -'min'.length));
    return `sum(elders60_covered::DOUBLE) FILTER (WHERE minutes::DOUBLE = ${minutes}) AS "${name}"`;
  });
  return `
    SELECT city, 'city' AS level, 1 AS units, max(elders60::DOUBLE) AS elders60${columns.map((c) => `, ${c}`).join('')}
    FROM ${coverage}
    WHERE scope = 'city' AND profile = 'walk-elderly' AND kind = 'all'
    GROUP BY city`;
}
