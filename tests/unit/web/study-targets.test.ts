import { describe, expect, it } from 'vitest';
import { programmeProfileFor } from '../../../analysis/programme/builtin.ts';
import {
  enteredValue,
  studyProfile,
  studyShare,
  studyTargets,
} from '../../../web/src/programme/study-targets.ts';

const haining = programmeProfileFor('haining-2024');
const totals = {
  residents: 93_098,
  elders60: 18_881,
  elders65: 13_654,
  elders80: 2_365,
  households: 35_534,
};
const points2024 = (list: ReturnType<typeof studyTargets>) =>
  list.find((t) => t.target.id === 'points' && t.target.year === 2024);

describe('study-area targets', () => {
  it('never applies a city-wide count unscaled: pending until the city population is known', () => {
    const targets = studyTargets(
      haining,
      [],
      studyShare({ basis: 'residents', cityWide: null }, totals),
    );
    expect(points2024(targets)).toMatchObject({
      value: null,
      source: 'pending',
      programmeValue: 140,
    });
    // Pending targets are left out of what progress is measured against.
    const measured = studyProfile(haining, targets);
    expect(measured.targets.some((t) => t.metric === 'count')).toBe(false);
  });

  it('scales counts by the stated share and keeps ratios as they are', () => {
    const share = studyShare({ basis: 'residents', cityWide: 1_080_000 }, totals);
    expect(share?.share).toBeCloseTo(93_098 / 1_080_000, 10);
    const targets = studyTargets(haining, [], share);
    expect(points2024(targets)).toMatchObject({ value: 12, source: 'scaled' }); // 140 × 0.0862 = 12.07
    const ratio = targets.find((t) => t.target.id === 'centers-upgraded' && t.target.year === 2024);
    expect(ratio).toMatchObject({ value: 0.3, source: 'ratio' });
    const byElders = studyShare({ basis: 'elders60', cityWide: 200_000 }, totals);
    expect(points2024(studyTargets(haining, [], byElders))?.value).toBe(Math.round(140 * 0.094405));
  });

  it('an entered study-area value wins; ratios are entered in percent', () => {
    const share = studyShare({ basis: 'residents', cityWide: 1_080_000 }, totals);
    const targets = studyTargets(haining, [{ id: 'points', year: 2024, value: 5 }], share);
    expect(points2024(targets)).toMatchObject({ value: 5, source: 'entered' });
    expect(enteredValue({ metric: 'share_upgraded' }, 45)).toBe(0.45);
    expect(enteredValue({ metric: 'count' }, 4.6)).toBe(5);
    expect(studyShare({ basis: 'residents', cityWide: 0 }, totals)).toBeNull();
    expect(studyShare({ basis: 'residents', cityWide: 10 }, null)).toBeNull();
  });
});
