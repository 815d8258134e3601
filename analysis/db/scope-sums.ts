import { sqlStringList } from './sql-runner.ts';

/**
 * Sums over population cells per scope, for every scope of the `scopes` table: the city, every
 * street and every community unit (0 when a unit has no cells). One GROUPING SETS pass over
 * `population_cells` rolls cells up to community, street and city at once, which is far
 * cheaper on a million-cell metro than joining a cell-per-scope table.
 *
 * `sums` maps an output column to an expression summed over `c` (population_cells) and whatever
 * `joins` add (joins must keep one row per cell). Output: scope, unit_id, then the sums as
 * DOUBLE, ordered by scope and unit_id.
 */
export function scopeSumsSql(
  sums: Readonly<Record<string, string>>,
  options: { joins?: string; scopes?: readonly string[] } = {},
): string {
  const aliases = Object.keys(sums);
  const inner = aliases.map((a) => `sum(${sums[a]})::DOUBLE AS ${a}`).join(',\n       ');
  const outer = aliases.map((a) => `coalesce(per.${a}, 0)::DOUBLE AS ${a}`).join(', ');
  const where = options.scopes === undefined ? '' : `WHERE s.scope IN ${sqlStringList(options.scopes)}`;
  return `SELECT s.scope, s.unit_id${outer === '' ? '' : `, ${outer}`}
  FROM scopes s LEFT JOIN (
    SELECT CASE WHEN GROUPING(c.unit_id) = 0 THEN 'community'
             WHEN GROUPING(c.street_id) = 0 THEN 'street' ELSE 'city' END AS scope,
           CASE WHEN GROUPING(c.unit_id) = 0 THEN c.unit_id
             WHEN GROUPING(c.street_id) = 0 THEN c.street_id ELSE '' END AS unit_id${inner === '' ? '' : `,\n       ${inner}`}
    FROM population_cells c ${options.joins ?? ''}
    GROUP BY GROUPING SETS ((), (c.street_id), (c.unit_id))) per
    ON per.scope = s.scope AND per.unit_id = s.unit_id
  ${where}
  ORDER BY s.scope, s.unit_id`;
}
