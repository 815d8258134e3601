import { describe, expect, it } from 'vitest';
import { estimateBudget, subsidyFor } from '../../../analysis/programme/budget.ts';
import { programmeProfileFor } from '../../../analysis/programme/builtin.ts';
import { rolesOf } from '../../../analysis/programme/register.ts';
import type { SiteProgramme } from '../../../analysis/programme/types.ts';
import { facility, handMadeRegister, UNIT_IDS } from './register-fixture.ts';

const haining = programmeProfileFor('haining-2024');
const site = (fields: Partial<SiteProgramme> = {}): SiteProgramme => ({
  id: 'X',
  status: 'planned',
  steps: {},
  upgraded: false,
  ...fields,
});
const center = (costYuan: number) =>
  subsidyFor({ roles: ['care_center'], site: site({ upgraded: true }) }, costYuan, haining);
const point = (costYuan: number, designations?: string[]) => {
  const record = site({ designations });
  const roles = rolesOf(haining, facility('X', 'neighbourhood_point'), record);
  return subsidyFor({ roles, site: record }, costYuan, haining);
};
const station = (costYuan: number) => {
  const roles = rolesOf(haining, facility('X', 'care_post'), site());
  return subsidyFor({ roles, site: site() }, costYuan, haining);
};

describe('Haining 2024 subsidy arithmetic (hand-computed)', () => {
  it('care-center upgrade: 50 % of the investment, at most ¥30,000', () => {
    expect(center(20_000)).toEqual({ yuan: 10_000, rules: ['center-upgrade'] });
    expect(center(59_998)).toEqual({ yuan: 29_999, rules: ['center-upgrade'] });
    expect(center(60_000).yuan).toBe(30_000); // exactly at the cap
    expect(center(250_000).yuan).toBe(30_000);
    expect(center(1_234.5).yuan).toBe(617.25);
  });

  it('a care center that is not an upgrade project gets nothing', () => {
    expect(subsidyFor({ roles: ['care_center'], site: site() }, 100_000, haining)).toEqual({
      yuan: 0,
      rules: [],
    });
  });

  it('neighbourhood point: ¥10,000 one-off, ¥20,000 instead when a Jiaxing station', () => {
    expect(point(50_000)).toEqual({ yuan: 10_000, rules: ['point-one-off'] });
    expect(point(50_000, ['jiaxing_station'])).toEqual({
      yuan: 20_000,
      rules: ['point-jiaxing-station'],
    });
    // A 养老驿站 in the register (type care_post) is a station without a designation.
    expect(station(50_000)).toEqual({ yuan: 20_000, rules: ['point-jiaxing-station'] });
  });

  it('never exceeds the cost unless the profile allows it', () => {
    expect(point(8_000).yuan).toBe(8_000);
    expect(point(15_000, ['jiaxing_station']).yuan).toBe(15_000);
    const generous = { ...haining, subsidyNeverExceedsCost: false };
    expect(subsidyFor({ roles: ['neighbourhood_point'], site: site() }, 8_000, generous).yuan).toBe(
      10_000,
    );
  });
});

