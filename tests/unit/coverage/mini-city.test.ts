import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisResult, analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import type { Finding } from '../../../analysis/coverage/types.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { CELLS, miniCity, miniReach } from '../../fixtures/coverage/mini-city.ts';

// Every figure below is worked out by hand from the table in mini-city.ts.
const R1 = 1200 / 55; // F1 floor area / elders within 15 min of F1 (a, b, e)
const R2 = 150 / 60; // F2 floor area / elders within 15 min of F2 (a, b, c)

let runner: NodeRunner;
let result: AnalysisResult;

beforeAll(async () => {
  runner = await NodeRunner.open();
  result = await analyseCity(miniCity(), runner, {
    profile: builtInProfile('huaihua-2020'),
    reach: miniReach,
    // The mini city has only a walking network: e-bike rules are not evaluable, never routed.
    networks: ['walk-elderly'],
  });
});
afterAll(() => runner.close());

describe('mini city metrics (huaihua-2020 settings)', () => {
  it('totals population and households from the data', () => {
    expect(result.summary.population).toEqual({
      residents: 550,
      elders60: 110,
      elders65: 78,
      elders80: 27,
      households: 220,
      householdsDerived: false,
      householdSize: 2.62,
    });
    expect(result.summary.facilities).toEqual({
      count: 2,
      floorAreaM2: 1350,
      byType: { street_center: 1, community_station: 1 },
    });
  });

  it('counts elders and residents within 5/10/15/30 minutes', () => {
    const walking = result.summary.coverage
      .filter((c) => c.profile === 'walk-elderly')
      .map(({ facilityTypes, ...row }) => {
        expect(facilityTypes).toBe('all');
        return row;
      });
    expect(walking).toEqual([
      {
        profile: 'walk-elderly',
        minutes: 5,
        elders60Covered: 50,
        elders60Share: 50 / 110,
        residentsCovered: 300,
        residentsShare: 300 / 550,
      },
      {
        profile: 'walk-elderly',
        minutes: 10,
        elders60Covered: 55,
        elders60Share: 55 / 110,
        residentsCovered: 330,
        residentsShare: 330 / 550,
      },
      {
        profile: 'walk-elderly',
        minutes: 15,
        elders60Covered: 65,
        elders60Share: 65 / 110,
        residentsCovered: 380,
        residentsShare: 380 / 550,
      },
      {
        profile: 'walk-elderly',
        minutes: 30,
        elders60Covered: 105,
        elders60Share: 105 / 110,
        residentsCovered: 530,
        residentsShare: 530 / 550,
      },
    ]);
  });

  it('splits coverage by facility kind', () => {
    const byKind = result.summary.coverageByKind
      .filter((c) => c.profile === 'walk-elderly')
      .map((c) => [c.kind, c.minutes, c.elders60Covered]);
    expect(byKind).toEqual([
      ['community_station', 5, 30],
      ['community_station', 10, 50],
      ['community_station', 15, 60],
      ['community_station', 30, 60],
      ['street_center', 5, 20],
      ['street_center', 10, 55],
      ['street_center', 15, 55],
      ['street_center', 30, 105],
    ]);
  });

  it('checks 300 m as the crow flies and along the network, and flags detours', () => {
    const r = result.summary.radius300;
    expect(r.networkMinutes).toBe(5);
    expect(r.straightLine).toEqual({ elders60Covered: 55, elders60Share: 0.5 });
    expect(r.network).toEqual({ elders60Covered: 50, elders60Share: 50 / 110 });
    // F1: disc {a, b, e}, network ≤ 5 min {a} → 1/3 < 0.5. F2: disc {a, b}, network {b} → 0.5.
    expect(r.detourLimited).toEqual([
      { facilityId: 'F1', discCells: 3, networkCells: 1, ratio: 1 / 3 },
    ]);
  });

  it('computes floor area per resident and per 100 households', () => {
    expect(result.summary.area.m2PerResident).toBe(1350 / 550);
    expect(result.summary.area.m2Per100Households).toBe((1350 / 220) * 100);
    expect(result.summary.area.householdsNote).toBe('households from population.csv');
  });

  it('computes 2SFCA per facility, per cell and per unit', () => {
    const s = result.summary.sfca;
    expect(s.facilities).toEqual([
      { facilityId: 'F1', supply: 1200, demand: 55, ratio: R1 },
      { facilityId: 'F2', supply: 150, demand: 60, ratio: R2 },
    ]);
    expect(s.cityAccess).toBeCloseTo((50 * (R1 + R2) + 5 * R1 + 10 * R2) / 110, 10);
    const access = Object.fromEntries(result.cells.map((c) => [c.h3, c.sfcaAccess]));
    expect(access[CELLS.a]).toBeCloseTo(R1 + R2, 10);
    expect(access[CELLS.e]).toBeCloseTo(R1, 10);
    expect(access[CELLS.c]).toBeCloseTo(R2, 10);
    expect(access[CELLS.d]).toBe(0);
  });

  it('finds the uncovered-elder cluster {d, f}', () => {
    const { clusters } = result.summary;
    expect(clusters.total).toBe(1);
    expect(
      clusters.top.map(({ rank, cells, elders60, residents, unitIds, h3 }) => ({
        rank,
        cells,
        elders60,
        residents,
        unitIds,
        h3,
      })),
    ).toEqual([
      {
        rank: 1,
        cells: 2,
        elders60: 45,
        residents: 170,
        unitIds: ['C2'],
        h3: [CELLS.d, CELLS.f].sort(),
      },
    ]);
  });

  it('writes cells with minutes to the nearest facility (null when unreachable)', () => {
    const minutes = Object.fromEntries(result.cells.map((c) => [c.h3, c.minutesNearest]));
    expect(minutes).toEqual({
      [CELLS.a]: 1,
      [CELLS.b]: 2,
      [CELLS.e]: 8,
      [CELLS.c]: 12,
      [CELLS.d]: 25,
      [CELLS.f]: null,
    });
  });

  it('writes one row per unit', () => {
    const [s1, c1, c2] = result.units;
    expect(s1).toMatchObject({
      unitId: 'S1',
      residents: 550,
      elders60: 110,
      households: 220,
      elders60Within: [50, 55, 65, 105],
      radius300StraightShare: 0.5,
      radius300NetworkShare: 50 / 110,
      facilities: 2,
      floorAreaM2: 1350,
      findingsFailed: 3,
    });
    expect(c1).toMatchObject({
      unitId: 'C1',
      parentId: 'S1',
      residents: 330,
      elders60: 55,
      households: 132,
      elders60Within: [50, 55, 55, 55],
      radius300StraightShare: 1,
      radius300NetworkShare: 50 / 55,
      facilities: 2,
      m2PerResident: 1350 / 330,
      findingsFailed: 2,
    });
    expect(c2).toMatchObject({
      unitId: 'C2',
      residents: 220,
      elders60: 55,
      households: 88,
      elders60Within: [0, 0, 10, 50],
      radius300StraightShare: 0,
      radius300NetworkShare: 0,
      facilities: 0,
      floorAreaM2: 0,
      m2PerResident: 0,
      // + 100 % of urban communities served (C2 has no site)
      findingsFailed: 6,
    });
    expect(c1.sfcaAccess).toBeCloseTo((50 * (R1 + R2) + 5 * R1) / 55, 10);
    expect(c2.sfcaAccess).toBeCloseTo((10 * R2) / 55, 10);
  });
});

