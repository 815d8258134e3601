import { sqlNumber, sqlStringList } from '../../db/sql-runner.ts';
import type { Rule, SiteAreaRule, SiteFloorLevelRule } from '../types.ts';
import { type CityFacts, type RuleContext, registerEmptySql, statusSql } from './context.ts';
import { areaPredicate, bindPredicate } from './unit-scope.ts';

export const bindingOf = (rule: Rule) =>
  rule.binding === false ? 'false' : bindPredicate(rule, 'ff');

/**
 * Per-site rules give one finding per site plus, when the rule lists 'city', a citywide finding
 * over the binding sites (else all, as a benchmark): value = sites passing, required = sites
 * checked, shortfall = sites failing. No site to check → not evaluable, never a pass.
 */
function withCityRow(siteSql: string, cityWanted: boolean, facts: CityFacts): string {
  if (!cityWanted) return siteSql;
  // Sites not evaluable (a value not recorded) and none failing: the city is not decided.
  const reason = `CASE WHEN ${registerEmptySql(facts)} THEN 'no_register' WHEN count(*) = 0 THEN 'no_sites'
    WHEN bool_or(status = 'not_evaluable') AND NOT bool_or(status = 'fail') THEN 'unknown_value' END`;
  return `WITH sites AS (${siteSql}),
    city_sites AS (SELECT * FROM sites WHERE binding OR NOT (SELECT coalesce(bool_or(binding), false) FROM sites))
    SELECT * FROM sites
    UNION ALL
    SELECT 'city', '', NULL::VARCHAR,
      ${statusSql(reason, "coalesce(bool_and(status = 'pass'), false)")}, ${reason},
      coalesce(bool_or(binding), false),
      count(*) FILTER (WHERE status = 'pass')::DOUBLE, count(*)::DOUBLE,
      count(*) FILTER (WHERE status = 'fail')::DOUBLE, 'city_sites'
    FROM city_sites`;
}

/** Floor area within [minM2, maxM2]; shortfall = m² below the minimum (or above the maximum). */
export function siteAreaSql(rule: SiteAreaRule, context: RuleContext): string {
  const min = sqlNumber(rule.minM2);
  const max = rule.maxM2 === undefined ? null : sqlNumber(rule.maxM2);
  const above = max === null ? 'false' : `f.floor_area_m2 > ${max}`;
  const reason = `CASE WHEN f.floor_area_m2 IS NULL THEN 'unknown_value' END`;
  const site = `SELECT 'site' AS scope, f.unit_id, f.id AS site_id,
      ${statusSql(reason, `f.floor_area_m2 >= ${min} AND NOT (${above})`)} AS status,
      ${reason} AS reason, ${bindingOf(rule)} AS binding,
      f.floor_area_m2 AS value, ${min} AS required,
      CASE WHEN f.floor_area_m2 < ${min} THEN ${min} - f.floor_area_m2
           WHEN ${above} THEN f.floor_area_m2 - ${max ?? '0'}
           ELSE 0 END::DOUBLE AS shortfall,
      CASE WHEN ${above} THEN 'above_max' END::VARCHAR AS note
    FROM facilities f JOIN facility_flags ff ON ff.facility_id = f.id
    WHERE f.type IN ${sqlStringList(rule.facilityTypes)} AND ${areaPredicate(rule, 'ff')}`;
  return withCityRow(site, rule.scopes.includes('city'), context.facts);
}

/**
 * Lowest service floor ≤ maxFloorWithoutLift; with a lift ≤ maxFloorWithLift (null: no limit).
 * A rule whose two limits are equal (养老驿站 设置在建筑1-2层) is not relaxed by a lift.
 */
export function siteFloorLevelSql(rule: SiteFloorLevelRule, context: RuleContext): string {
  const max = sqlNumber(rule.maxFloorWithoutLift);
  const withLift =
    rule.maxFloorWithLift === null
      ? 'true'
      : `f.floor_level <= ${sqlNumber(rule.maxFloorWithLift)}`;
  const ok = `(f.floor_level <= ${max} OR (f.has_lift AND ${withLift}))`;
  const reason = `CASE WHEN f.floor_level IS NULL THEN 'unknown_value' END`;
  const site = `SELECT 'site' AS scope, f.unit_id, f.id AS site_id,
      ${statusSql(reason, ok)} AS status,
      ${reason} AS reason, ${bindingOf(rule)} AS binding,
      f.floor_level::DOUBLE AS value, ${max} AS required,
      CASE WHEN ${ok} THEN 0 ELSE 1 END::DOUBLE AS shortfall,
      CASE WHEN f.floor_level > ${max} AND f.has_lift AND ${ok} THEN 'lift_above_limit'
           WHEN f.floor_level > ${max} AND f.has_lift THEN 'lift_not_allowed' END::VARCHAR AS note
    FROM facilities f JOIN facility_flags ff ON ff.facility_id = f.id
    WHERE f.type IN ${sqlStringList(rule.facilityTypes)} AND ${areaPredicate(rule, 'ff')}`;
  return withCityRow(site, rule.scopes.includes('city'), context.facts);
}
