import type { Finding } from './finding.ts';

/** The fields every finding of one rule shares: its title, severity and citation. */
const RULE_FIELDS = [
  'rule',
  'kind',
  'title',
  'titles',
  'severity',
  'citation',
  'document',
  'quote',
  'locator',
  'basis',
  'interpretationReason',
  'verified',
] as const satisfies readonly (keyof Finding)[];

type RuleFields = Pick<Finding, (typeof RULE_FIELDS)[number]>;
type RowFields = Omit<Finding, (typeof RULE_FIELDS)[number]>;

/**
 * Findings with their rule's shared fields stated once. A county has some 11,000 findings, and
 * each repeated its rule's citation and quote: 13 MB to copy from the worker to the page.
 */
export interface PackedFindings {
  rules: RuleFields[];
  /** Per finding: the index of its rule in `rules`, then its own fields. */
  rows: [number, RowFields][];
}

export function packFindings(findings: readonly Finding[]): PackedFindings {
  const rules: RuleFields[] = [];
  // Entries by rule id; a finding whose shared fields differ from its rule's (not the case
  // today) gets an entry of its own, so packing never changes a finding.
  const byRule = new Map<string, number[]>();
  const rows: [number, RowFields][] = findings.map((finding) => {
    const shared: Partial<Record<keyof Finding, unknown>> = {};
    const own: Partial<Record<keyof Finding, unknown>> = { ...finding };
    for (const key of RULE_FIELDS) {
      shared[key] = finding[key];
      delete own[key];
    }
    const entries = byRule.get(finding.rule) ?? [];
    let at = entries.find((i) => RULE_FIELDS.every((key) => same(rules[i]?.[key], finding[key])));
    if (at === undefined) {
      at = rules.push(shared as RuleFields) - 1;
      byRule.set(finding.rule, [...entries, at]);
    }
    return [at, own as RowFields];
  });
  return { rules, rows };
}

/** Equal values; the engine's own findings share their rule's objects (titles), so mostly ===. */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The findings again, each referring to its rule's one copy of the shared fields. */
export function unpackFindings(packed: PackedFindings): Finding[] {
  return packed.rows.map(([at, own]) => ({ ...(packed.rules[at] as RuleFields), ...own }));
}
