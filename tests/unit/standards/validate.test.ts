import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import {
  BUILT_IN_PROFILE_IDS,
  builtInProfile,
  parseProfile,
} from '../../../analysis/standards/profiles.ts';
import { validateProfile } from '../../../analysis/standards/validate.ts';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('standards profile schema', () => {
  it.each(BUILT_IN_PROFILE_IDS)('accepts the built-in profile %s', (id) => {
    expect(validateProfile(builtInProfile(id)).problems).toEqual([]);
  });

  it('reports every problem of an edited profile at once, with its path', () => {
    const edited = clone(builtInProfile('huaihua-2020')) as unknown as Record<string, unknown>;
    const settings = edited.settings as Record<string, unknown>;
    settings.walkingSpeedMps = 2;
    settings.perCapitaAreaBasis = 'both';
    const rules = edited.rules as Record<string, unknown>[];
    rules[0].targetShare = 1.5;
    rules[0].facilityTypes = ['nursing_home'];
    delete (rules[1].citation as Record<string, unknown>).quote;
    rules[2].kind = 'per_capita_magic';
    rules[3].colour = 'red';
    rules[4].id = rules[5].id;
    const result = validateProfile(edited);
    expect(result.ok).toBe(false);
    // Every problem also reads in Chinese, with no English word in it.
    for (const p of result.problems) {
      expect(p.text.en).toBe(p.message);
      expect(p.text.zh, p.message).not.toMatch(/[A-Za-z]{2}/);
    }
    expect(result.problems.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '$.settings.perCapitaAreaBasis', message: 'must be one of land, floor' },
      { path: '$.settings.walkingSpeedMps', message: 'must be a number from 0.5 to 1.5' },
      {
        path: '$.rules[0].facilityTypes[0]',
        message: expect.stringContaining('must be one of street_center'),
      },
      { path: '$.rules[0].targetShare', message: 'must be a number from 0 to 1' },
      { path: '$.rules[1].citation.quote', message: 'must be a non-empty string' },
      {
        path: '$.rules[2].kind',
        message: expect.stringContaining('must be one of coverage_share'),
      },
      { path: '$.rules[3].colour', message: 'unknown field' },
      { path: '$.rules[5].id', message: 'duplicate rule id hh-social-operation-urban' },
    ]);
  });

  it('rejects a site rule whose maximum is below its minimum, and a non-object', () => {
    const edited = clone(builtInProfile('gb50180-2018'));
    const rule = edited.rules.find((r) => r.kind === 'site_area');
    if (rule?.kind !== 'site_area') throw new Error('fixture');
    rule.maxM2 = 100;
    expect(validateProfile(edited).problems).toEqual([
      {
        path: '$.rules[2].maxM2',
        message: 'must not be below minM2',
        text: { zh: '上限不能小于下限', en: 'must not be below minM2' },
      },
    ]);
    expect(validateProfile(null).problems).toMatchObject([
      { path: '$', message: 'must be an object' },
    ]);
  });

  it('throws one InputError listing all problems for a user file', () => {
    try {
      parseProfile({ id: 'x' }, 'mine.json');
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toMatch(/^mine\.json: invalid standards profile:/);
      for (const path of ['$.name', '$.source', '$.settings', '$.rules'])
        expect(message).toContain(path);
    }
  });

  it('refuses an unknown built-in profile by name', () => {
    expect(() => builtInProfile('nowhere-2030')).toThrow(
      /unknown standards profile "nowhere-2030"/,
    );
  });
});
