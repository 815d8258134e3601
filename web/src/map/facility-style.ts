import type { FacilityType } from '../../../analysis/city/types.ts';

export type Rgb = [number, number, number];

/**
 * Facility types in the order the standards rank them (street centre first). Colours are a
 * categorical palette that stays apart from the blue ramp of the population cells; radii (px)
 * rank the tiers.
 */
export { FACILITY_TYPES } from '../../../analysis/vocabulary.ts';

export const FACILITY_STYLE: Record<FacilityType, { color: Rgb; radius: number }> = {
  street_center: { color: [200, 40, 46], radius: 9 },
  community_station: { color: [236, 122, 28], radius: 7 },
  day_care: { color: [42, 150, 70], radius: 7 },
  embedded_institution: { color: [128, 78, 176], radius: 7 },
  neighbourhood_point: { color: [218, 92, 160], radius: 5 },
  care_post: { color: [150, 100, 60], radius: 5 },
};

export const rgbCss = ([r, g, b]: Rgb, alpha = 1): string => `rgba(${r}, ${g}, ${b}, ${alpha})`;
