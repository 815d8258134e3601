import { sqlNumber, sqlString, sqlStringList } from '../../db/sql-runner.ts';
import {
  type CoverageShareRule,
  FACILITY_TYPES,
  type HotspotCoverageRule,
  type PopulationField,
  type RadiusCoverageRule,
  type Rule,
  type TravelProfile,
} from '../types.ts';
import {
  areaScopes,
  type CityFacts,
  EPS,
  type RuleContext,
  registerEmptySql,
  statusSql,
} from './context.ts';
import { areaPredicate, scopedSumsSql } from './unit-scope.ts';

/**
 * Shared by coverage_share, radius_coverage and hotspot_coverage: `coveredCells` is a query of
 * distinct cells (`cell_idx`) counted as covered; the share of `population` living in them (of
 * the cells `counted`, by default all) is compared with the target, per scope. Shortfall =
 * people to cover to reach the target. Not evaluable: no register, no network, no people.
 */
export function coverageFindingsSql(
  rule: Rule,
  coveredCells: string,
  population: PopulationField,
  targetShare: number,
  networkPresent: boolean,
  facts: CityFacts,
  counted?: string,
): string {
  const target = sqlNumber(targetShare);
  const inCounted = counted === undefined ? 'true' : 'h.cell_idx IS NOT NULL';
  const agg = scopedSumsSql(
    rule,
    {
      total: `CASE WHEN ${inCounted} THEN c.${population} ELSE 0 END`,
      covered: `CASE WHEN ${inCounted} AND k.cell_idx IS NOT NULL THEN c.${population} ELSE 0 END`,
    },
    areaScopes(rule),
    facts,
    `LEFT JOIN covered k ON k.cell_idx = c.idx${counted === undefined ? '' : ' LEFT JOIN counted h ON h.cell_idx = c.idx'}`,
  );
  const reason = `CASE WHEN ${networkPresent ? 'false' : 'true'} THEN 'no_network'
      WHEN ${registerEmptySql(facts)} THEN 'no_register'
      WHEN NOT in_area THEN 'no_area_units'
      WHEN total = 0 THEN 'no_population' END`;
  return `WITH covered AS (${coveredCells}),
  ${counted === undefined ? '' : `counted AS (${counted}),`}
  agg AS (${agg})
  SELECT scope, unit_id, NULL::VARCHAR AS site_id,
    ${statusSql(reason, `covered + ${EPS} >= ${target} * total`)} AS status,
    ${reason} AS reason, binding,
    CASE WHEN total > 0 THEN covered / total END AS value,
    ${target} AS required,
    greatest(0::DOUBLE, ${target} * total - covered) AS shortfall,
    NULL::VARCHAR AS note
  FROM agg WHERE in_area OR scope = 'city'`;
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

const hasNetwork = (context: RuleContext, profile: TravelProfile) =>
  context.networks === undefined || context.networks.includes(profile);

export function coverageShareSql(rule: CoverageShareRule, context: RuleContext): string {
  const cells = nearestCells(rule.travelProfile, rule.facilityTypes, rule.minutes);
  return coverageFindingsSql(
    rule,
    cells,
    rule.population,
    rule.targetShare,
    hasNetwork(context, rule.travelProfile),
    context.facts,
  );
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
  const network = rule.method === 'straight' || hasNetwork(context, 'walk-elderly');
  return coverageFindingsSql(
    rule,
    cells,
    rule.population,
    rule.targetShare,
    network,
    context.facts,
  );
}

/**
 * Demand hot spots: populated cells of the rule's area type ranked citywide by `population`
 * (ties by position); the top ceil(topCellShare × n) are counted, and their people within
 * `minutes` of a site of the listed kinds are the covered share.
 */
export function hotspotCoverageSql(rule: HotspotCoverageRule, context: RuleContext): string {
  const pop = `c.${rule.population}`;
  const counted = `SELECT idx AS cell_idx FROM (
      SELECT c.idx, row_number() OVER (ORDER BY ${pop} DESC, c.idx) AS r, count(*) OVER () AS n
      FROM population_cells c JOIN cell_flags cf ON cf.cell_idx = c.idx
      WHERE ${pop} > 0 AND ${areaPredicate(rule, 'cf')})
    WHERE r <= ceil(${sqlNumber(rule.topCellShare)} * n)`;
  const cells = nearestCells(rule.travelProfile, rule.facilityTypes, rule.minutes);
  return coverageFindingsSql(
    rule,
    cells,
    rule.population,
    rule.targetShare,
    hasNetwork(context, rule.travelProfile),
    context.facts,
    counted,
  );
}

export function networkMinutes(radiusM: number, walkingSpeedMps: number): number {
  return radiusM / walkingSpeedMps / 60;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
