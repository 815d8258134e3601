import { sqlNumber, sqlString, sqlStringList } from '../../db/sql-runner.ts';
import { unitTier } from '../../vocabulary.ts';
import type { CountPerUnitRule, UnitShareRule } from '../types.ts';
import { type CityFacts, EPS, type RuleContext, registerEmptySql, statusSql } from './context.ts';
import { areaPredicate, bindPredicate } from './unit-scope.ts';

/**
 * Sites of the listed kinds (and at least minFloorAreaM2) located in each unit of the rule's
 * level and area type, with whether the unit binds (per_unit: unit_id, n, u, bind). u counts the
 * sites whose floor area is not recorded when the rule sets a minimum: they may or may not count.
 */
function perUnitSql(rule: CountPerUnitRule | UnitShareRule): string {
  const tier = unitTier(rule.unitLevel) ?? rule.unitLevel;
  const bind = rule.binding === false ? 'false' : bindPredicate(rule, 'uf');
  const sized = rule.minFloorAreaM2 > 0;
  const counts = sized ? `f.floor_area_m2 >= ${sqlNumber(rule.minFloorAreaM2)}` : 'true';
  const unknown = sized ? 'f.floor_area_m2 IS NULL' : 'false';
  return `SELECT u.id AS unit_id, coalesce(k.n, 0)::DOUBLE AS n, coalesce(k.u, 0)::DOUBLE AS u,
      ${bind} AS bind
    FROM units u JOIN unit_flags uf ON uf.unit_id = u.id LEFT JOIN (
      SELECT fs.unit_id, count(*) FILTER (WHERE ${counts}) AS n,
        count(*) FILTER (WHERE ${unknown}) AS u
      FROM facility_scope fs JOIN facilities f ON f.id = fs.facility_id
      WHERE fs.scope = ${sqlString(tier)} AND f.type IN ${sqlStringList(rule.facilityTypes)}
      GROUP BY fs.unit_id) k ON k.unit_id = u.id
    WHERE u.level = ${sqlString(rule.unitLevel)} AND ${areaPredicate(rule, 'uf')}`;
}

/** SQL: a unit short of sites that sites of unrecorded area might make up (undecided). */
const undecided = (min: string) => `(n < ${min} AND n + u >= ${min})`;

/** Per unit: value = sites, shortfall = sites missing (a row for each unit of the level). */
function unitRowsSql(rule: CountPerUnitRule | UnitShareRule, facts: CityFacts): string {
  const min = sqlNumber(rule.minCount);
  const tier = unitTier(rule.unitLevel) ?? rule.unitLevel;
  const reason = `CASE WHEN ${registerEmptySql(facts)} THEN 'no_register'
      WHEN ${undecided(min)} THEN 'unknown_value' END`;
  return `SELECT ${sqlString(tier)} AS scope, unit_id, NULL::VARCHAR AS site_id,
      ${statusSql(reason, `n >= ${min}`)} AS status, ${reason} AS reason, bind AS binding,
      n AS value, ${min} AS required, greatest(0::DOUBLE, ${min} - n) AS shortfall,
      NULL::VARCHAR AS note FROM per_unit`;
}

/** City rows aggregate the binding units when there are any, else every unit as a benchmark. */
const CITY_UNITS = `(SELECT * FROM per_unit WHERE bind OR NOT (SELECT coalesce(bool_or(bind), false) FROM per_unit))`;

/**
 * Citywide: value = units meeting the rule, required = units, shortfall = sites missing in all
 * units together. No unit of the level → not evaluable.
 */
export function countPerUnitSql(rule: CountPerUnitRule, context: RuleContext): string {
  const min = sqlNumber(rule.minCount);
  const parts: string[] = [];
  const tier = unitTier(rule.unitLevel);
  if (tier !== null && rule.scopes.includes(tier)) parts.push(unitRowsSql(rule, context.facts));
  if (rule.scopes.includes('city')) {
    // No unit surely short, some undecided: the city cannot be judged either way.
    const reason = `CASE WHEN ${registerEmptySql(context.facts)} THEN 'no_register' WHEN count(*) = 0 THEN 'no_units'
      WHEN bool_or(${undecided(min)}) AND NOT bool_or(n + u < ${min}) THEN 'unknown_value' END`;
    parts.push(`SELECT 'city' AS scope, '' AS unit_id, NULL::VARCHAR AS site_id,
      ${statusSql(reason, `coalesce(bool_and(n >= ${min}), false)`)} AS status, ${reason} AS reason,
      coalesce(bool_or(bind), false) AS binding,
      count(*) FILTER (WHERE n >= ${min})::DOUBLE AS value,
      count(*)::DOUBLE AS required,
      coalesce(sum(greatest(0::DOUBLE, ${min} - n)), 0)::DOUBLE AS shortfall,
      'city_units' AS note
      FROM ${CITY_UNITS}`);
  }
  return `WITH per_unit AS (${perUnitSql(rule)}) ${parts.join(' UNION ALL ')}`;
}

/**
 * Share of units of the level holding ≥ minCount sites vs targetShare (city); shortfall = units
 * still missing. Per-unit rows as count_per_unit when the rule lists the unit's tier.
 */
export function unitShareSql(rule: UnitShareRule, context: RuleContext): string {
  const min = sqlNumber(rule.minCount);
  const target = sqlNumber(rule.targetShare);
  const parts: string[] = [];
  const tier = unitTier(rule.unitLevel);
  if (tier !== null && rule.scopes.includes(tier)) parts.push(unitRowsSql(rule, context.facts));
  const meeting = `count(*) FILTER (WHERE n >= ${min})::DOUBLE`;
  const reason = `CASE WHEN ${registerEmptySql(context.facts)} THEN 'no_register' WHEN count(*) = 0 THEN 'no_units' END`;
  parts.push(`SELECT 'city' AS scope, '' AS unit_id, NULL::VARCHAR AS site_id,
    ${statusSql(reason, `${meeting} + ${EPS} >= ${target} * count(*)`)} AS status, ${reason} AS reason,
    coalesce(bool_or(bind), false) AS binding,
    CASE WHEN count(*) > 0 THEN ${meeting} / count(*) END AS value,
    ${target} AS required,
    greatest(0::DOUBLE, ceil(${target} * count(*) - ${EPS}) - ${meeting}) AS shortfall,
    'unit_share' AS note
    FROM ${CITY_UNITS}`);
  return `WITH per_unit AS (${perUnitSql(rule)}) ${parts.join(' UNION ALL ')}`;
}
