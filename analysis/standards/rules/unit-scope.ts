import { scopeSumsSql } from '../../db/scope-sums.ts';
import type { Rule, Scope } from '../types.ts';
import type { CityFacts } from './context.ts';

/**
 * Which units a rule speaks of, as SQL over the flag tables (db/schema.ts: unit_flags,
 * cell_flags, facility_flags, each with `rural` and `new_res`):
 *
 * - appliesTo urban|rural: only units (cells, facilities) of that area type are aggregated, and
 *   only scopes holding some get a finding (the city always gets one).
 * - bindsOn new_residential|existing_residential: a scope holding units of that kind aggregates
 *   only those and binds; a scope holding none aggregates all its units as a benchmark
 *   (binding false). rule.binding false makes every finding a benchmark.
 */
export function areaPredicate(rule: Rule, alias: string): string {
  const appliesTo = rule.appliesTo ?? 'all';
  if (appliesTo === 'rural') return `${alias}.rural`;
  if (appliesTo === 'urban') return `NOT ${alias}.rural`;
  return 'true';
}

export function bindPredicate(rule: Rule, alias: string): string {
  if (rule.bindsOn === 'new_residential') return `${alias}.new_res`;
  if (rule.bindsOn === 'existing_residential') return `NOT ${alias}.new_res`;
  return 'true';
}

/** SQL: some unit of the rule's area type exists. */
export function anyAreaUnitSql(rule: Rule, facts: CityFacts): string {
  return facts.unitsOf[rule.appliesTo ?? 'all'] ? 'true' : 'false';
}

/**
 * Population sums per scope restricted as above. Output: scope, unit_id, in_area, binding and,
 * per alias of `sums`, the sum over the scope's binding cells (binding) or all its cells of the
 * area type (benchmark). `joins` may add tables to `c` (one row per cell); cell_flags is `cf`.
 */
export function scopedSumsSql(
  rule: Rule,
  sums: Readonly<Record<string, string>>,
  scopes: Scope[],
  facts: CityFacts,
  joins = '',
): string {
  const area = areaPredicate(rule, 'cf');
  const bind = bindPredicate(rule, 'cf');
  const inner: Record<string, string> = {
    n_in: `CASE WHEN ${area} THEN 1 ELSE 0 END`,
    n_bind: `CASE WHEN ${area} AND ${bind} THEN 1 ELSE 0 END`,
  };
  for (const [alias, expr] of Object.entries(sums)) {
    inner[`a_${alias}`] = `CASE WHEN ${area} THEN (${expr}) ELSE 0 END`;
    inner[`b_${alias}`] = `CASE WHEN ${area} AND ${bind} THEN (${expr}) ELSE 0 END`;
  }
  const sumsSql = scopeSumsSql(inner, {
    joins: `JOIN cell_flags cf ON cf.cell_idx = c.idx ${joins}`,
    scopes,
  });
  const unitArea = `coalesce(${areaPredicate(rule, 'uf')}, false)`;
  const unitBind = `coalesce(${areaPredicate(rule, 'uf')} AND ${bindPredicate(rule, 'uf')}, false)`;
  const binding =
    rule.binding === false
      ? 'false'
      : rule.bindsOn === undefined
        ? 'true'
        : `(s.n_bind > 0 OR (s.scope <> 'city' AND ${unitBind}))`;
  const picks = Object.keys(sums)
    .map((a) => `, CASE WHEN binding THEN b_${a} ELSE a_${a} END AS ${a}`)
    .join('');
  return `SELECT scope, unit_id, in_area, binding${picks} FROM (
    SELECT s.*,
      (s.n_in > 0 OR CASE WHEN s.scope = 'city' THEN ${anyAreaUnitSql(rule, facts)} ELSE ${unitArea} END) AS in_area,
      ${binding} AS binding
    FROM (${sumsSql}) s LEFT JOIN unit_flags uf ON uf.unit_id = s.unit_id AND s.scope <> 'city')`;
}

/** SQL of one facility row `f` (with facility_flags `ff`) being in the rule's area / binding. */
export function facilityIn(rule: Rule): { area: string; bind: string } {
  return { area: areaPredicate(rule, 'ff'), bind: bindPredicate(rule, 'ff') };
}
