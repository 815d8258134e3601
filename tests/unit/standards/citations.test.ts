import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staleQuotes, standardsCitations } from '../../../analysis/standards/profile-citations.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../../analysis/standards/profiles.ts';
import { checkCitation, quoteFound } from '../../../analysis/standards/quote-check.ts';
import texts from '../../../data/standards/texts/texts.json';

describe('citations quote their documents verbatim', () => {
  it('the bundled texts equal the shipped .txt files', () => {
    for (const [id, text] of Object.entries(texts as Record<string, string>)) {
      expect(readFileSync(`data/standards/texts/${id}.txt`, 'utf8')).toBe(text);
    }
    expect(Object.keys(texts).sort()).toEqual([
      'haining-2024',
      'huaihua-2020',
      'province-plan',
      'province-report',
      'shanxi-2023',
    ]);
  });

  it.each(BUILT_IN_PROFILE_IDS)(
    'every citation of %s is found (or is a national standard)',
    (id) => {
      for (const c of standardsCitations(builtInProfile(id))) {
        if (c.citation.document === 'gb50180-2018') expect(c.check.status).toBe('unverified');
        else expect(c.check.found, `${c.owner}: ${c.citation.quote}`).toBe(true);
      }
    },
  );

  it('derives verified, ignoring a hand-set value', () => {
    const profile = builtInProfile('huaihua-2020');
    expect(profile.rules.every((r) => r.citation.verified)).toBe(true);
    expect(builtInProfile('gb50180-2018').rules.every((r) => !r.citation.verified)).toBe(true);
  });

  it('ignores whitespace only', () => {
    expect(quoteFound('社区养老 服务设施', '……社区养老\n服务设施……')).toBe(true);
    expect(quoteFound('社区养老服務设施', '社区养老服务设施')).toBe(false);
    expect(checkCitation({ document: 'huaihua-2020', quote: '人均不少于0.2平方米' }).status).toBe(
      'not_found',
    );
  });

  it('lists an edited quote that is no longer in its text', () => {
    const profile = builtInProfile('province-plan');
    const edited = {
      ...profile,
      rules: profile.rules.map((r, i) =>
        i === 0 ? { ...r, citation: { ...r.citation, quote: '每千人45平方米' } } : r,
      ),
    };
    expect(staleQuotes(profile)).toEqual([]);
    expect(staleQuotes(edited).map((c) => c.owner)).toEqual([profile.rules[0].id]);
  });
});
