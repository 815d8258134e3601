import type { Rgb } from '../facility-style.ts';

/**
 * Colours of the analysis layers. Thresholds run from a dark teal (5 min, the core) to a pale
 * violet (30 min), so nested circles read as a sequence; the failed-findings ramp is the usual
 * green → red of a compliance map; covered/uncovered reuse it.
 */
export const THRESHOLD_COLOURS: Record<number, Rgb> = {
  5: [0, 109, 119],
  10: [42, 157, 143],
  15: [69, 123, 196],
  30: [150, 120, 200],
};
const FALLBACK_THRESHOLD: Rgb = [120, 130, 140];

export function thresholdColour(minutes: number): Rgb {
  return THRESHOLD_COLOURS[minutes] ?? FALLBACK_THRESHOLD;
}

/** Travel time to the nearest facility: light (near) to dark (far); grey when out of reach. */
export const MINUTE_RAMP: readonly Rgb[] = [
  [255, 245, 204],
  [254, 217, 118],
  [253, 141, 60],
  [227, 26, 28],
  [128, 0, 38],
];
export const UNREACHED: Rgb = [90, 90, 90];
export const COVERED: Rgb = [26, 152, 80];
export const UNCOVERED: Rgb = [215, 48, 39];

/**
 * Class of a travel time against the thresholds: 0 = within the first threshold, …,
 * thresholds.length = beyond the last but reached; null = not reached at all.
 */
export function minuteClass(minutes: number | null, thresholds: readonly number[]): number | null {
  if (minutes === null || !Number.isFinite(minutes)) return null;
  const sorted = [...thresholds].sort((a, b) => a - b);
  const index = sorted.findIndex((t) => minutes <= t);
  return index < 0 ? sorted.length : index;
}

export function minuteColour(minutes: number | null, thresholds: readonly number[]): Rgb {
  const k = minuteClass(minutes, thresholds);
  if (k === null) return UNREACHED;
  return MINUTE_RAMP[Math.min(k, MINUTE_RAMP.length - 1)];
}

/** Failed findings of a unit: 0 green, 1 yellow, 2 orange, 3+ red. */
export const FAILED_RAMP: readonly Rgb[] = [
  [145, 207, 96],
  [254, 224, 139],
  [252, 141, 89],
  [215, 48, 39],
];

export function failedColour(failed: number): Rgb {
  return FAILED_RAMP[Math.max(0, Math.min(Math.floor(failed), FAILED_RAMP.length - 1))];
}

/** A categorical palette for the nearest-facility split (12 hues, repeated by index). */
export const CATEGORY_PALETTE: readonly Rgb[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [127, 127, 127],
  [188, 189, 34],
  [23, 190, 207],
  [102, 194, 165],
  [252, 141, 98],
];

export function categoryColour(index: number): Rgb {
  const n = CATEGORY_PALETTE.length;
  return CATEGORY_PALETTE[((index % n) + n) % n];
}
