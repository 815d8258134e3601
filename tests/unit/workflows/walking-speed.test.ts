import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { validateScenario } from '../../../analysis/siting/scenario-validate.ts';
import { validateProfile } from '../../../analysis/standards/validate.ts';
import { WALKING_SPEED_RANGE_MPS } from '../../../analysis/vocabulary.ts';

const profileWith = (mps: number) => {
  const profile = JSON.parse(readFileSync('analysis/standards/profiles/huaihua-2020.json', 'utf8'));
  profile.settings.walkingSpeedMps = mps;
  return profile;
};
const scenarioWith = (mps: number) => ({
  format: 'carecircle-scenario',
  version: 1,
  baseline: { city: 'c', profile: 'huaihua-2020' },
  modifications: [{ kind: 'set-walking-speed', mps }],
});

describe('one walking-speed range for profiles, scenarios and routing', () => {
  const [low, high] = WALKING_SPEED_RANGE_MPS;
  for (const mps of [low, 1.0, high]) {
    it(`accepts ${mps} m/s everywhere`, () => {
      expect(validateProfile(profileWith(mps)).problems).toEqual([]);
      expect(validateScenario(scenarioWith(mps), [])).toEqual([]);
      expect(travelProfile('walk-elderly', { speedMps: mps }).walkSpeedMps).toBe(mps);
    });
  }
  for (const mps of [low - 0.01, high + 0.01]) {
    it(`refuses ${mps} m/s everywhere`, () => {
      expect(validateProfile(profileWith(mps)).problems.map((p) => p.path)).toEqual([
        '$.settings.walkingSpeedMps',
      ]);
      expect(validateScenario(scenarioWith(mps), []).map((p) => p.code)).toEqual([
        'E_OUT_OF_RANGE',
      ]);
      expect(() => travelProfile('walk-elderly', { speedMps: mps })).toThrow(/outside/);
    });
  }
});
