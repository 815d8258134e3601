import type { CityInput, FacilityInput, UnitGeometry, UnitInput } from '../city/input.ts';
import type { Finding } from '../standards/finding.ts';
import type { Scope, TravelProfileName as TravelProfile } from '../vocabulary.ts';

export type { CityInput, FacilityInput, Finding, UnitGeometry, UnitInput };

/** Per-facility reach, columnar (one entry per reached cell and facility); hand-made rows. */
export interface ReachTable {
  facilityId: ArrayLike<string>;
  h3: ArrayLike<string>;
  minutes: ArrayLike<number>;
}

/**
 * Reach as the routing adapter produces it, keyed by position: `facility[k]` indexes
 * CityInput.facilities and `cell[k]` CityInput.cells (typed arrays, no object per row).
 */
export interface IndexedReachTable {
  facility: Int32Array;
  cell: Int32Array;
  minutes: Float64Array;
  /**
   * Per facility type: minutes from every cell (by position) to the nearest facility of that
   * type, Infinity beyond the request's maxMinutes. One multi-source search per type replaces
   * the per-facility rows for every nearest-facility metric, so with it the rows need only
   * reach `facilityMinutes`. Without it, nearest minutes are derived from the rows.
   */
  nearestByType?: ReadonlyMap<string, Float64Array>;
}

export interface ReachRequest {
  profile: TravelProfile;
  /** Nearest-facility minutes are needed up to this many minutes. */
  maxMinutes: number;
  /**
   * Per-facility rows are read only up to this many minutes (2SFCA catchment, 300 m detour
   * check; 0 when none is needed). A source may ignore it and return every row up to
   * maxMinutes; one that returns `nearestByType` may stop its rows here.
   */
  facilityMinutes: number;
  /** Only for walk-elderly: the profile's elderly walking speed. */
  walkingSpeedMps: number;
}

/** Supplies reach: routing in production (indexed), hand-made rows in tests. */
export type ReachSource = (
  request: ReachRequest,
) => ReachTable | IndexedReachTable | Promise<ReachTable | IndexedReachTable>;

export interface CoverageRow {
  profile: TravelProfile;
  /** 'all' or a FacilityType. */
  kind: string;
  minutes: number;
  scope: Scope;
  unitId: string | null;
  elders60: number;
  elders60Covered: number;
  elders60Share: number | null;
  residents: number;
  residentsCovered: number;
  residentsShare: number | null;
}

export interface UnitRow {
  unitId: string;
  name: string;
  level: string;
  parentId: string | null;
  residents: number;
  elders60: number;
  households: number;
  /** walk-elderly, any facility, per threshold (same order as summary.thresholds). */
  elders60Within: number[];
  radius300StraightShare: number | null;
  radius300NetworkShare: number | null;
  facilities: number;
  floorAreaM2: number;
  m2PerResident: number | null;
  m2Per100Households: number | null;
  sfcaAccess: number | null;
  findingsFailed: number;
}

export interface CellRow {
  h3: string;
  residents: number;
  elders60: number;
  unitId: string;
  streetId: string;
  /** walk-elderly minutes to the nearest facility; null when unreachable. */
  minutesNearest: number | null;
  sfcaAccess: number;
}

export interface Cluster {
  rank: number;
  cells: number;
  elders60: number;
  residents: number;
  /** Mean of cell centres, [lon, lat]. */
  center: [number, number];
  unitIds: string[];
  h3: string[];
}

export interface DetourFacility {
  facilityId: string;
  discCells: number;
  networkCells: number;
  ratio: number;
}
