import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import { programmeProfileFor } from '../../../analysis/programme/builtin.ts';
import { programmeProgress } from '../../../analysis/programme/progress.ts';
import { applyTargetOverrides, setTargetValue } from '../../../analysis/programme/targets.ts';
import { acceptedIn, facility, handMadeRegister, UNIT_IDS } from './register-fixture.ts';

const haining = programmeProfileFor('haining-2024');

describe('progress of the hand-made register against Haining 2024', () => {
  const years = programmeProgress(handMadeRegister(), haining, { unitIds: UNIT_IDS });
  const target = (year: number, id: string) => {
    const found = years.find((y) => y.year === year)?.targets.find((t) => t.id === id);
    if (found === undefined) throw new Error(`no ${id}@${year}`);
    return found;
  };

  it('reports the target years in order', () => {
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it('counts neighbourhood points accepted by 31 December (baseline included)', () => {
    // 2024: P1 (baseline) + P2; 2025: + P3 (P4 is only built); 2026: P5 is only proposed.
    expect(target(2024, 'points')).toMatchObject({
      target: 140,
      achieved: 2,
      gap: 138,
      met: false,
    });
    expect(target(2025, 'points')).toMatchObject({ target: 180, achieved: 3, gap: 177 });
    expect(target(2026, 'points')).toMatchObject({ target: 220, achieved: 3, gap: 217 });
    expect(target(2025, 'points').byUnit).toEqual({ U1: { achieved: 2 }, U2: { achieved: 1 } });
  });

  it('computes the share of care centers upgraded', () => {
    // Four care centers (C1 baseline, C2–C4 upgrade projects); upgrades accepted: C2 in 2024, C3 in 2025.
    expect(target(2024, 'centers-upgraded')).toMatchObject({
      achieved: 0.25,
      numerator: 1,
      denominator: 4,
      gap: 0.05,
      met: false,
    });
    expect(target(2025, 'centers-upgraded')).toMatchObject({ achieved: 0.5, gap: 0.2 });
    expect(target(2026, 'centers-upgraded')).toMatchObject({ achieved: 0.5, gap: 0.5 });
    expect(target(2024, 'centers-upgraded').byUnit).toEqual({
      U1: { achieved: 0.5, numerator: 1, denominator: 2 },
      U2: { achieved: 0, numerator: 0, denominator: 2 },
    });
  });

  it('leaves coverage unmeasured unless the caller measures it', () => {
    expect(target(2026, 'circle-10min')).toMatchObject({ achieved: null, gap: null, met: null });
    const measured = programmeProgress(handMadeRegister(), haining, {
      years: [2026],
      coverage: (year, minutes) => (year === 2026 && minutes === 10 ? 0.876 : undefined),
    });
    expect(measured[0].targets.find((t) => t.id === 'circle-10min')).toMatchObject({
      achieved: 0.876,
      gap: 0.124,
      met: false,
    });
  });

  it('counts projects by status as of each year', () => {
    const points = years.map((y) => y.projectsByStatus.neighbourhood_point);
    expect(points[0]).toMatchObject({ accepted: 1, not_started: 3 });
    expect(points[1]).toMatchObject({ accepted: 2, built: 1, not_started: 1 });
    expect(points[2]).toMatchObject({ accepted: 2, built: 1, proposed: 1, not_started: 0 });
    expect(years[1].projectsByStatus.care_center).toMatchObject({ accepted: 2, reviewed: 1 });
  });
});

describe('editable targets', () => {
  it('adds a per-unit target that counts only that unit', () => {
    const template = haining.targets.find((t) => t.id === 'points' && t.year === 2025);
    if (template === undefined) throw new Error('no template');
    const edited = applyTargetOverrides(haining, [
      { ...template, id: 'points-u2', year: 2025, value: 2, unitId: 'U2' },
    ]);
    const [year] = programmeProgress(handMadeRegister(), edited, {
      years: [2025],
      unitIds: UNIT_IDS,
    });
    // U2 holds P3 (accepted 2025), P4 (built only) and P5 (proposed).
    expect(year.targets.find((t) => t.id === 'points-u2')).toMatchObject({
      unitId: 'U2',
      target: 2,
      achieved: 1,
      gap: 1,
    });
  });

  it('changes a target value and adds a new year from the template', () => {
    const edited = applyTargetOverrides(haining, [
      { id: 'points', year: 2025, value: 3 },
      { id: 'points', year: 2027, value: 300 },
    ]);
    const years = programmeProgress(handMadeRegister(), edited, { years: [2025, 2027] });
    expect(years[0].targets.find((t) => t.id === 'points')).toMatchObject({
      target: 3,
      achieved: 3,
      gap: 0,
      met: true,
    });
    expect(years[1].targets.map((t) => [t.id, t.target, t.achieved])).toEqual([['points', 300, 3]]);
    expect(haining.targets.find((t) => t.id === 'points' && t.year === 2025)?.value).toBe(180);
  });

  it('rejects bad edits, all at once', () => {
    try {
      applyTargetOverrides(haining, [
        { id: 'centers-upgraded', year: 2024, value: 30 },
        { id: 'brand-new', year: 2030, value: 1 },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error) && error.code).toBe('E_BAD_TARGETS');
      expect((error as Error).message).toContain('2 problem(s)');
    }
    const edited = setTargetValue(haining, 'points', 2024, 150);
    expect(edited.targets.find((t) => t.id === 'points' && t.year === 2024)?.value).toBe(150);
  });
});

describe('驿站 are 睦邻点: they count toward the point targets and the 20-station target', () => {
  // K1, K2: 养老驿站 (care_post) accepted 2024; J: a point recognised as a Jiaxing station,
  // accepted 2024; N: a plain point accepted 2024; K3: a 驿站 accepted only in 2025.
  const register = {
    facilities: [
      facility('K1', 'care_post'),
      facility('K2', 'care_post'),
      facility('K3', 'care_post'),
      facility('J', 'neighbourhood_point'),
      facility('N', 'neighbourhood_point'),
    ],
    sites: [
      acceptedIn('K1', 2024),
      acceptedIn('K2', 2024),
      acceptedIn('K3', 2025),
      acceptedIn('J', 2024, { designations: ['jiaxing_station'] }),
      acceptedIn('N', 2024),
    ],
  };
  const years = programmeProgress(register, haining);
  const target = (year: number, id: string) =>
    years.find((y) => y.year === year)?.targets.find((t) => t.id === id);

  it('counts stations among the points (包含嘉兴养老驿站建设任务20个)', () => {
    expect(target(2024, 'points')).toMatchObject({ target: 140, achieved: 4, gap: 136 });
    expect(target(2025, 'points')).toMatchObject({ target: 180, achieved: 5 });
    expect(target(2024, 'stations')).toMatchObject({
      target: 20,
      achieved: 3,
      gap: 17,
      met: false,
    });
  });
});
