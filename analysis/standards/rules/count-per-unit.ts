import { sqlNumber, sqlString, sqlStringList } from '../../db/sql-runner.ts';
import type { CountPerUnitRule } from '../types.ts';
import type { RuleContext } from './context.ts';

/**
 * Sites of the listed kinds (and at least minFloorAreaM2) located in each unit of the rule's
 * level. Per unit: value = sites, shortfall = sites missing. Citywide: value = units meeting
 * the rule, required = units, shortfall = sites missing in all units together.
 */
export function countPerUnitSql(rule: CountPerUnitRule, _context: RuleContext): string {
  const level = sqlString(rule.unitLevel);
  const min = sqlNumber(rule.minCount);
  const perUnit = `SELECT u.id AS unit_id, coalesce(k.n, 0)::DOUBLE AS n
    FROM units u LEFT JOIN (
      SELECT fs.unit_id, count(*) AS n
      FROM facility_scope fs JOIN facilities f ON f.id = fs.facility_id
      WHERE fs.scope = ${level} AND f.type IN ${sqlStringList(rule.facilityTypes)}
        AND f.floor_area_m2 >= ${sqlNumber(rule.minFloorAreaM2)}
      GROUP BY fs.unit_id) k ON k.unit_id = u.id
    WHERE u.level = ${level}`;
  const parts: string[] = [];
  if (rule.scopes.includes(rule.unitLevel)) {
    parts.push(`SELECT ${level} AS scope, unit_id, NULL::VARCHAR AS site_id, n >= ${min} AS pass,
      n AS value, ${min} AS required, greatest(0::DOUBLE, ${min} - n) AS shortfall,
      NULL::VARCHAR AS note FROM per_unit`);
  }
  if (rule.scopes.includes('city')) {
    parts.push(`SELECT 'city' AS scope, '' AS unit_id, NULL::VARCHAR AS site_id,
      coalesce(bool_and(n >= ${min}), true) AS pass,
      count(*) FILTER (WHERE n >= ${min})::DOUBLE AS value,
      count(*)::DOUBLE AS required,
      coalesce(sum(greatest(0::DOUBLE, ${min} - n)), 0)::DOUBLE AS shortfall,
      'value = units meeting the rule; required = units; shortfall = sites missing' AS note
      FROM per_unit`);
  }
  return `WITH per_unit AS (${perUnit}) ${parts.join(' UNION ALL ')}`;
}
