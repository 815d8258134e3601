import type { ProfileSettings, Rule, Scope } from '../types.ts';

/** What a rule evaluator may read besides its rule: settings and facts decided beforehand. */
export interface RuleContext {
  settings: ProfileSettings;
  /** True when population_cells carries households (householdsSource 'auto' uses them). */
  householdsInData: boolean;
  /** True when every facility has a land area (perCapitaAreaBasis 'land' needs it). */
  landAreaInData: boolean;
}

/**
 * A rule evaluator returns one SELECT yielding the findings columns after rule_id and kind:
 * scope, unit_id, site_id, pass, value, required, shortfall, note.
 */
export type RuleSql<R extends Rule> = (rule: R, context: RuleContext) => string;

/** Area scopes of a rule (site is handled by site rules). */
export function areaScopes(rule: Rule): Scope[] {
  return rule.scopes.filter((s) => s !== 'site');
}

/** Small epsilon so that 0.8 × 100 elders is met by 80 covered elders despite rounding. */
export const EPS = '1e-9';
