import { scopeSumsSql } from '../../db/scope-sums.ts';
import { sqlNumber, sqlString, sqlStringList } from '../../db/sql-runner.ts';
import {
  type CoverageShareRule,
  FACILITY_TYPES,
  type PopulationField,
  type RadiusCoverageRule,
  type Scope,
} from '../types.ts';
import { areaScopes, EPS, type RuleContext } from './context.ts';

/**
 * Shared by coverage_share and radius_coverage: `coveredCells` is a query of distinct cells
 * (`cell_idx`) counted as covered; the share of `population` living in them is compared with
 * the target, per scope. Shortfall = people to cover to reach the target.
 */
export function coverageFindingsSql(
  coveredCells: string,
  population: PopulationField,
  targetShare: number,
  scopes: Scope[],
  note: string | null,
): string {
  const target = sqlNumber(targetShare);
  const agg = scopeSumsSql(
    {
      total: `c.${population}`,
      covered: `CASE WHEN k.cell_idx IS NOT NULL THEN c.${population} ELSE 0 END`,
    },
    { joins: 'LEFT JOIN covered k ON k.cell_idx = c.idx', scopes },
  );
  return `WITH covered AS (${coveredCells}),
  agg AS (${agg})
  SELECT scope, unit_id, NULL::VARCHAR AS site_id,
    (total = 0 OR covered + ${EPS} >= ${target} * total) AS pass,
    CASE WHEN total > 0 THEN covered / total END AS value,
    ${target} AS required,
    greatest(0::DOUBLE, ${target} * total - covered) AS shortfall,
    ${note === null ? 'NULL::VARCHAR' : sqlString(note)} AS note
  FROM agg`;
}

/**
 * A cell is within `minutes` of some facility of the listed kinds exactly when its nearest
 * facility of one of those kinds is: the per-kind columns of `nearest` replace a scan of
 * per-facility reach (one row per cell, so no DISTINCT).
 */
function nearestCells(profile: string, types: readonly string[], minutes: number): string {
  const known = FACILITY_TYPES.filter((t) => types.includes(t));
  if (known.length === 0) return 'SELECT NULL::INTEGER AS cell_idx WHERE false';
  const within = known.map((t) => `${t} <= ${sqlNumber(minutes)}`).join(' OR ');
  return `SELECT cell_idx FROM nearest WHERE profile = ${sqlString(profile)} AND (${within})`;
}

export function coverageShareSql(rule: CoverageShareRule, _context: RuleContext): string {
  const cells = nearestCells(rule.travelProfile, rule.facilityTypes, rule.minutes);
  return coverageFindingsSql(cells, rule.population, rule.targetShare, areaScopes(rule), null);
}

/** Network radius: walk-elderly minutes ≤ radius / walking speed (the profile's setting). */
export function radiusCoverageSql(rule: RadiusCoverageRule, context: RuleContext): string {
  const types = sqlStringList(rule.facilityTypes);
  const cells =
    rule.method === 'straight'
      ? `SELECT DISTINCT p.cell_idx FROM radius_pairs p JOIN facilities f ON f.idx = p.facility_idx
          WHERE f.type IN ${types} AND p.distance_m <= ${sqlNumber(rule.radiusM)}`
      : nearestCells(
          'walk-elderly',
          rule.facilityTypes,
          networkMinutes(rule.radiusM, context.settings.walkingSpeedMps),
        );
  const note =
    rule.method === 'network'
      ? `network distance ≤ ${rule.radiusM} m read as ≤ ${round2(networkMinutes(rule.radiusM, context.settings.walkingSpeedMps))} walk-elderly minutes at ${context.settings.walkingSpeedMps} m/s`
      : null;
  return coverageFindingsSql(cells, rule.population, rule.targetShare, areaScopes(rule), note);
}

export function networkMinutes(radiusM: number, walkingSpeedMps: number): number {
  return radiusM / walkingSpeedMps / 60;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