type Row = [string, string, string | null, string, number | null, number, number];
/** Status, with "(benchmark)" for findings that do not bind (no unit is a new residential area). */
const brief = (f: Finding): Row => [
  f.rule,
  f.scope,
  f.siteId ?? f.unitId,
  f.binding ? f.status : `${f.status} (benchmark)`,
  f.value,
  f.required,
  f.shortfall,
];

describe('mini city findings (huaihua-2020)', () => {
  it('evaluates every applicable rule, citywide and per unit, in profile order', () => {
    const rows = result.summary.findings.map(brief);
    const close = (a: Row[], b: Row[]) => {
      expect(a.map((r) => r.slice(0, 4))).toEqual(b.map((r) => r.slice(0, 4)));
      a.forEach((r, i) => {
        for (const k of [4, 5, 6]) {
          if (b[i][k] === null) expect(r[k]).toBeNull();
          else expect(r[k]).toBeCloseTo(b[i][k] as number, 9);
        }
      });
    };
    const NE = 'not_evaluable';
    close(rows, [
      ['hh-urban-services-100', 'city', null, 'fail', 0.5, 1, 1],
      ['hh-urban-services-100', 'community', 'C1', 'pass', 2, 1, 0],
      ['hh-urban-services-100', 'community', 'C2', 'fail', 0, 1, 1],
      ['hh-urban-15min', 'city', null, 'fail', 65 / 110, 1, 45],
      ['hh-urban-15min', 'street', 'S1', 'fail', 65 / 110, 1, 45],
      ['hh-urban-15min', 'community', 'C1', 'pass', 1, 1, 0],
      ['hh-urban-15min', 'community', 'C2', 'fail', 10 / 55, 1, 45],
      // Only a walking reach is given: the wheelchair companion is not evaluable, never routed.
      ['hh-urban-15min-wheelchair', 'city', null, `${NE} (benchmark)`, null, 1, 0],
      ['hh-urban-15min-wheelchair', 'street', 'S1', `${NE} (benchmark)`, null, 1, 0],
      ['hh-urban-15min-wheelchair', 'community', 'C1', `${NE} (benchmark)`, null, 1, 0],
      ['hh-urban-15min-wheelchair', 'community', 'C2', `${NE} (benchmark)`, null, 1, 0],
      // No rural units, and the register has no operation/medical fields.
      ['hh-rural-services-80', 'city', null, `${NE} (benchmark)`, null, 0.8, 0],
      ['hh-rural-30min', 'city', null, `${NE} (benchmark)`, null, 1, 0],
      ['hh-social-operation-urban', 'city', null, NE, null, 1, 0],
      ['hh-social-operation-urban', 'street', 'S1', NE, null, 1, 0],
      ['hh-social-operation-rural', 'city', null, `${NE} (benchmark)`, null, 0.6, 0],
      ['hh-medical-integration', 'city', null, NE, null, 1, 0],
      ['hh-medical-integration', 'street', 'S1', NE, null, 1, 0],
      ['hh-area-per-resident', 'city', null, 'pass (benchmark)', 1350 / 550, 0.1, 0],
      ['hh-area-per-resident', 'street', 'S1', 'pass (benchmark)', 1350 / 550, 0.1, 0],
      ['hh-area-per-resident', 'community', 'C1', 'pass (benchmark)', 1350 / 330, 0.1, 0],
      ['hh-area-per-resident', 'community', 'C2', 'fail (benchmark)', 0, 0.1, 22],
      ['hh-site-area-200', 'city', null, 'fail (benchmark)', 0, 1, 1],
      ['hh-site-area-200', 'site', 'F2', 'fail (benchmark)', 150, 200, 50],
      ['hh-radius-300-straight', 'city', null, 'fail (benchmark)', 50 / 110, 1, 60],
      ['hh-radius-300-straight', 'street', 'S1', 'fail (benchmark)', 50 / 110, 1, 60],
      ['hh-radius-300-straight', 'community', 'C1', 'fail (benchmark)', 50 / 55, 1, 5],
      ['hh-radius-300-straight', 'community', 'C2', 'fail (benchmark)', 0, 1, 55],
      ['hh-radius-300-network', 'city', null, 'fail (benchmark)', 30 / 110, 1, 80],
      ['hh-radius-300-network', 'street', 'S1', 'fail (benchmark)', 30 / 110, 1, 80],
      ['hh-radius-300-network', 'community', 'C1', 'fail (benchmark)', 30 / 55, 1, 25],
      ['hh-radius-300-network', 'community', 'C2', 'fail (benchmark)', 0, 1, 55],
      ['hh-street-center', 'city', null, 'pass', 1, 1, 0],
      ['hh-street-center', 'street', 'S1', 'pass', 1, 1, 0],
      ['hh-community-station', 'city', null, 'fail', 1, 2, 1],
      ['hh-community-station', 'community', 'C1', 'pass', 1, 1, 0],
      ['hh-community-station', 'community', 'C2', 'fail', 0, 1, 1],
    ]);
    expect(result.summary.skippedRules).toEqual([]);
  });

  it('carries units, severity, citation and notes', () => {
    const site = result.summary.findings.find(
      (f) => f.rule === 'hh-site-area-200' && f.scope === 'site',
    );
    expect(site).toMatchObject({
      unitId: 'C1',
      valueUnit: 'm2',
      shortfallUnit: 'm2',
      severity: 'medium',
      verified: true,
      binding: false,
      basis: 'text',
      locator: '四、重点任务（三）1.强化设施建设',
    });
    expect(site?.quote).toContain('单处面积不得少于200平方米');
    const area = result.summary.findings.find((f) => f.rule === 'hh-area-per-resident');
    expect(area?.note).toMatch(/^basis: land area; floor area used/);
    const network = result.summary.findings.find((f) => f.rule === 'hh-radius-300-network');
    expect(network?.note).toMatch(
      /^network distance ≤ 300 m read as ≤ 5 walk-elderly minutes at 1 m\/s/,
    );
    expect(network?.shortfallUnit).toBe('elders60');
  });
});
