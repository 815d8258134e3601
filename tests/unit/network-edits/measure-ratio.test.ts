import { describe, expect, it } from 'vitest';
import { elderPerWan } from '../../../web/src/scenario/measure-ratio.ts';

describe('elders per 万元', () => {
  it('divides the gain by the cost in units of ¥10,000', () => {
    expect(elderPerWan(159, 50_000)).toBeCloseTo(31.8, 10);
    expect(elderPerWan(0, 20_000)).toBe(0);
  });
  it('is unknown (not 0) without a cost or with a cost of 0', () => {
    expect(elderPerWan(159, null)).toBeNull();
    expect(elderPerWan(159, 0)).toBeNull();
  });
});
