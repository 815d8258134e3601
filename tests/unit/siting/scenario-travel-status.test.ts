import { beforeAll, describe, expect, it } from 'vitest';
import type { CityInput } from '../../../analysis/coverage/types.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import type { SiteProgramme } from '../../../analysis/programme/types.ts';
import { liveCoverage } from '../../../analysis/siting/live-coverage.ts';
import { applyScenario, resolveSettings } from '../../../analysis/siting/scenario-apply.ts';
import {
  mergeProgrammeRecords,
  pruneProgramme,
  validateScenarioProgramme,
  withProgrammeRecord,
} from '../../../analysis/siting/scenario-programme.ts';
import {
  emptyScenario,
  type Modification,
  type Scenario,
} from '../../../analysis/siting/scenario-types.ts';
import { validateScenario } from '../../../analysis/siting/scenario-validate.ts';
import { readCityInput } from '../../../scripts/analyse/read-city.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';
import { deepFreeze, facility } from './helpers.ts';

/** The set-travel-profile modification and the scenario's programme (status) section. */
const baseline = () =>
  deepFreeze([facility('F1', 118.78, 32.04), facility('F2', 118.79, 32.05, { type: 'day_care' })]);

const add: Modification = {
  kind: 'add-site',
  id: 'N1',
  name: '新站',
  type: 'neighbourhood_point',
  lon: 118.785,
  lat: 32.045,
  floorAreaM2: 45,
  beds: 0,
  floorLevel: 1,
};

function scenarioOf(modifications: Modification[], extra: Partial<Scenario> = {}): Scenario {
  return {
    ...emptyScenario({ city: 'demo', profile: 'haining-2024' }),
    modifications,
    ...extra,
  };
}

const record = (id: string, over: Partial<SiteProgramme> = {}): SiteProgramme => ({
  id,
  status: 'planned',
  steps: { proposed: { year: 2025 }, planned: { year: 2025 } },
  upgraded: false,
  ...over,
});

describe('set-travel-profile', () => {
  it('resolves to the last travel profile set and leaves the register alone', () => {
    const scenario = scenarioOf([
      { kind: 'set-travel-profile', travel: 'ebike' },
      add,
      { kind: 'set-travel-profile', travel: 'drive' },
    ]);
    expect(resolveSettings({ walkingSpeedMps: 1, profile: 'p' }, scenario)).toEqual({
      walkingSpeedMps: 1,
      profile: 'p',
      travelProfile: 'drive',
    });
    expect(applyScenario(baseline(), scenario).map((f) => f.id)).toEqual(['F1', 'F2', 'N1']);
    // Without one, older callers see the settings they always saw.
    expect(resolveSettings({ walkingSpeedMps: 1, profile: 'p' }, scenarioOf([add]))).toEqual({
      walkingSpeedMps: 1,
      profile: 'p',
    });
  });

  it('validation lists every unknown travel profile', () => {
    const json = scenarioOf([
      { kind: 'set-travel-profile', travel: 'ebike' },
      { kind: 'set-travel-profile', travel: 'horse' } as unknown as Modification,
      { kind: 'set-travel-profile' } as unknown as Modification,
    ]);
    const problems = validateScenario(json, baseline());
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['E_BAD_PROFILE', 'modifications[1].travel'],
      ['E_BAD_PROFILE', 'modifications[2].travel'],
    ]);
  });
});

describe('LiveCoverage with another travel profile (demo city)', () => {
  let input: CityInput;
  let walk: RoadGraph;
  let ebike: RoadGraph;
  beforeAll(() => {
    input = readCityInput('data/nanjing-xinjiekou');
    walk = loadCityGraph('data/nanjing-xinjiekou', 'walk');
    ebike = loadCityGraph('data/nanjing-xinjiekou', 'ebike');
  });

  it('an e-bike reaches more elders in 5 minutes than an elderly walker', () => {
    const walking = liveCoverage(input, walk, { thresholds: [5] }).numbers().covered[0];
    const riding = liveCoverage(input, ebike, { thresholds: [5], travelProfile: 'ebike' });
    expect(riding.numbers().covered[0]).toBeGreaterThan(walking);
  });

  it('refuses a graph of another network', () => {
    expect(() => liveCoverage(input, walk, { thresholds: [5], travelProfile: 'drive' })).toThrow(
      /drive graph/,
    );
  });
});

