import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import { reachTableFromRows } from '../../../analysis/coverage/load-tables.ts';
import type { CityInput, FacilityInput } from '../../../analysis/coverage/types.ts';
import type { Finding } from '../../../analysis/standards/finding.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { REASONS } from '../../../analysis/standards/rules/reasons.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { miniCity } from '../../fixtures/coverage/mini-city.ts';

/**
 * A value the register leaves empty (null) is unknown: a rule it decides is not evaluable
 * (REASONS.unknown_value), never a pass or fail computed from a made-up 0 m² or ground floor.
 * Recorded values still decide when they suffice on their own. Mini city: 550 residents, F1
 * (street centre) and F2 (community station) both in community C1 of street S1; C2 has none.
 */
let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

function profileOf(id: string, ruleIds: string[]): StandardsProfile {
  const profile = builtInProfile(id);
  return { ...profile, rules: profile.rules.filter((r) => ruleIds.includes(r.id)) };
}

async function findings(
  city: CityInput,
  profile: StandardsProfile,
): Promise<(rule: string, scope: string, id?: string) => Finding | undefined> {
  const result = await analyseCity(city, runner, { profile, reach: () => reachTableFromRows([]) });
  return (rule, scope, id) =>
    result.summary.findings.find(
      (f) =>
        f.rule === rule &&
        f.scope === scope &&
        (id === undefined || f.unitId === id || f.siteId === id),
    );
}

function withFacilities(change: (f: FacilityInput) => Partial<FacilityInput>): CityInput {
  const city = miniCity();
  city.facilities = city.facilities.map((f) => ({ ...f, ...change(f) }));
  return city;
}

describe('values the register does not record', () => {
  const perThousand = profileOf('province-plan', ['pp-area-40-per-1000']);

  it('area per resident: short on the recorded area with an unrecorded site → not evaluable', async () => {
    // 40 m² per 1,000 residents × 550 = 22 m² needed; 10 m² recorded, F1 unrecorded.
    const city = withFacilities((f) => ({ floorAreaM2: f.id === 'F1' ? null : 10 }));
    const at = await findings(city, perThousand);
    expect(at('pp-area-40-per-1000', 'city')).toMatchObject({
      status: 'not_evaluable',
      statusReason: REASONS.unknown_value,
    });
    // C2 has no site at all: a definite shortfall, whatever F1's area is.
    expect(at('pp-area-40-per-1000', 'community', 'C2')?.status).toBe('fail');
  });

  it('area per resident: the recorded area alone suffices → pass', async () => {
    const city = withFacilities((f) => ({ floorAreaM2: f.id === 'F1' ? null : 30 }));
    const at = await findings(city, perThousand);
    expect(at('pp-area-40-per-1000', 'city')?.status).toBe('pass');
  });

  it('a centre of unrecorded area may or may not be the ≥ 1,000 m² centre a street needs', async () => {
    const profile = profileOf('province-report', ['pr-street-center-1000']);
    const unknown = await findings(
      withFacilities(() => ({ floorAreaM2: null })),
      profile,
    );
    for (const scope of ['street', 'city'])
      expect(unknown('pr-street-center-1000', scope)).toMatchObject({
        status: 'not_evaluable',
        statusReason: REASONS.unknown_value,
      });
    const small = await findings(
      withFacilities(() => ({ floorAreaM2: 500 })),
      profile,
    );
    expect(small('pr-street-center-1000', 'street', 'S1')?.status).toBe('fail');
  });

  it('per-site area and floor rules: an unrecorded value is not evaluable, site and city', async () => {
    const profile = profileOf('haining-2024', ['hn-post-area', 'hn-post-floor']);
    const city = withFacilities(() => ({ type: 'care_post', floorAreaM2: null, floorLevel: null }));
    const at = await findings(city, profile);
    for (const rule of ['hn-post-area', 'hn-post-floor']) {
      expect(at(rule, 'site', 'F1')).toMatchObject({ status: 'not_evaluable', value: null });
      expect(at(rule, 'city')).toMatchObject({
        status: 'not_evaluable',
        statusReason: REASONS.unknown_value,
      });
    }
    // One recorded failure decides the city row, whatever the unrecorded site is.
    const mixed = withFacilities((f) => ({
      type: 'care_post',
      floorAreaM2: f.id === 'F1' ? null : 20,
    }));
    expect((await findings(mixed, profile))('hn-post-area', 'city')?.status).toBe('fail');
  });
});
