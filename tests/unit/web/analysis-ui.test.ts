import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { validateProfile } from '../../../analysis/standards/validate.ts';
import {
  applyEdits,
  editableFields,
  fieldText,
  parseFieldText,
  pathKey,
} from '../../../web/src/analysis-ui/profile-edit.ts';
import { nextSort, sortRows } from '../../../web/src/analysis-ui/table-sort.ts';
import {
  bboxOf,
  dissolvedBands,
  facilityBands,
} from '../../../web/src/map/analysis-layers/circle-geometry.ts';
import {
  FAILED_RAMP,
  failedColour,
  minuteClass,
} from '../../../web/src/map/analysis-layers/colours.ts';
import { toggleThreshold } from '../../../web/src/map/analysis-layers/state.ts';

const SUFFIX = { id: '-copy', zh: '（副本）', en: ' (copy)' };

describe('profile editing', () => {
  const profile = builtInProfile('huaihua-2020');
  const fields = editableFields(profile);

  it('offers settings and every rule number, and shows current values', () => {
    const speed = fields.find((f) => pathKey(f.path) === 'settings.walkingSpeedMps');
    expect(speed && fieldText(profile, speed)).toBe('1');
    const thresholds = fields.find((f) => f.key === 'thresholdsMinutes');
    expect(thresholds && fieldText(profile, thresholds)).toBe('5, 10, 15, 30');
    expect(fields.filter((f) => f.ruleId === 'hh-urban-15min').map((f) => f.key)).toEqual([
      'minutes',
      'targetShare',
    ]);
  });

  it('applies edits to a copy that validates, leaving the original alone', () => {
    const edited = applyEdits(
      profile,
      fields,
      { 'settings.walkingSpeedMps': '0.8', 'settings.thresholdsMinutes': '5，10 15' },
      SUFFIX,
    );
    const result = validateProfile(edited);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.id).toBe('huaihua-2020-copy');
    expect(result.profile.settings.walkingSpeedMps).toBe(0.8);
    expect(result.profile.settings.thresholdsMinutes).toEqual([5, 10, 15]);
    expect(profile.settings.walkingSpeedMps).toBe(1);
  });

  it('keeps bad text as text so that validation lists every problem', () => {
    expect(parseFieldText('abc', false)).toBe('abc');
    expect(parseFieldText(' 2.5 ', false)).toBe(2.5);
    const edited = applyEdits(
      profile,
      fields,
      { 'settings.walkingSpeedMps': '3', 'settings.householdSize': 'x' },
      SUFFIX,
    );
    const result = validateProfile(edited);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['$.settings.walkingSpeedMps', '$.settings.householdSize']),
    );
  });
});

describe('table sorting', () => {
  const rows = [
    { n: 'a', v: 2 },
    { n: 'b', v: null },
    { n: 'c', v: 5 },
    { n: 'd', v: 2 },
  ];
  const value = (r: (typeof rows)[number], key: 'v' | 'n') => r[key];
  it('sorts both ways with nulls last and stable ties', () => {
    expect(sortRows(rows, { key: 'v', direction: 'asc' }, value).map((r) => r.n)).toEqual([
      'a',
      'd',
      'c',
      'b',
    ]);
    expect(sortRows(rows, { key: 'v', direction: 'desc' }, value).map((r) => r.n)).toEqual([
      'c',
      'a',
      'd',
      'b',
    ]);
    expect(rows[0].n).toBe('a');
  });
  it('flips the direction on the same column', () => {
    expect(nextSort({ key: 'v', direction: 'desc' }, 'v')).toEqual({ key: 'v', direction: 'asc' });
    expect(nextSort({ key: 'v', direction: 'asc' }, 'n')).toEqual({ key: 'n', direction: 'desc' });
  });
});

describe('circle geometry and colours', () => {
  const home = latLngToCell(32.04, 118.78, 10);
  const ring1 = gridDisk(home, 1);
  const rows = ring1.map((h3) => ({
    h3,
    minutes: h3 === home ? 2 : 8,
    facilityId: h3 === home ? 'A' : 'B',
  }));

  it('unions cells per threshold, largest first, skipping empty bands', () => {
    const bands = dissolvedBands(rows, [5, 10, 1]);
    expect(bands.map((b) => [b.minutes, b.cells])).toEqual([
      [10, 7],
      [5, 1],
    ]);
    expect(bands[0].polygon).toHaveLength(1);
    const box = bboxOf(bands[0].polygon);
    expect(box).not.toBeNull();
    if (box) expect(box[0]).toBeLessThan(118.78);
  });

  it('keeps facilities apart in the overlap view', () => {
    const bands = facilityBands(rows, [10]);
    expect(bands.map((b) => [b.facilityId, b.cells]).sort()).toEqual([
      ['A', 1],
      ['B', 6],
    ]);
  });

  it('classes minutes against thresholds and caps the failed ramp', () => {
    expect(minuteClass(5, [5, 10])).toBe(0);
    expect(minuteClass(5.01, [10, 5])).toBe(1);
    expect(minuteClass(11, [5, 10])).toBe(2);
    expect(minuteClass(null, [5])).toBeNull();
    expect(failedColour(0)).toEqual(FAILED_RAMP[0]);
    expect(failedColour(9)).toEqual(FAILED_RAMP[FAILED_RAMP.length - 1]);
    expect(toggleThreshold([5, 15], 10)).toEqual([5, 10, 15]);
    expect(toggleThreshold([5, 15], 5)).toEqual([15]);
  });
});
