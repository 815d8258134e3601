import type { FacilityType } from '../../city/types.ts';
import { scopeSumsSql } from '../../db/scope-sums.ts';
import { sqlNumber, sqlString, sqlStringList } from '../../db/sql-runner.ts';
import type { AreaPerHouseholdsRule, AreaPerResidentRule, Scope } from '../types.ts';
import { areaScopes, EPS, type RuleContext } from './context.ts';

/** Facility area and population per scope (every scope listed, even with no facility). */
function areaAndPopulationSql(
  areaExpr: string,
  facilityTypes: readonly FacilityType[],
  populationExpr: string,
  scopes: Scope[],
): string {
  return `WITH area AS (
      SELECT fs.scope, fs.unit_id, sum(${areaExpr})::DOUBLE AS area
      FROM facility_scope fs JOIN facilities f ON f.id = fs.facility_id
      WHERE f.type IN ${sqlStringList(facilityTypes)}
      GROUP BY fs.scope, fs.unit_id),
    pop AS (${scopeSumsSql({ demand: populationExpr }, { scopes })})
    SELECT p.scope, p.unit_id, coalesce(a.area, 0)::DOUBLE AS area, p.demand
    FROM pop p LEFT JOIN area a ON a.scope = p.scope AND a.unit_id = p.unit_id`;
}

/** Area per `per` demand units vs required; shortfall in m². No demand → pass, value NULL. */
function perDemandSql(base: string, required: number, per: number, note: string | null): string {
  const req = sqlNumber(required);
  const perN = sqlNumber(per);
  return `SELECT scope, unit_id, NULL::VARCHAR AS site_id,
      (demand = 0 OR area * ${perN} + ${EPS} >= ${req} * demand) AS pass,
      CASE WHEN demand > 0 THEN area / demand * ${perN} END AS value,
      ${req} AS required,
      greatest(0::DOUBLE, ${req} * demand / ${perN} - area) AS shortfall,
      ${note === null ? 'NULL::VARCHAR' : sqlString(note)} AS note
    FROM (${base})`;
}

export function areaPerResidentSql(rule: AreaPerResidentRule, context: RuleContext): string {
  const land = context.settings.perCapitaAreaBasis === 'land';
  const areaExpr = land ? 'coalesce(f.land_area_m2, f.floor_area_m2)' : 'f.floor_area_m2';
  let note: string | null = land ? 'basis: land area' : 'basis: floor area';
  if (land && !context.landAreaInData) {
    note = 'basis: land area; floor area used where the register has no land area';
  }
  const base = areaAndPopulationSql(areaExpr, rule.facilityTypes, 'c.residents', areaScopes(rule));
  return perDemandSql(base, rule.requiredM2, rule.perResidents, note);
}

export function areaPerHouseholdsSql(rule: AreaPerHouseholdsRule, context: RuleContext): string {
  const { householdsSource, householdSize } = context.settings;
  const fromData = householdsSource === 'auto' && context.householdsInData;
  const households = fromData ? 'c.households' : `c.residents / ${sqlNumber(householdSize)}`;
  const note = fromData
    ? 'households from the data'
    : `households derived: residents / ${householdSize}`;
  const base = areaAndPopulationSql(
    'f.floor_area_m2',
    rule.facilityTypes,
    households,
    areaScopes(rule),
  );
  return perDemandSql(base, rule.requiredM2Per100Households, 100, note);
}
