import { type CitationCheck, type CitationStatus, checkCitation } from './quote-check.ts';
import type { Citation, StandardsProfile } from './types.ts';

/**
 * Every citation of a standards profile checked against its document: the one place `verified`
 * is set (a value in the file is ignored), the counts `profiles --check` prints, and the list
 * the profile editor warns with when an edited quote is no longer found in its text.
 */
export interface CheckedCitation {
  /** JSON path of the citation, e.g. rules[3].citation. */
  path: string;
  /** Rule, target or subsidy id the citation belongs to. */
  owner: string;
  citation: Pick<Citation, 'document' | 'locator' | 'quote' | 'basis'>;
  check: CitationCheck;
}

export type CitationCounts = Record<CitationStatus, number>;

export function standardsCitations(profile: StandardsProfile): CheckedCitation[] {
  return profile.rules.map((rule, i) => ({
    path: `rules[${i}].citation`,
    owner: rule.id,
    citation: rule.citation,
    check: checkCitation(rule.citation),
  }));
}

/** A copy whose every rule citation carries `verified` = its quote is found in its text. */
export function withVerifiedCitations(profile: StandardsProfile): StandardsProfile {
  return {
    ...profile,
    rules: profile.rules.map((rule) => ({
      ...rule,
      citation: { ...rule.citation, verified: checkCitation(rule.citation).found },
    })),
  };
}

/** Citations whose quote is not found in their document's text (the editor's warning list). */
export function staleQuotes(profile: StandardsProfile): CheckedCitation[] {
  return standardsCitations(profile).filter((c) => c.check.status === 'not_found');
}

export function countCitations(list: readonly CheckedCitation[]): CitationCounts {
  const counts: CitationCounts = { verified: 0, interpretation: 0, unverified: 0, not_found: 0 };
  for (const c of list) counts[c.check.status] += 1;
  return counts;
}
