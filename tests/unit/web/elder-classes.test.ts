import { describe, expect, it } from 'vitest';
import { ELDER_RAMP, elderClasses, elderColor } from '../../../web/src/map/elder-classes.ts';

describe('elderClasses', () => {
  it('makes ascending nice breaks and one more colour than breaks', () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    const classes = elderClasses(values);
    expect(classes.breaks.length).toBeGreaterThan(2);
    expect([...classes.breaks].sort((a, b) => a - b)).toEqual(classes.breaks);
    expect(new Set(classes.breaks).size).toBe(classes.breaks.length);
    for (const bound of classes.breaks) expect(String(bound)).toMatch(/^(1|2|25|5)0*$/);
    expect(classes.colors.length).toBe(classes.breaks.length + 1);
    expect(classes.colors[classes.colors.length - 1]).toEqual(ELDER_RAMP[ELDER_RAMP.length - 1]);
  });

  it('puts a value in the first class whose bound is not below it', () => {
    const classes = elderClasses([5, 10, 20, 40, 80, 160, 320]);
    const [first] = classes.breaks;
    expect(elderColor(first, classes)).toEqual(classes.colors[0]);
    expect(elderColor(first + 0.5, classes)).toEqual(classes.colors[1]);
    expect(elderColor(1e9, classes)).toEqual(classes.colors[classes.colors.length - 1]);
  });

  it('ignores zero cells and copes with no data', () => {
    expect(elderClasses([0, 0, 0])).toEqual({
      breaks: [],
      colors: [ELDER_RAMP[ELDER_RAMP.length - 1]],
    });
    expect(elderClasses([0, 0, 7, 7, 7]).breaks).toEqual([10]);
  });
});
