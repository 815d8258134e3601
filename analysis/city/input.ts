import type { FacilityProperties, PopulationCellRow, UnitProperties } from './types.ts';

/** GeoJSON polygon rings, WGS-84 [lon, lat]. */
export type UnitGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface UnitInput extends UnitProperties {
  geometry?: UnitGeometry;
}

export interface FacilityInput extends FacilityProperties {
  lon: number;
  lat: number;
  /** Site (land) area when the register has it; per-capita land norms use it. */
  landAreaM2?: number;
}

/** A parsed city folder: read from files by scripts/ in Node and by fetch in the browser. */
export interface CityInput {
  name: string;
  h3Resolution: number;
  cells: PopulationCellRow[];
  units: UnitInput[];
  facilities: FacilityInput[];
}
