import type { FacilityType } from './vocabulary.ts';

/**
 * One elder-care facility as every part of the project reads it: the city folder's register,
 * the importers' output and the scenarios' sites.
 */
export interface FacilityProperties {
  id: string;
  name: string;
  type: FacilityType;
  /** Building floor area in m²; null = the register does not record it (unknown, never 0). */
  floorAreaM2: number | null;
  /** Beds; null = not recorded. */
  beds: number | null;
  /** Lowest floor the service occupies (1 = ground floor); null = not recorded. */
  floorLevel: number | null;
  hasLift?: boolean;
  /** True for the demo's illustrative register (示例数据). */
  illustrative: boolean;
  /** OSM building the site is placed at, when any. */
  osmBuildingId?: number;
  /** 社会化运营: run by a social operator; absent = not recorded in the register. */
  socialOperation?: boolean;
  /** 医养结合: offers combined medical and elder care; absent = not recorded. */
  medicalIntegration?: boolean;
}