describe('programme section of a scenario', () => {
  it('a valid section passes and the file stays version 1', () => {
    const scenario = scenarioOf([add], { programme: { records: [record('N1'), record('F2')] } });
    expect(scenario.version).toBe(1);
    expect(validateScenario(scenario, baseline())).toEqual([]);
    // A file without the section is still valid (older exports).
    expect(validateScenario(scenarioOf([add]), baseline())).toEqual([]);
  });

  it('lists every problem: unknown site, duplicate, bad status, bad step, step after status', () => {
    const json = {
      records: [
        record('NOPE'),
        record('F1'),
        record('F1'),
        record('F2', { status: 'demolished' as SiteProgramme['status'] }),
        { ...record('N1'), steps: { planned: { year: '2025' } } },
        record('N1', { status: 'proposed', steps: { proposed: {}, built: { year: 2026 } } }),
        { id: 'F2', status: 'planned', steps: {} },
      ],
    };
    const problems = validateScenarioProgramme(json, new Set(['F1', 'F2', 'N1']));
    const codes = problems.map((p) => `${p.code}@${p.path}`);
    expect(codes).toContain('E_UNKNOWN_SITE@programme.records[0].id');
    expect(codes).toContain('E_DUPLICATE_SITE@programme.records[2].id');
    expect(codes).toContain('E_BAD_STATUS@programme.records[3].status');
    expect(codes).toContain('E_SCENARIO_FIELD@programme.records[4].steps.planned');
    expect(codes).toContain('E_STEP_AFTER_STATUS@programme.records[5].steps');
    expect(codes).toContain('E_SCENARIO_FIELD@programme.records[6].upgraded');
    expect(validateScenarioProgramme({ records: 'x' }, new Set())).toHaveLength(1);
  });

  it('validateScenario reports programme problems next to modification problems', () => {
    const json = scenarioOf([{ kind: 'close-site', id: 'ZZ' }], {
      programme: { records: [record('N1')] },
    });
    const codes = validateScenario(json, baseline()).map((p) => p.code);
    expect(codes).toEqual(['E_UNKNOWN_SITE', 'E_UNKNOWN_SITE']);
  });

  it('records survive a JSON round trip; scenario records override the city records', () => {
    const start = scenarioOf([add]);
    const one = withProgrammeRecord(start, record('N1'));
    const two = withProgrammeRecord(one, record('N1', { status: 'reviewed' }));
    expect(start.programme).toBeUndefined();
    expect(two.programme?.records.map((r) => r.status)).toEqual(['reviewed']);
    const back = JSON.parse(JSON.stringify(two)) as Scenario;
    expect(back).toEqual(two);
    expect(validateScenario(back, baseline())).toEqual([]);
    const city = [record('F2', { upgraded: true }), record('N1', { status: 'proposed' })];
    const merged = mergeProgrammeRecords(city, back);
    expect(merged.map((r) => [r.id, r.status])).toEqual([
      ['F2', 'planned'],
      ['N1', 'reviewed'],
    ]);
  });

  it('pruning drops the records of an undone add-site so the scenario stays valid', () => {
    const withRecord = withProgrammeRecord(scenarioOf([add]), record('N1'));
    const undone = { ...withRecord, modifications: [] };
    expect(validateScenario(undone, baseline()).map((p) => p.code)).toEqual(['E_UNKNOWN_SITE']);
    const pruned = pruneProgramme(undone, baseline());
    expect(pruned.programme?.records).toEqual([]);
    expect(validateScenario(pruned, baseline())).toEqual([]);
    expect(pruneProgramme(withRecord, baseline())).toBe(withRecord);
  });
});
