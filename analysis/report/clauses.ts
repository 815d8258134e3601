import type { Finding } from '../coverage/types.ts';
import type { Rule } from '../standards/types.ts';
import type { FindingStatus } from '../vocabulary.ts';
import type { ReportContext } from './context.ts';

/**
 * One line per clause of the profile for 三、标准符合性: its status at the study-area level (or,
 * for clauses checked per unit or per site, over all its checks), the numbers, the verbatim
 * quote and locator, and the group it is shown in. Groups keep apart what a committee must not
 * confuse: binding clauses read by their words, binding clauses in the project's reading (推定),
 * benchmarks (标杆对照) and clauses the data cannot evaluate.
 */
export type ClauseGroup = 'text' | 'interpretation' | 'benchmark' | 'not_evaluable';

export interface ClauseSummary {
  rule: Rule;
  title: string;
  group: ClauseGroup;
  status: FindingStatus;
  /** The study-area finding when the clause has one. */
  city: Finding | null;
  findings: Finding[];
  failed: Finding[];
  reason: string | null;
}

const cache = new WeakMap<ReportContext, ClauseSummary[]>();

export function clauseSummaries(ctx: ReportContext): ClauseSummary[] {
  const cached = cache.get(ctx);
  if (cached !== undefined) return cached;
  const findings = ctx.input.baseline.summary.findings;
  const skipped = new Set(ctx.input.baseline.summary.skippedRules.map((s) => s.rule));
  const out: ClauseSummary[] = [];
  for (const rule of ctx.input.profile.rules) {
    const own = findings.filter((f) => f.rule === rule.id);
    const title = rule.title[ctx.lang];
    if (own.length === 0) {
      if (skipped.has(rule.id) || rule.enabled === false) continue;
      out.push({
        rule,
        title,
        group: 'not_evaluable',
        status: 'not_evaluable',
        city: null,
        findings: [],
        failed: [],
        reason: ctx.t.compliance.noUnits,
      });
      continue;
    }
    const city = own.find((f) => f.scope === 'city') ?? null;
    const evaluated = own.filter((f) => f.status !== 'not_evaluable');
    const failed = own.filter((f) => f.status === 'fail');
    const status: FindingStatus =
      city?.status ??
      (evaluated.length === 0 ? 'not_evaluable' : failed.length > 0 ? 'fail' : 'pass');
    const reasonOf = (city ?? own.find((f) => f.statusReason !== null))?.statusReason ?? null;
    const binding = city !== null ? city.binding : own.some((f) => f.binding);
    const basis = rule.citation.basis ?? own[0].basis;
    const group: ClauseGroup =
      status === 'not_evaluable'
        ? 'not_evaluable'
        : !binding
          ? 'benchmark'
          : basis === 'interpretation'
            ? 'interpretation'
            : 'text';
    out.push({
      rule,
      title,
      group,
      status,
      city,
      findings: own,
      failed,
      reason: reasonOf === null ? null : reasonOf[ctx.lang],
    });
  }
  cache.set(ctx, out);
  return out;
}
