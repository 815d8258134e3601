import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import { applyScenario, resolveSettings } from '../../../analysis/siting/scenario-apply.ts';
import { diffFacilities } from '../../../analysis/siting/scenario-diff.ts';
import {
  appendModification,
  emptyScenario,
  type Modification,
  type Scenario,
  undoLastModification,
} from '../../../analysis/siting/scenario-types.ts';
import { parseScenario, validateScenario } from '../../../analysis/siting/scenario-validate.ts';
import { deepFreeze, facility } from './helpers.ts';

const baselineFacilities = () =>
  deepFreeze([
    facility('F1', 118.78, 32.04, { osmBuildingId: 11 }),
    facility('F2', 118.79, 32.05),
    facility('F3', 118.8, 32.06, { type: 'day_care' }),
  ]);

const add = (id: string, lon = 118.785, lat = 32.045): Modification => ({
  kind: 'add-site',
  id,
  name: `新站 ${id}`,
  type: 'neighbourhood_point',
  lon,
  lat,
  floorAreaM2: 45,
  beds: 0,
  floorLevel: 1,
});

function scenarioOf(modifications: Modification[]): Scenario {
  return {
    ...emptyScenario({ city: 'nanjing-xinjiekou', profile: 'haining-2024' }),
    modifications,
  };
}

const everyKind: Modification[] = [
  add('N1'),
  { kind: 'move-site', id: 'F1', lon: 118.781, lat: 32.041 },
  { kind: 'resize-site', id: 'F2', floorAreaM2: 300, beds: 10 },
  { kind: 'retype-site', id: 'F3', type: 'street_center' },
  { kind: 'close-site', id: 'F2' },
  { kind: 'move-site', id: 'N1', lon: 118.786, lat: 32.046 },
  { kind: 'set-walking-speed', mps: 0.8 },
  { kind: 'set-profile', profile: 'huaihua-2020' },
];

describe('applyScenario', () => {
  it('applies every modification kind and leaves the frozen baseline unchanged', () => {
    const baseline = baselineFacilities();
    const before = structuredClone(baseline);
    const after = applyScenario(baseline, scenarioOf(everyKind));
    expect(baseline).toEqual(before);
    expect(after.map((f) => f.id)).toEqual(['F1', 'F3', 'N1']);
    const byId = new Map(after.map((f) => [f.id, f]));
    expect(byId.get('F1')).toMatchObject({ lon: 118.781, lat: 32.041 });
    expect(byId.get('F1')?.osmBuildingId).toBeUndefined();
    expect(byId.get('F3')?.type).toBe('street_center');
    expect(byId.get('N1')).toMatchObject({
      lon: 118.786,
      type: 'neighbourhood_point',
      illustrative: false,
    });
    const settings = resolveSettings(
      { walkingSpeedMps: 1, profile: 'haining-2024' },
      scenarioOf(everyKind),
    );
    expect(settings).toEqual({ walkingSpeedMps: 0.8, profile: 'huaihua-2020' });
  });

  it('returns a new list even for an empty scenario', () => {
    const baseline = baselineFacilities();
    const after = applyScenario(baseline, scenarioOf([]));
    expect(after).not.toBe(baseline);
    expect(after).toEqual(baseline);
  });

  it('undo drops the last modification without touching the original scenario', () => {
    const base = scenarioOf([add('N1')]);
    const longer = appendModification(base, { kind: 'close-site', id: 'F1' });
    expect(base.modifications).toHaveLength(1);
    const undone = undoLastModification(longer);
    expect(applyScenario(baselineFacilities(), undone).map((f) => f.id)).toEqual([
      'F1',
      'F2',
      'F3',
      'N1',
    ]);
    expect(longer.modifications).toHaveLength(2);
  });

  it('rejects a modification of a site closed earlier', () => {
    const bad = scenarioOf([
      { kind: 'close-site', id: 'F1' },
      { kind: 'resize-site', id: 'F1', floorAreaM2: 1, beds: 0 },
    ]);
    expect(() => applyScenario(baselineFacilities(), bad)).toThrow(/F1/);
  });
});

