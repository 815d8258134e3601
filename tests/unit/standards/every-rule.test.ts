import { cellToLatLng } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilityType } from '../../../analysis/city/types.ts';
import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import { reachTableFromRows } from '../../../analysis/coverage/load-tables.ts';
import type { CityInput, FacilityInput, ReachSource } from '../../../analysis/coverage/types.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../../analysis/standards/profiles.ts';
import type { Rule, StandardsProfile } from '../../../analysis/standards/types.ts';
import { type UnitLevel, unitTier } from '../../../analysis/vocabulary.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { CELLS, miniCity } from '../../fixtures/coverage/mini-city.ts';

/**
 * Every rule of every built-in profile, evaluated alone on a scenario built from its own
 * parameters so that it passes, and on one that misses it by a little, so that it fails.
 */
interface Scenario {
  city: CityInput;
  reach: ReachSource;
}

const at = (cell: string) => {
  const [lat, lon] = cellToLatLng(cell);
  return { lon, lat };
};

function site(
  id: string,
  type: FacilityType,
  cell: string,
  extra: Partial<FacilityInput> = {},
): FacilityInput {
  return {
    id,
    name: id,
    type,
    floorAreaM2: 100,
    beds: 0,
    floorLevel: 1,
    hasLift: false,
    illustrative: true,
    ...at(cell),
    ...extra,
  };
}

const noReach: ReachSource = () => reachTableFromRows([]);

function scenario(
  facilities: FacilityInput[],
  reach: ReachSource = noReach,
  onlyCellA = false,
  levels: { street?: UnitLevel; community?: UnitLevel } = {},
): Scenario {
  const city = miniCity();
  city.facilities = facilities;
  if (onlyCellA) city.cells = city.cells.filter((c) => c.h3 === CELLS.a);
  city.units = city.units.map((u) => ({
    ...u,
    level: (u.level === 'street' ? levels.street : levels.community) ?? u.level,
  }));
  return { city, reach };
}

/** The mini city's units relabelled to the rule's level (township for streets, village …). */
function levelsFor(level: UnitLevel): { street?: UnitLevel; community?: UnitLevel } {
  return unitTier(level) === 'street' ? { street: level } : { community: level };
}

/** Reach of facility X to every cell at `minutes`, only for one travel profile. */
function reachAll(profile: string, minutes: number): ReachSource {
  return (request) =>
    reachTableFromRows(
      request.profile === profile
        ? Object.values(CELLS).map((h3) => ({ facilityId: 'X', h3, minutes }))
        : [],
    );
}

