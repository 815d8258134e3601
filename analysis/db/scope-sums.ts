import { sqlStringList } from './sql-runner.ts';

/**
 * Sums over population cells per scope, for every scope of the `scopes` table: the city, every
 * street and every community unit (0 when a unit has no cells). One pass over
 * `population_cells` and a GROUPING SETS roll-up to community, street and city: far cheaper on
 * a million-cell metro than joining a cell-per-scope table.
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
  // Cells are summed per (community, street) pair first, then the few thousand pairs are rolled
  // up: the expressions run once per cell instead of once per cell and grouping set.
  const perPair = aliases.map((a) => `, sum(${sums[a]})::DOUBLE AS ${a}`).join('');
  const rolled = aliases.map((a) => `, sum(pair.${a})::DOUBLE AS ${a}`).join('');
  const outer = aliases.map((a) => `, coalesce(per.${a}, 0)::DOUBLE AS ${a}`).join('');
  const where =
    options.scopes === undefined ? '' : `WHERE s.scope IN ${sqlStringList(options.scopes)}`;
  return `SELECT s.scope, s.unit_id${outer}
  FROM scopes s LEFT JOIN (
    SELECT CASE WHEN GROUPING(pair.unit_id) = 0 THEN 'community'
             WHEN GROUPING(pair.street_id) = 0 THEN 'street' ELSE 'city' END AS scope,
           CASE WHEN GROUPING(pair.unit_id) = 0 THEN pair.unit_id
             WHEN GROUPING(pair.street_id) = 0 THEN pair.street_id ELSE '' END AS unit_id${rolled}
    FROM (SELECT c.unit_id, c.street_id${perPair}
          FROM population_cells c ${options.joins ?? ''}
          GROUP BY c.unit_id, c.street_id) pair
    GROUP BY GROUPING SETS ((), (pair.street_id), (pair.unit_id))) per
    ON per.scope = s.scope AND per.unit_id = s.unit_id
  ${where}
  ORDER BY s.scope, s.unit_id`;
}
