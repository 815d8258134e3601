import type { FacilityType } from '../../city/types.ts';
import { sqlNumber, sqlStringList } from '../../db/sql-runner.ts';
import type { AreaPerHouseholdsRule, AreaPerResidentRule, Rule } from '../types.ts';
import {
  areaScopes,
  type CityFacts,
  EPS,
  type RuleContext,
  registerEmptySql,
  statusSql,
} from './context.ts';
import { facilityIn, scopedSumsSql } from './unit-scope.ts';

/**
 * Facility area and demand per scope (every scope listed, even with no facility), both taken over
 * the same units: the scope's binding units, or all of its units of the area type (benchmark).
 * `unrecorded` counts the sites whose area the register leaves empty: the area is then a lower
 * bound.
 */
function areaAndDemandSql(
  rule: Rule,
  areaExpr: string,
  facilityTypes: readonly FacilityType[],
  demandExpr: string,
  facts: CityFacts,
): string {
  const { area, bind } = facilityIn(rule);
  const pop = scopedSumsSql(rule, { demand: demandExpr }, areaScopes(rule), facts);
  return `WITH fac AS (
      SELECT fs.scope, fs.unit_id,
        sum(CASE WHEN ${area} THEN ${areaExpr} ELSE 0 END)::DOUBLE AS a_area,
        sum(CASE WHEN ${area} AND ${bind} THEN ${areaExpr} ELSE 0 END)::DOUBLE AS b_area,
        count(*) FILTER (WHERE ${area} AND ${areaExpr} IS NULL)::DOUBLE AS a_unrecorded,
        count(*) FILTER (WHERE ${area} AND ${bind} AND ${areaExpr} IS NULL)::DOUBLE AS b_unrecorded
      FROM facility_scope fs JOIN facilities f ON f.id = fs.facility_id
        JOIN facility_flags ff ON ff.facility_id = f.id
      WHERE f.type IN ${sqlStringList(facilityTypes)}
      GROUP BY fs.scope, fs.unit_id),
    pop AS (${pop})
    SELECT p.scope, p.unit_id, p.in_area, p.binding, p.demand,
      coalesce(CASE WHEN p.binding THEN a.b_area ELSE a.a_area END, 0)::DOUBLE AS area,
      coalesce(CASE WHEN p.binding THEN a.b_unrecorded ELSE a.a_unrecorded END, 0)::DOUBLE
        AS unrecorded
    FROM pop p LEFT JOIN fac a ON a.scope = p.scope AND a.unit_id = p.unit_id`;
}

/**
 * Area per `per` demand units vs required; shortfall in m². No demand → not evaluable; short on
 * the recorded area while some sites' area is not recorded → not evaluable (they may make it up).
 */
function perDemandSql(base: string, required: number, per: number, facts: CityFacts): string {
  const req = sqlNumber(required);
  const perN = sqlNumber(per);
  const met = `area * ${perN} + ${EPS} >= ${req} * demand`;
  const reason = `CASE WHEN ${registerEmptySql(facts)} THEN 'no_register'
      WHEN NOT in_area THEN 'no_area_units' WHEN demand = 0 THEN 'no_population'
      WHEN unrecorded > 0 AND NOT (${met}) THEN 'unknown_value' END`;
  return `SELECT scope, unit_id, NULL::VARCHAR AS site_id,
      ${statusSql(reason, met)} AS status,
      ${reason} AS reason, binding,
      CASE WHEN demand > 0 THEN area / demand * ${perN} END AS value,
      ${req} AS required,
      greatest(0::DOUBLE, ${req} * demand / ${perN} - area) AS shortfall,
      NULL::VARCHAR AS note
    FROM (${base}) WHERE in_area OR scope = 'city'`;
}

export function areaPerResidentSql(rule: AreaPerResidentRule, context: RuleContext): string {
  const land = context.settings.perCapitaAreaBasis === 'land';
  const areaExpr = land ? 'coalesce(f.land_area_m2, f.floor_area_m2)' : 'f.floor_area_m2';
  const base = areaAndDemandSql(rule, areaExpr, rule.facilityTypes, 'c.residents', context.facts);
  return perDemandSql(base, rule.requiredM2, rule.perResidents, context.facts);
}

export function areaPerHouseholdsSql(rule: AreaPerHouseholdsRule, context: RuleContext): string {
  const { householdsSource, householdSize } = context.settings;
  const fromData = householdsSource === 'auto' && context.householdsInData;
  const households = fromData ? 'c.households' : `c.residents / ${sqlNumber(householdSize)}`;
  const base = areaAndDemandSql(
    rule,
    'f.floor_area_m2',
    rule.facilityTypes,
    households,
    context.facts,
  );
  return perDemandSql(base, rule.requiredM2Per100Households, 100, context.facts);
}