/** [passing scenarios, failing scenarios] for a rule. */
function scenarios(rule: Rule): [Scenario[], Scenario[]] {
  switch (rule.kind) {
    case 'coverage_share': {
      const x = [site('X', rule.facilityTypes[0], CELLS.a)];
      return [
        [scenario(x, reachAll(rule.travelProfile, rule.minutes / 2))],
        [scenario(x, reachAll(rule.travelProfile, rule.minutes + 1))],
      ];
    }
    case 'hotspot_coverage': {
      const x = [site('X', rule.facilityTypes[0], CELLS.a)];
      return [
        [scenario(x, reachAll(rule.travelProfile, rule.minutes / 2))],
        [scenario(x, reachAll(rule.travelProfile, rule.minutes + 1))],
      ];
    }
    case 'unit_share': {
      const type = rule.facilityTypes[0];
      const big = { floorAreaM2: Math.max(rule.minFloorAreaM2, 1) };
      const levels = levelsFor(rule.unitLevel);
      const street = unitTier(rule.unitLevel) === 'street';
      // One street (S1) or two communities (C1, C2): every unit holds a site, or one fewer.
      const all = street
        ? [site('X', type, CELLS.a, big)]
        : [site('X', type, CELLS.a, big), site('Y', type, CELLS.c, big)];
      return [
        [scenario(all, noReach, false, levels)],
        [scenario([...all.slice(0, -1), site('Z', 'meal_point', CELLS.d)], noReach, false, levels)],
      ];
    }
    case 'attribute_share': {
      const with_ = (value: boolean) =>
        scenario([site('X', rule.facilityTypes[0], CELLS.a, { [rule.attribute]: value })]);
      return [[with_(true)], [with_(false)]];
    }
    case 'radius_coverage': {
      const type = rule.facilityTypes[0];
      if (rule.method === 'straight') {
        return [
          [scenario([site('X', type, CELLS.a)], noReach, true)],
          [scenario([site('X', type, CELLS.c)], noReach, true)],
        ];
      }
      const x = [site('X', type, CELLS.a)];
      return [
        [scenario(x, reachAll('walk-elderly', 1), true)],
        [scenario(x, reachAll('walk-elderly', 6), true)],
      ];
    }
    case 'area_per_resident': {
      const area = (rule.requiredM2 * 550) / rule.perResidents;
      const with_ = (m2: number) =>
        scenario([site('X', rule.facilityTypes[0], CELLS.a, { floorAreaM2: m2 })]);
      return [[with_(area)], [with_(area * 0.99)]];
    }
    case 'area_per_households': {
      const area = (rule.requiredM2Per100Households * 220) / 100;
      const with_ = (m2: number) =>
        scenario([site('X', rule.facilityTypes[0], CELLS.a, { floorAreaM2: m2 })]);
      return [[with_(area)], [with_(area * 0.99)]];
    }
    case 'count_per_unit': {
      const type = rule.facilityTypes[0];
      if (rule.unitLevel !== 'street' && rule.unitLevel !== 'community')
        throw new Error(`no fixture for count_per_unit at ${rule.unitLevel}`);
      const big = { floorAreaM2: Math.max(rule.minFloorAreaM2, 1) };
      const pass =
        rule.unitLevel === 'street'
          ? [site('X', type, CELLS.a, big)]
          : [site('X', type, CELLS.a, big), site('Y', type, CELLS.c, big)];
      // A site of another kind keeps the register non-empty: an empty register is no data.
      const other = site('Z', 'meal_point', CELLS.d);
      const fails = [scenario([...pass.slice(0, rule.unitLevel === 'street' ? 0 : 1), other])];
      if (rule.minFloorAreaM2 > 0)
        fails.push(scenario(pass.map((f) => ({ ...f, floorAreaM2: rule.minFloorAreaM2 - 1 }))));
      return [[scenario(pass)], fails];
    }
    case 'site_area': {
      const with_ = (m2: number) =>
        scenario([site('X', rule.facilityTypes[0], CELLS.a, { floorAreaM2: m2 })]);
      const fails = [with_(rule.minM2 - 1)];
      if (rule.maxM2 !== undefined) fails.push(with_(rule.maxM2 + 1));
      return [[with_(rule.minM2), with_(rule.maxM2 ?? rule.minM2 * 10)], fails];
    }
    case 'site_floor_level': {
      const with_ = (floorLevel: number, hasLift: boolean) =>
        scenario([site('X', rule.facilityTypes[0], CELLS.a, { floorLevel, hasLift })]);
      const max = rule.maxFloorWithoutLift;
      const lifted = rule.maxFloorWithLift;
      if (lifted === null)
        return [
          [with_(1, false), with_(max, false), with_(max + 3, true)],
          [with_(max + 1, false)],
        ];
      // No lift exception beyond maxFloorWithLift: a lift does not make floor max+1 pass.
      return [
        [with_(1, false), with_(max, false), with_(lifted, true)],
        [with_(max + 1, false), with_(lifted + 1, true)],
      ];
    }
  }
}

let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

async function cityFinding(profile: StandardsProfile, rule: Rule, s: Scenario) {
  const single = { ...profile, rules: [{ ...rule, appliesTo: 'all' as const }] };
  const result = await analyseCity(s.city, runner, { profile: single, reach: s.reach });
  const city = result.summary.findings.filter((f) => f.scope === 'city');
  expect(city).toHaveLength(1);
  return city[0];
}

const cases = BUILT_IN_PROFILE_IDS.flatMap((id) =>
  builtInProfile(id).rules.map((rule) => [id, rule.id, rule] as const),
);

describe('every rule of every profile passes and fails', () => {
  it('covers all 41 built-in rules', () => {
    expect(cases).toHaveLength(41);
  });

  it.each(cases)('%s %s', async (profileId, _ruleId, rule) => {
    const profile = builtInProfile(profileId);
    const [passing, failing] = scenarios(rule);
    for (const s of passing) {
      const finding = await cityFinding(profile, rule, s);
      expect(finding, `${rule.id} should pass`).toMatchObject({
        rule: rule.id,
        status: 'pass',
        pass: true,
        shortfall: 0,
      });
    }
    for (const s of failing) {
      const finding = await cityFinding(profile, rule, s);
      expect(finding.status, `${rule.id} should fail`).toBe('fail');
      expect(finding.pass).toBe(false);
      expect(finding.shortfall).toBeGreaterThan(0);
    }
  });
});
