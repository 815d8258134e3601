import { BUILTIN_PROGRAMME_PROFILES } from '../programme/builtin.ts';
import type { CheckedCitation, CitationCounts } from '../standards/profile-citations.ts';
import { countCitations } from '../standards/profile-citations.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfileData } from '../standards/profiles.ts';
import { type Citation, checkCitation } from '../standards/quote-check.ts';

/**
 * The citation audit behind `carecircle profiles --check`: every citation of a profile file
 * (standards or programme, as raw JSON, so a user's edited copy is audited as written) checked
 * against its document's text. A problem is a quote of a shipped text that is not in it, or a
 * citation the file marks `verified: true` that the check cannot confirm.
 */
export type ProfileKind = 'standards' | 'programme';

export interface AuditedCitation extends CheckedCitation {
  /** The `verified` value written in the file, when there is one (it is never trusted). */
  claimed: boolean | undefined;
}

export interface ProfileAudit {
  id: string;
  kind: ProfileKind;
  counts: CitationCounts;
  citations: AuditedCitation[];
  problems: AuditedCitation[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `citation` object in a profile's JSON, with its path and the id of its owner. */
function findCitations(value: unknown, path: string, owner: string, out: AuditedCitation[]) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      findCitations(item, `${path}[${i}]`, owner, out);
    });
    return;
  }
  if (!isObject(value)) return;
  const id = typeof value.id === 'string' ? value.id : owner;
  for (const [key, child] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (key === 'citation' && isObject(child)) out.push(audited(child, at, id));
    else findCitations(child, at, id, out);
  }
}

function audited(raw: Json, path: string, owner: string): AuditedCitation {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const citation: Pick<Citation, 'document' | 'locator' | 'quote' | 'basis'> = {
    document: text(raw.document),
    locator: text(raw.locator),
    quote: text(raw.quote),
    ...(raw.basis === 'interpretation' ? { basis: 'interpretation' as const } : {}),
  };
  const claimed = typeof raw.verified === 'boolean' ? raw.verified : undefined;
  return { path, owner, citation, check: checkCitation(citation), claimed };
}

/** Audits one profile file's JSON (the caller says which kind it is). */
export function auditProfile(id: string, kind: ProfileKind, data: unknown): ProfileAudit {
  const citations: AuditedCitation[] = [];
  findCitations(data, '', id, citations);
  const problems = citations.filter(
    (c) => c.check.status === 'not_found' || (c.claimed === true && !c.check.found),
  );
  return { id, kind, counts: countCitations(citations), citations, problems };
}

/** Every built-in profile: the standards ones, then the programme ones. */
export function auditBuiltInProfiles(): ProfileAudit[] {
  return [
    ...BUILT_IN_PROFILE_IDS.map((id) => auditProfile(id, 'standards', builtInProfileData(id))),
    ...Object.entries(BUILTIN_PROGRAMME_PROFILES).map(([id, data]) =>
      auditProfile(id, 'programme', data),
    ),
  ];
}

/** A profile's kind from its JSON: programme profiles have siteRules, standards ones rules. */
export function profileKindOf(data: unknown): ProfileKind | undefined {
  if (!isObject(data)) return undefined;
  if (Array.isArray(data.siteRules)) return 'programme';
  if (Array.isArray(data.rules)) return 'standards';
  return undefined;
}
