import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import {
  BUILTIN_PROGRAMME_PROFILES,
  programmeProfileFor,
} from '../../../analysis/programme/builtin.ts';
import {
  parseProgrammeProfile,
  validateProgrammeProfile,
} from '../../../analysis/programme/profile.ts';

describe('programme profiles', () => {
  it.each(Object.keys(BUILTIN_PROGRAMME_PROFILES))('%s is valid and cites every rule', (name) => {
    const { profile, problems } = validateProgrammeProfile(
      structuredClone(BUILTIN_PROGRAMME_PROFILES[name]),
    );
    expect(problems).toEqual([]);
    const cited = [
      ...(profile?.siteRules ?? []),
      ...(profile?.targets ?? []),
      ...(profile?.subsidies ?? []),
    ];
    for (const item of cited) {
      expect(item.citation.locator.length, item.id).toBeGreaterThan(1);
      // Verbatim: derived from the quote being found in the document's shipped text.
      expect(item.citation.verified, `${item.id}: ${item.citation.quote}`).toBe(true);
      if (item.citation.basis === 'interpretation')
        expect(item.citation.interpretationReason?.zh, item.id).toBeTruthy();
    }
    expect(profile?.costDefaults.assumption).toBe(true);
  });

  it('maps the Haining terms to register types explicitly', () => {
    const haining = programmeProfileFor('haining-2024');
    // 驿站 are neighbourhood points: the 140 points include the 20 stations.
    expect(haining.roles).toEqual({
      care_center: ['day_care'],
      neighbourhood_point: ['neighbourhood_point', 'care_post'],
      station: ['care_post'],
    });
    expect(haining.designationRoles).toEqual({
      jiaxing_station: ['neighbourhood_point', 'station'],
    });
    expect(haining.targets.filter((t) => t.id === 'points').map((t) => [t.year, t.value])).toEqual([
      [2024, 140],
      [2025, 180],
      [2026, 220],
    ]);
    expect(haining.targets.filter((t) => t.id === 'stations')).toMatchObject([
      {
        year: 2024,
        value: 20,
        roles: ['station'],
        citation: { quote: '包含嘉兴养老驿站建设任务20个' },
      },
    ]);
  });

  it('falls back to the generic profile for documents without programme rules', () => {
    expect(programmeProfileFor('province-plan').id).toBe('generic');
    expect(programmeProfileFor('huaihua-2020').siteRules.map((r) => r.id)).toContain(
      'community-floor-area',
    );
  });

  it('reports every problem of a broken profile at once, with paths', () => {
    const broken = structuredClone(BUILTIN_PROGRAMME_PROFILES['haining-2024']) as Record<
      string,
      unknown
    >;
    const rules = broken.siteRules as Record<string, unknown>[];
    rules[0].maxFloorWithoutLift = 'two';
    rules[1].roles = ['nowhere'];
    rules[2].kind = 'colour';
    (broken.targets as Record<string, unknown>[])[2].value = 30;
    (broken.subsidies as Record<string, unknown>[])[0].capYuan = -1;
    (broken.roles as Record<string, unknown>).station = ['spaceship'];
    broken.extra = true;
    const { profile, problems } = validateProgrammeProfile(broken);
    expect(profile).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        'siteRules[0].maxFloorWithoutLift: expected a number',
        'siteRules[1].roles: unknown role "nowhere" (not in roles)',
        'siteRules[2].kind: expected one of floor, min_area, min_capacity, functions',
        'targets[2].value: must be ≤ 1',
        'subsidies[0].capYuan: must be ≥ 0',
        'roles.station[0]: expected one of street_center, community_station, day_care, embedded_institution, neighbourhood_point, care_post, meal_point',
        '.extra: unknown key',
      ]),
    );
    try {
      parseProgrammeProfile(broken, 'mine.programme.json');
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error) && error.code).toBe('E_BAD_PROGRAMME_PROFILE');
      expect((error as Error).message).toMatch(/^mine\.programme\.json: \d+ problem\(s\)/);
    }
  });
});
