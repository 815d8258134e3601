import type { FacilityProperties } from '../facility.ts';
import type { AreaType, UnitLevel } from '../vocabulary.ts';

export type { FacilityType, UnitLevel } from '../vocabulary.ts';

import type { NetworkProfile } from '../graph/types.ts';

/**
 * A city folder (written by `carecircle build-city`, read by the web app and every CLI verb):
 *
 *   city.json            CityManifest (this file's type)
 *   graph-walk.bin       RoadGraph per network (analysis/graph/binary.ts)
 *   graph-ebike.bin
 *   graph-drive.bin
 *   roads.geojson        LineStrings for display: {id, highway, name?}
 *   basemap.geojson      water and green areas for the offline base map: {kind: 'water'|'green'}
 *   buildings.geojson    Polygons: BuildingProperties
 *   population.csv       one row per H3 cell: PopulationCellRow columns, sorted by h3
 *   units.geojson        planning units (Polygons): UnitProperties
 *   facilities.geojson   facility register (Points): FacilityProperties (may be absent)
 *   METHOD.md            every modelling assumption and its source
 *   PROVENANCE.md        every file, its source, licence and the command that built it
 *
 * All output is deterministic (sorted, fixed precision, no timestamps of the build itself) so
 * that a rebuild is byte-identical.
 */
export const CITY_FORMAT_VERSION = 1;

export interface CityManifest {
  formatVersion: number;
  /** Display name, e.g. 南京新街口. */
  name: string;
  /** [west, south, east, north] of the road network, WGS-84. */
  bbox: [number, number, number, number];
  center: [number, number];
  /** H3 resolution of population.csv. */
  h3Resolution: number;
  source: { osmFile: string; osmTimestamp?: string; licence: string; attribution: string };
  networks: Record<NetworkProfile, { file: string; nodes: number; edges: number }>;
  counts: {
    roads: number;
    buildings: number;
    residentialBuildings: number;
    populationCells: number;
    units: number;
    facilities: number;
  };
  /** Null when the extract had no buildings and no --population was given. */
  population: null | {
    method: 'dasymetric-floor-area' | 'user-supplied';
    totals: PopulationTotals;
    /** What the population rests on (absent in folders built before it was recorded). */
    basis?: PopulationBasis;
  };
  /** True when facilities.geojson is an illustrative register (示例数据), not an official list. */
  facilitiesIllustrative: boolean;
  warnings: string[];
}

/** The census facts behind a population: age shares, household size, housing area per resident. */
export interface PopulationBasis {
  /** Census area the age shares came from, e.g. 玄武区（南京）, and its division code; absent for the defaults. */
  censusArea?: string;
  censusCode?: string;
  share60: number;
  share65: number;
  share80: number;
  householdSize: number;
  /** Housing floor area per resident (m²) the building model divided by; absent when supplied. */
  perCapitaFloorAreaM2?: number;
}

export interface PopulationTotals {
  residents: number;
  elders60: number;
  elders65: number;
  elders80: number;
  households: number;
}

export interface PopulationCellRow extends PopulationTotals {
  h3: string;
  /** Community-level (社区级) unit containing the cell centre. */
  unit_id: string;
  /** Street-level (街道级) unit containing the cell centre. */
  street_id: string;
}

export interface UnitProperties {
  /** Stable id, derived from geometry, e.g. "C-8a31..." or a user-supplied code. */
  id: string;
  name: string;
  level: UnitLevel;
  /** Street-level parent of a community unit. */
  parentId?: string;
  /** True when the unit was derived from roads/H3, not an official boundary. */
  derived: boolean;
  /** Urban or rural (城市/农村), from the user's unit file; absent = urban. */
  areaType?: AreaType;
  /** True for a new residential area (新建居住区), from the user's unit file; absent = false. */
  newResidential?: boolean;
}

export type { FacilityProperties };

export interface BuildingProperties {
  id: number;
  building: string;
  levels: number;
  levelsEstimated: boolean;
  footprintM2: number;
  floorAreaM2: number;
  residential: boolean;
  residents: number;
}