describe('validateScenario', () => {
  it('accepts a well-formed scenario', () => {
    expect(validateScenario(scenarioOf(everyKind), baselineFacilities())).toEqual([]);
  });

  it('lists every problem at once, each with a path', () => {
    const json = {
      format: 'carecircle-scenario',
      version: 99,
      baseline: { city: 'x' },
      modifications: [
        {
          kind: 'add-site',
          id: 'F1',
          name: 'dup',
          type: 'palace',
          lon: 200,
          lat: 32,
          floorAreaM2: -5,
          beds: 1.5,
          floorLevel: 1,
        },
        { kind: 'move-site', id: 'NOPE', lon: 118.7, lat: Number.NaN },
        { kind: 'close-site', id: 'F2' },
        { kind: 'resize-site', id: 'F2', floorAreaM2: 10, beds: 0 },
        { kind: 'teleport', id: 'F3' },
        { kind: 'set-walking-speed', mps: 7 },
      ],
    };
    const problems = validateScenario(json, baselineFacilities());
    const found = problems.map((p) => `${p.code} ${p.path}`);
    expect(found).toEqual([
      'E_SCENARIO_VERSION version',
      'E_SCENARIO_FIELD baseline.profile',
      'E_DUPLICATE_SITE modifications[0].id',
      'E_UNKNOWN_FACILITY_TYPE modifications[0].type',
      'E_BAD_COORD modifications[0].lon',
      'E_NEGATIVE_VALUE modifications[0].floorAreaM2',
      'E_SCENARIO_FIELD modifications[0].beds',
      'E_UNKNOWN_SITE modifications[1].id',
      'E_BAD_COORD modifications[1].lat',
      'E_UNKNOWN_SITE modifications[3].id',
      'E_UNKNOWN_MODIFICATION modifications[4].kind',
      'E_OUT_OF_RANGE modifications[5].mps',
    ]);
    expect(problems[9].message).toMatch(/closed/);
  });

  it('checks positions against the city bbox and profiles against the known list', () => {
    const json = scenarioOf([add('N1', 120, 32.04), { kind: 'set-profile', profile: 'mars-2030' }]);
    const problems = validateScenario(json, baselineFacilities(), {
      bbox: [118.7, 32.0, 118.9, 32.1],
      profiles: ['haining-2024'],
    });
    expect(problems.map((p) => p.code)).toEqual(['E_OUTSIDE_AREA', 'E_UNKNOWN_PROFILE']);
  });

  it('parseScenario throws one InputError naming all problems, and survives a JSON round trip', () => {
    const good = JSON.parse(JSON.stringify(scenarioOf(everyKind)));
    expect(parseScenario(good, baselineFacilities()).modifications).toHaveLength(everyKind.length);
    try {
      parseScenario({ format: 'x', modifications: [{ kind: 'close-site', id: 'Z' }] }, [], {
        file: 's.json',
      });
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toContain('s.json');
      expect(message).toContain('format');
      expect(message).toContain('modifications[0].id');
    }
  });
});

describe('diffFacilities', () => {
  it('classifies added, removed, moved and changed sites', () => {
    const baseline = baselineFacilities();
    const after = applyScenario(baseline, scenarioOf(everyKind));
    expect(diffFacilities(baseline, after)).toEqual({
      added: ['N1'],
      removed: ['F2'],
      moved: ['F1'],
      changed: ['F3'],
    });
  });

  it('sees no change after a JSON round trip of the same register', () => {
    const baseline = baselineFacilities();
    const copy = JSON.parse(JSON.stringify(baseline));
    expect(diffFacilities(baseline, copy)).toEqual({
      added: [],
      removed: [],
      moved: [],
      changed: [],
    });
  });
});
