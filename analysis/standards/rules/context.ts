import type { SqlRunner } from '../../db/sql-runner.ts';
import type { ProfileSettings, Rule, Scope, TravelProfile } from '../types.ts';

/** What a rule evaluator may read besides its rule: settings and facts decided beforehand. */
export interface RuleContext {
  settings: ProfileSettings;
  /** True when population_cells carries households (householdsSource 'auto' uses them). */
  householdsInData: boolean;
  /** True when every facility has a land area (perCapitaAreaBasis 'land' needs it). */
  landAreaInData: boolean;
  /**
   * Travel networks the city has (graph files present). Absent: all are taken as present;
   * a rule on a missing network is not evaluable.
   */
  networks?: readonly TravelProfile[];
  /** What the loaded city holds, read once before the rules run (cityFacts). */
  facts: CityFacts;
}

/**
 * Facts of the loaded city that many rules test, given to each rule's SQL as literals: as a
 * subquery repeated in every rule they are planned once per use, and the one statement of all
 * rules took 10-30 % longer on duckdb-wasm (the Huaihua profile on the mini test city).
 */
export interface CityFacts {
  /** The register holds no facility at all (no data, not a shortfall). */
  registerEmpty: boolean;
  /** Some unit of the area type exists ('all': some unit of either type). */
  unitsOf: Record<'all' | 'urban' | 'rural', boolean>;
}

export async function cityFacts(runner: SqlRunner): Promise<CityFacts> {
  const [row] = await runner.query<{
    empty: boolean;
    all: boolean;
    urban: boolean;
    rural: boolean;
  }>(
    `SELECT (SELECT count(*) FROM facilities) = 0 AS empty, count(*) > 0 AS "all",
       coalesce(bool_or(NOT rural), false) AS urban, coalesce(bool_or(rural), false) AS rural
     FROM unit_flags`,
  );
  return {
    registerEmpty: row.empty,
    unitsOf: { all: row.all, urban: row.urban, rural: row.rural },
  };
}

/**
 * A rule evaluator returns one SELECT yielding the findings columns after rule_id and kind:
 * scope, unit_id, site_id, status, reason, binding, value, required, shortfall, note
 * (reason and note are codes of ./reasons.ts; status pass | fail | not_evaluable).
 */
export type RuleSql<R extends Rule> = (rule: R, context: RuleContext) => string;

/** Area scopes of a rule (site is handled by site rules). */
export function areaScopes(rule: Rule): Scope[] {
  return rule.scopes.filter((s) => s !== 'site');
}

/** Small epsilon so that 0.8 × 100 elders is met by 80 covered elders despite rounding. */
export const EPS = '1e-9';

/** SQL: true when the register holds no facility at all (no data, not a shortfall). */
export const registerEmptySql = (facts: CityFacts) => (facts.registerEmpty ? 'true' : 'false');

/**
 * SQL status from a not-evaluable reason (NULL = evaluable) and a pass condition. `reasonSql`
 * is a CASE yielding a reason code or NULL.
 */
export function statusSql(reasonSql: string, passSql: string): string {
  return `CASE WHEN (${reasonSql}) IS NOT NULL THEN 'not_evaluable' WHEN ${passSql} THEN 'pass' ELSE 'fail' END`;
}
