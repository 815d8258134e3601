/**
 * The project's vocabulary, defined once: facility types, travel profiles, scopes, severities,
 * finding statuses and unit levels. Every other module imports these
 * lists from here, so adding a facility type or a unit level is one edit.
 */

/** A text in both languages of the app. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Facility types in the order the standards rank them (street centre first). */
export const FACILITY_TYPES = [
  'street_center', // 街道综合养老服务中心
  'community_station', // 社区养老服务站
  'day_care', // 日间照料中心
  'embedded_institution', // 嵌入式养老机构
  'neighbourhood_point', // 养老睦邻点
  'care_post', // 养老驿站
  'meal_point', // 老年助餐点
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export function isFacilityType(value: string): value is FacilityType {
  return (FACILITY_TYPES as readonly string[]).includes(value);
}

/**
 * How coverage is measured: elderly walking, wheelchair and walker users (elderly walking
 * without steps), walking, e-bike, driving.
 */
export const TRAVEL_PROFILES = ['walk-elderly', 'wheelchair', 'walk', 'ebike', 'drive'] as const;
export type TravelProfileName = (typeof TRAVEL_PROFILES)[number];

/**
 * Walking speeds (m/s) every input accepts: profile settings, scenario edits, the CLI's --speed.
 * 1.0 is the design value for elders (300 m in 5 minutes, GB 50180); the literature's elderly
 * speeds lie around 0.8–1.2, and walker-frame or wheelchair users go down to about 0.5.
 */
export const WALKING_SPEED_RANGE_MPS: readonly [number, number] = [0.5, 1.5];

/** Levels at which findings are produced. */
export const SCOPES = ['city', 'street', 'community', 'site'] as const;
export type Scope = (typeof SCOPES)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A finding passes, fails, or cannot be evaluated on the data at hand (never a silent pass). */
export const FINDING_STATUSES = ['pass', 'fail', 'not_evaluable'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * Planning-unit levels a unit file may carry. Townships (乡镇) stand at the street tier and
 * villages (村) at the community tier of the scopes; counties (区县) are carried, not rolled up.
 */
export const UNIT_LEVELS = ['county', 'street', 'township', 'community', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** The scope tier a unit level is rolled up at (null: not a findings scope). */
export function unitTier(level: UnitLevel): 'street' | 'community' | null {
  if (level === 'street' || level === 'township') return 'street';
  if (level === 'community' || level === 'village') return 'community';
  return null;
}

/** Urban or rural: a property of each planning unit (default urban). */
export const AREA_TYPES = ['urban', 'rural'] as const;
export type AreaType = (typeof AREA_TYPES)[number];
