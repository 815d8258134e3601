import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BUILTIN_PROGRAMME_PROFILES } from '../../../analysis/programme/builtin.ts';
import { builtInProfileData } from '../../../analysis/standards/profiles.ts';
import { auditBuiltInProfiles, auditProfile } from '../../../analysis/workflows/citation-audit.ts';
import { auditTable, verb } from '../../../scripts/verbs/profiles.ts';

/** `profiles --check`: counts per profile, and a non-zero exit on a quote its text lacks. */
const clone = <T>(v: T): T => structuredClone(v);

describe('citation audit', () => {
  it('lists every built-in profile, standards and programme, with no problem', () => {
    const audits = auditBuiltInProfiles();
    expect(audits.map((a) => `${a.kind}:${a.id}`)).toEqual([
      'standards:huaihua-2020',
      'standards:haining-2024',
      'standards:shanxi-2023',
      'standards:province-plan',
      'standards:gb50180-2018',
      'standards:province-report',
      'programme:haining-2024',
      'programme:generic',
    ]);
    expect(audits.flatMap((a) => a.problems)).toEqual([]);
    const gb = audits.find((a) => a.id === 'gb50180-2018');
    expect(gb?.counts).toEqual({ verified: 0, interpretation: 0, unverified: 5, not_found: 0 });
  });

  it('counts a standards profile by its citations (hand-made)', () => {
    const profile = {
      rules: [
        {
          id: 'a',
          citation: { document: 'haining-2024', locator: 'x', quote: '建成养老睦邻点220个以上' },
        },
        {
          id: 'b',
          citation: {
            document: 'haining-2024',
            locator: 'x',
            quote: '实现“10分钟养老服务圈”',
            basis: 'interpretation',
          },
        },
        {
          id: 'c',
          citation: { document: 'gb50180-2018', locator: '2.0.2', quote: '15分钟生活圈' },
        },
        {
          id: 'd',
          citation: { document: 'haining-2024', locator: 'x', quote: '建成养老睦邻点300个' },
        },
      ],
    };
    const audit = auditProfile('mine', 'standards', profile);
    expect(audit.counts).toEqual({ verified: 1, interpretation: 1, unverified: 1, not_found: 1 });
    expect(audit.problems.map((p) => [p.owner, p.path])).toEqual([['d', 'rules[3].citation']]);
  });

  it('flags a citation marked verified that the text cannot confirm', () => {
    const gb = clone(builtInProfileData('gb50180-2018')) as {
      rules: { citation: Record<string, unknown> }[];
    };
    gb.rules[0].citation.verified = true;
    const audit = auditProfile('gb', 'standards', gb);
    expect(audit.problems).toHaveLength(1);
    expect(audit.problems[0]).toMatchObject({ claimed: true, check: { status: 'unverified' } });
  });

  it('finds the nested citations of a programme profile and flags an edited quote', () => {
    const programme = clone(BUILTIN_PROGRAMME_PROFILES['haining-2024']) as {
      subsidies: { citation: { quote: string } }[];
    };
    programme.subsidies[0].citation.quote = '市财政按照按投入改造资金的60%给予奖补';
    const audit = auditProfile('hn', 'programme', programme);
    expect(audit.problems.map((p) => p.path)).toEqual(['subsidies[0].citation']);
    expect(auditTable([audit])).toContain(
      'subsidies[0].citation (center-upgrade): quote not found',
    );
  });
});

describe('profiles verb', () => {
  it('exits 0 on the built-ins and 1 when a --file holds a quote its text lacks', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await verb.run(['--check'])).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toMatch(
        /haining-2024\s+programme\s+\d+\s+\d+\s+0\s+0/,
      );
      const edited = clone(builtInProfileData('huaihua-2020')) as {
        rules: { citation: { quote: string } }[];
      };
      edited.rules[0].citation.quote = '人均不少于0.2平方米';
      const dir = mkdtempSync(join(tmpdir(), 'cc-profiles-'));
      const file = join(dir, 'edited.json');
      writeFileSync(file, JSON.stringify(edited));
      expect(await verb.run(['--check', '--file', file])).toBe(1);
      expect(err.mock.calls.flat().join('\n')).toContain('1 citation(s) not confirmed');
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});
