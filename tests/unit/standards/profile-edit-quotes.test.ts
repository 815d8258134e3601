import { describe, expect, it } from 'vitest';
import { staleQuotes } from '../../../analysis/standards/profile-citations.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { validateProfile } from '../../../analysis/standards/validate.ts';
import {
  applyEdits,
  editableFields,
  pathKey,
  quoteFields,
  withQuoteEdits,
} from '../../../web/src/analysis-ui/profile-edit.ts';

/** The editor's quote fields: edited quotes are kept as typed and flagged when not in the text. */
const SUFFIX = { id: '-copy', zh: '（副本）', en: ' (copy)' };
const profile = builtInProfile('haining-2024');
const quotes = quoteFields(profile);
const key = (ruleId: string) => {
  const field = quotes.find((f) => f.ruleId === ruleId);
  if (field === undefined) throw new Error(`no quote field for ${ruleId}`);
  return pathKey(field.path);
};

describe('quote editing', () => {
  it('offers one quote per rule, apart from the numeric fields', () => {
    expect(quotes.map((f) => f.ruleId)).toEqual(profile.rules.map((r) => r.id));
    expect(editableFields(profile).some((f) => f.key === 'quote')).toBe(false);
  });

  it('flags an edited quote that is no longer in the text, and only that one', () => {
    expect(staleQuotes(withQuoteEdits(profile, quotes, {}))).toEqual([]);
    const edits = { [key('hn-post-floor')]: '养老驿站建筑面积不少于80㎡' };
    const stale = staleQuotes(withQuoteEdits(profile, quotes, edits));
    expect(stale.map((c) => c.owner)).toEqual(['hn-post-floor']);
    // Whitespace does not make a quote stale (the texts wrap lines).
    const spaced = { [key('hn-post-floor')]: '养老驿站要求有明显的门头, 建筑面积不少于60㎡' };
    expect(staleQuotes(withQuoteEdits(profile, quotes, spaced))).toEqual([]);
  });

  it('keeps a quote as typed (a number-like quote is not turned into a number)', () => {
    const fields = [...editableFields(profile), ...quotes];
    const edited = applyEdits(profile, fields, { [key('hn-point-area')]: '30' }, SUFFIX);
    const result = validateProfile(edited);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rule = result.profile.rules.find((r) => r.id === 'hn-point-area');
    expect(rule?.citation.quote).toBe('30');
    // The derived flag follows the text: "30" alone is found, a changed figure is not.
    const changed = applyEdits(profile, fields, { [key('hn-point-area')]: '不低于31㎡' }, SUFFIX);
    const again = validateProfile(changed);
    expect(
      again.ok && again.profile.rules.find((r) => r.id === 'hn-point-area')?.citation.verified,
    ).toBe(false);
  });
});
