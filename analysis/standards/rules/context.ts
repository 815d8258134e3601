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
export const REGISTER_EMPTY = '(SELECT count(*) FROM facilities) = 0';

/**
 * SQL status from a not-evaluable reason (NULL = evaluable) and a pass condition. `reasonSql`
 * is a CASE yielding a reason code or NULL.
 */
export function statusSql(reasonSql: string, passSql: string): string {
  return `CASE WHEN (${reasonSql}) IS NOT NULL THEN 'not_evaluable' WHEN ${passSql} THEN 'pass' ELSE 'fail' END`;
}
