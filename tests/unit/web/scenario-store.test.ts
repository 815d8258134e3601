import { describe, expect, it } from 'vitest';
import {
  appendModification,
  emptyScenario,
  type SiteFacility,
} from '../../../analysis/siting/scenario-types.ts';
import { type CompareColumn, findingFlips } from '../../../analysis/workflows/compare.ts';
import { changedCells, scenarioSites } from '../../../web/src/scenario/scenario-layers.ts';
import {
  exportScenarioText,
  importScenarioText,
  initialStore,
  nextSiteId,
  restoreStore,
} from '../../../web/src/scenario/scenario-store.ts';

const site = (id: string, lon = 118.78): SiteFacility => ({
  id,
  name: id,
  type: 'day_care',
  lon,
  lat: 32.04,
  floorAreaM2: 300,
  beds: 0,
  floorLevel: 1,
  illustrative: true,
});
const baseline = [site('F1'), site('F2', 118.79)];
const start = emptyScenario({ city: 'demo', profile: 'huaihua-2020' }, 'A');
const withAdd = appendModification(start, {
  kind: 'add-site',
  id: 'S1',
  name: 'new',
  type: 'neighbourhood_point',
  lon: 118.781,
  lat: 32.041,
  floorAreaM2: 60,
  beds: 0,
  floorLevel: 1,
});

describe('scenario store', () => {
  it('round-trips a scenario through export and import', () => {
    const text = exportScenarioText(withAdd);
    const back = importScenarioText(text, baseline, {});
    expect(back).toEqual({ scenario: withAdd });
  });

  it('lists every problem of a bad import', () => {
    const bad = {
      ...withAdd,
      modifications: [
        { kind: 'close-site', id: 'NOPE' },
        { kind: 'set-walking-speed', mps: 9 },
      ],
    };
    const result = importScenarioText(JSON.stringify(bad), baseline, {});
    expect('problems' in result && result.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['E_UNKNOWN_SITE']),
    );
    expect('problems' in result && result.problems.length).toBeGreaterThanOrEqual(2);
    const notJson = importScenarioText('{', baseline, {});
    expect('problems' in notJson && notJson.problems[0].code).toBe('E_BAD_JSON');
  });

  it('restores a stored list, keeping scenarios that no longer validate', () => {
    const broken = { ...start, format: 'x' };
    const stored = { version: 1, scenarios: [withAdd, broken, 'junk'], active: 1 };
    const restored = restoreStore(stored);
    expect(restored?.scenarios).toEqual([withAdd, broken]);
    expect(restored?.active).toBe(1);
    expect(restoreStore({ version: 2 })).toBeNull();
    expect(initialStore(start.baseline, 'A').scenarios[0].modifications).toEqual([]);
  });

  it('picks a site id not used by the baseline or earlier additions', () => {
    expect(nextSiteId(start, baseline)).toBe('S1');
    expect(nextSiteId(withAdd, baseline)).toBe('S2');
  });
});

describe('scenario map helpers', () => {
  it('lists added, moved and closed sites without touching the baseline', () => {
    const frozen = JSON.stringify(baseline);
    const moved = appendModification(withAdd, { kind: 'move-site', id: 'F1', lon: 118.7, lat: 32 });
    const closed = appendModification(moved, { kind: 'close-site', id: 'F2' });
    const sites = scenarioSites(baseline, closed);
    expect(sites.edited.map((f) => [f.id, f.added])).toEqual([
      ['F1', false],
      ['S1', true],
    ]);
    expect(sites.closed.map((f) => f.id)).toEqual(['F2']);
    expect(JSON.stringify(baseline)).toBe(frozen);
  });

  it('keeps only cells that cross the threshold', () => {
    const cells = changedCells(
      [
        ['a', null, 4],
        ['b', 6, 4.5],
        ['c', 3, 7],
        ['d', 3, 2],
        ['e', 8, 6],
      ],
      5,
    );
    expect(cells.map((c) => [c.h3, c.gained])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
  });
});

describe('findingFlips', () => {
  const column = (findings: [string, boolean][]): CompareColumn => ({
    name: 'x',
    profileId: 'huaihua-2020',
    profileName: { zh: '怀化', en: 'Huaihua' },
    travel: 'walk-elderly',
    thresholds: [5],
    coverageShare: [0.5],
    coveredElders: [1],
    radius300Straight: null,
    radius300Network: null,
    m2PerResident: null,
    findingsPassed: 0,
    findingsFailed: 0,
    findings: findings.map(([key, pass]) => ({
      key,
      rule: key,
      title: key,
      unitId: null,
      siteId: null,
      pass,
      citation: 'c',
    })),
    budget: null,
  });

  it('reports pass→fail, fail→pass, new and gone findings, not unchanged ones', () => {
    const flips = findingFlips(
      column([
        ['a', true],
        ['b', false],
        ['c', true],
        ['d', false],
      ]),
      column([
        ['a', false],
        ['b', true],
        ['c', true],
        ['e', true],
      ]),
    );
    expect(flips.map((f) => [f.key, f.before, f.after])).toEqual([
      ['a', true, false],
      ['b', false, true],
      ['d', false, null],
      ['e', null, true],
    ]);
  });
});
