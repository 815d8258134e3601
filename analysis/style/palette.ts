import type { FacilityType } from '../vocabulary.ts';

/**
 * One palette and one symbol set for the app, its legend, the report and exported maps: facility
 * types, service-circle thresholds, travel-time ramp, covered/uncovered, compliance, scenario
 * states. Colours are [r, g, b] 0–255.
 */
export type Rgb = [number, number, number];

export const FACILITY_STYLE: Record<FacilityType, { color: Rgb; radius: number }> = {
  street_center: { color: [200, 40, 46], radius: 9 },
  community_station: { color: [236, 122, 28], radius: 7 },
  day_care: { color: [42, 150, 70], radius: 7 },
  embedded_institution: { color: [128, 78, 176], radius: 7 },
  neighbourhood_point: { color: [218, 92, 160], radius: 5 },
  care_post: { color: [150, 100, 60], radius: 5 },
  meal_point: { color: [0, 139, 139], radius: 5 },
};

export const rgbCss = ([r, g, b]: Rgb, alpha = 1): string => `rgba(${r}, ${g}, ${b}, ${alpha})`;

/**
 * Scenario states of a site. Each has its own symbol so that a map read in black and white still
 * tells them apart: new sites are ringed, moved sites show where they came from, closed sites are
 * crossed, optimiser proposals are stars.
 */
export const SITE_STATES = ['existing', 'new', 'moved', 'resized', 'closed', 'proposed'] as const;
export type SiteState = (typeof SITE_STATES)[number];

export const SITE_STATE_STYLE: Record<
  SiteState,
  { symbol: 'circle' | 'ring' | 'arrow' | 'square' | 'cross' | 'star'; stroke: Rgb }
> = {
  existing: { symbol: 'circle', stroke: [255, 255, 255] },
  new: { symbol: 'ring', stroke: [0, 90, 200] },
  moved: { symbol: 'arrow', stroke: [0, 90, 200] },
  resized: { symbol: 'square', stroke: [0, 90, 200] },
  closed: { symbol: 'cross', stroke: [90, 90, 90] },
  proposed: { symbol: 'star', stroke: [230, 160, 0] },
};

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

/** Coverage change between baseline and scenario (report's before/after maps, app's diff layer). */
export const GAINED: Rgb = [33, 113, 181];
export const LOST: Rgb = [128, 0, 38];
/** Chart series: baseline and scenario. */
export const CHART_SERIES: readonly Rgb[] = [
  [120, 144, 156],
  [0, 109, 119],
];

/** Hex colour for SVG and Office formats ('#rrggbb'). */
export const rgbHex = ([r, g, b]: Rgb): string =>
  `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