describe('estimateBudget on the hand-made register', () => {
  const budget = estimateBudget(handMadeRegister(), haining, { unitIds: UNIT_IDS });
  const row = (id: string) => budget.sites.find((s) => s.siteId === id);

  it('costs, subsidies and local shares per site', () => {
    expect(budget.sites.map((s) => s.siteId)).toEqual(['C2', 'C3', 'C4', 'P2', 'P3', 'P4', 'P5']);
    expect(row('C2')).toMatchObject({
      year: 2024,
      costYuan: 80_000,
      costSource: 'entered',
      subsidyYuan: 30_000,
      localYuan: 50_000,
      unitId: 'U1',
    });
    expect(row('C3')).toMatchObject({
      year: 2025,
      costYuan: 40_000,
      subsidyYuan: 20_000,
      localYuan: 20_000,
    });
    // 300 m² × ¥800/m² (assumed upgrade cost) = ¥240,000; subsidy capped at ¥30,000.
    expect(row('C4')).toMatchObject({
      year: 2025,
      costYuan: 240_000,
      costSource: 'default_per_m2',
      subsidyYuan: 30_000,
      localYuan: 210_000,
    });
    expect(row('P3')).toMatchObject({
      costYuan: 30_000,
      subsidyYuan: 20_000,
      localYuan: 10_000,
      subsidyRules: ['point-jiaxing-station'],
    });
    expect(row('P4')).toMatchObject({ costYuan: 8_000, subsidyYuan: 8_000, localYuan: 0 });
    // 40 m² × ¥1,500/m² (assumed new-point cost) = ¥60,000.
    expect(row('P5')).toMatchObject({
      year: 2026,
      costYuan: 60_000,
      subsidyYuan: 10_000,
      localYuan: 50_000,
    });
  });

  it('totals per year and per unit', () => {
    expect(budget.byYear['2024']).toEqual({
      sites: 2,
      sitesWithoutCost: 0,
      costYuan: 95_000,
      subsidyYuan: 40_000,
      subsidyCommittedYuan: 40_000,
      subsidyPaidYuan: 40_000,
      localYuan: 55_000,
    });
    // C3 20k + P3 20k accepted (paid); C4 30k reviewed and P4 8k built: committed, not paid.
    expect(budget.byYear['2025']).toEqual({
      sites: 4,
      sitesWithoutCost: 0,
      costYuan: 318_000,
      subsidyYuan: 78_000,
      subsidyCommittedYuan: 78_000,
      subsidyPaidYuan: 40_000,
      localYuan: 240_000,
    });
    // P5 is only proposed: its ¥10,000 is neither committed nor paid.
    expect(budget.byYear['2026']).toEqual({
      sites: 1,
      sitesWithoutCost: 0,
      costYuan: 60_000,
      subsidyYuan: 10_000,
      subsidyCommittedYuan: 0,
      subsidyPaidYuan: 0,
      localYuan: 50_000,
    });
    expect(budget.total).toEqual({
      sites: 7,
      sitesWithoutCost: 0,
      costYuan: 473_000,
      subsidyYuan: 128_000,
      subsidyCommittedYuan: 118_000,
      subsidyPaidYuan: 80_000,
      localYuan: 345_000,
    });
    expect(budget.byUnit.U1).toMatchObject({ sites: 2, costYuan: 95_000 });
    expect(budget.byUnit.U2).toMatchObject({ sites: 5, costYuan: 378_000, subsidyYuan: 88_000 });
    expect(budget.costAssumption).toContain('ASSUMPTION');
  });

  it('leaves baseline records (attributes without a status) out of the budget', () => {
    const reg = handMadeRegister();
    const baseline: SiteProgramme = {
      id: 'C1',
      status: 'accepted',
      steps: {},
      upgraded: false,
      baseline: true,
      capacity: 30,
    };
    const withBaseline = estimateBudget({ ...reg, sites: [...reg.sites, baseline] }, haining);
    expect(withBaseline.sites.map((s) => s.siteId)).not.toContain('C1');
    expect(withBaseline.total).toEqual(budget.total);
  });

  it('filters by programme year and reports sites without a cost', () => {
    expect(estimateBudget(handMadeRegister(), haining, { year: 2025 }).total.costYuan).toBe(
      318_000,
    );
    const noDefaults = { ...haining, costDefaults: { ...haining.costDefaults, upgradePerM2: {} } };
    const partial = estimateBudget(handMadeRegister(), noDefaults, { year: 2025 });
    expect(partial.total).toEqual({
      sites: 4,
      sitesWithoutCost: 1,
      costYuan: 78_000,
      subsidyYuan: 48_000,
      subsidyCommittedYuan: 48_000,
      subsidyPaidYuan: 40_000,
      localYuan: 30_000,
    });
    expect(partial.sites.find((s) => s.siteId === 'C4')).toMatchObject({
      costYuan: null,
      costSource: 'unknown',
      subsidyYuan: null,
    });
  });
});

describe('subsidy committed vs paid (paid only after 通过验收)', () => {
  it('pays a project only once it is accepted, as of the year asked', () => {
    const row = (asOf: number | undefined, id: string) =>
      estimateBudget(handMadeRegister(), haining, { asOf }).sites.find((s) => s.siteId === id);
    // P4 is built in 2025 but never accepted: owed, never paid.
    expect(row(undefined, 'P4')).toMatchObject({
      subsidyYuan: 8_000,
      subsidyCommittedYuan: 8_000,
      subsidyPaidYuan: 0,
    });
    // C3 is accepted in 2025: nothing is committed or paid at the end of 2024.
    expect(row(2024, 'C3')).toMatchObject({ subsidyCommittedYuan: 0, subsidyPaidYuan: 0 });
    expect(row(2025, 'C3')).toMatchObject({
      subsidyCommittedYuan: 20_000,
      subsidyPaidYuan: 20_000,
    });
    const at2024 = estimateBudget(handMadeRegister(), haining, { asOf: 2024 }).total;
    expect(at2024).toMatchObject({ subsidyCommittedYuan: 40_000, subsidyPaidYuan: 40_000 });
    const at2025 = estimateBudget(handMadeRegister(), haining, { asOf: 2025 }).total;
    expect(at2025).toMatchObject({ subsidyCommittedYuan: 118_000, subsidyPaidYuan: 80_000 });
  });
});
