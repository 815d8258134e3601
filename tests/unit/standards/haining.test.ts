import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import { reachTableFromRows } from '../../../analysis/coverage/load-tables.ts';
import type { FacilityInput } from '../../../analysis/coverage/types.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { miniCity } from '../../fixtures/coverage/mini-city.ts';

/** The Haining profile as its text says: 驿站 are 睦邻点, with station rules of their own. */
const haining = builtInProfile('haining-2024');
const rule = (id: string) => {
  const found = haining.rules.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};

let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

describe('haining-2024 standards profile', () => {
  it('has no "one care centre per community" rule (the text has none)', () => {
    const counting = haining.rules.filter(
      (r) => r.kind === 'count_per_unit' || r.kind === 'unit_share',
    );
    expect(counting).toEqual([]);
  });

  it('counts stations (驿站) as neighbourhood points; the station rules apply to 驿站 only', () => {
    for (const id of ['hn-center-points-joint', 'hn-point-area', 'hn-point-floor']) {
      expect(rule(id).kind === 'coverage_share' || 'facilityTypes' in rule(id)).toBe(true);
      expect((rule(id) as { facilityTypes: string[] }).facilityTypes, id).toContain('care_post');
    }
    for (const id of ['hn-post-area', 'hn-post-floor']) {
      expect((rule(id) as { facilityTypes: string[] }).facilityTypes, id).toEqual(['care_post']);
    }
  });

  it('a lift does not let a 驿站 on floor 3 pass; it does let a 睦邻点 pass', async () => {
    const city = miniCity();
    const base = city.facilities[0];
    const on3 = (id: string, type: FacilityInput['type']): FacilityInput => ({
      ...base,
      id,
      name: id,
      type,
      floorAreaM2: 80,
      floorLevel: 3,
      hasLift: true,
    });
    city.facilities = [on3('POST', 'care_post'), on3('POINT', 'neighbourhood_point')];
    const result = await analyseCity(city, runner, {
      profile: haining,
      reach: () => reachTableFromRows([]),
    });
    const site = (ruleId: string, siteId: string) =>
      result.summary.findings.find((f) => f.rule === ruleId && f.siteId === siteId);
    expect(site('hn-post-floor', 'POST')).toMatchObject({ status: 'fail', value: 3, shortfall: 1 });
    expect(site('hn-post-floor', 'POST')?.notes.map((n) => n.en)).toContain(
      'above the floor limit; a lift does not lift this rule',
    );
    expect(site('hn-post-floor', 'POINT')).toBeUndefined();
    expect(site('hn-point-floor', 'POINT')).toMatchObject({ status: 'pass' });
    expect(site('hn-point-floor', 'POST')).toMatchObject({ status: 'pass' });
    // Without the lift the point fails as well.
    city.facilities = city.facilities.map((f) => ({ ...f, hasLift: false }));
    const noLift = await analyseCity(city, runner, {
      profile: haining,
      reach: () => reachTableFromRows([]),
    });
    const point = noLift.summary.findings.find(
      (f) => f.rule === 'hn-point-floor' && f.siteId === 'POINT',
    );
    expect(point?.status).toBe('fail');
  });
});
