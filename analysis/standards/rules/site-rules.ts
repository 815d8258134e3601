import { sqlNumber, sqlStringList } from '../../db/sql-runner.ts';
import type { SiteAreaRule, SiteFloorLevelRule } from '../types.ts';
import type { RuleContext } from './context.ts';

/**
 * Per-site rules give one finding per site plus, when the rule lists 'city', a citywide finding:
 * value = sites passing, required = sites checked, shortfall = sites failing.
 */
function withCityRow(siteSql: string, cityWanted: boolean): string {
  if (!cityWanted) return siteSql;
  return `WITH sites AS (${siteSql})
    SELECT * FROM sites
    UNION ALL
    SELECT 'city', '', NULL::VARCHAR, coalesce(bool_and(pass), true),
      count(*) FILTER (WHERE pass)::DOUBLE, count(*)::DOUBLE,
      count(*) FILTER (WHERE NOT pass)::DOUBLE,
      'value = sites passing; required = sites checked; shortfall = sites failing'
    FROM sites`;
}

/** Floor area within [minM2, maxM2]; shortfall = m² below the minimum (or above the maximum). */
export function siteAreaSql(rule: SiteAreaRule, _context: RuleContext): string {
  const min = sqlNumber(rule.minM2);
  const max = rule.maxM2 === undefined ? null : sqlNumber(rule.maxM2);
  const above = max === null ? 'false' : `f.floor_area_m2 > ${max}`;
  const site = `SELECT 'site' AS scope, f.unit_id, f.id AS site_id,
      (f.floor_area_m2 >= ${min} AND NOT (${above})) AS pass,
      f.floor_area_m2 AS value, ${min} AS required,
      CASE WHEN f.floor_area_m2 < ${min} THEN ${min} - f.floor_area_m2
           WHEN ${above} THEN f.floor_area_m2 - ${max ?? '0'}
           ELSE 0 END::DOUBLE AS shortfall,
      CASE WHEN ${above} THEN 'above the maximum; shortfall = m² over' END::VARCHAR AS note
    FROM facilities f WHERE f.type IN ${sqlStringList(rule.facilityTypes)}`;
  return withCityRow(site, rule.scopes.includes('city'));
}

/** Lowest service floor ≤ maxFloorWithoutLift, or any floor with a lift. */
export function siteFloorLevelSql(rule: SiteFloorLevelRule, _context: RuleContext): string {
  const max = sqlNumber(rule.maxFloorWithoutLift);
  const site = `SELECT 'site' AS scope, f.unit_id, f.id AS site_id,
      (f.floor_level <= ${max} OR f.has_lift) AS pass,
      f.floor_level::DOUBLE AS value, ${max} AS required,
      CASE WHEN f.floor_level <= ${max} OR f.has_lift THEN 0 ELSE 1 END::DOUBLE AS shortfall,
      CASE WHEN f.floor_level > ${max} AND f.has_lift THEN 'above the limit, has a lift' END::VARCHAR AS note
    FROM facilities f WHERE f.type IN ${sqlStringList(rule.facilityTypes)}`;
  return withCityRow(site, rule.scopes.includes('city'));
}
