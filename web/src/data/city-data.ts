import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  BuildingProperties,
  CityManifest,
  FacilityProperties,
  PopulationCellRow,
  UnitProperties,
} from '../../../analysis/city/types.ts';
import type { ReportRegisterInfo } from '../../../analysis/report/types.ts';

export interface RoadProperties {
  id: number | string;
  highway: string;
  name?: string;
}

export interface BasemapProperties {
  kind: 'water' | 'green';
}

/**
 * A base-map layer the page does not hold: the served file's absolute URL, which maplibre's
 * worker fetches and parses itself (a county's buildings are 80,000 polygons, 33 MB), and how
 * many features it has when the manifest counts them (it does not count water and green areas).
 */
export interface ServedFeatures {
  url: string;
  count: number | null;
}

/** Features in memory, or a served file's (see ServedFeatures). */
export type BaseMapFeatures<G extends Polygon | MultiPolygon, P> =
  | FeatureCollection<G, P>
  | ServedFeatures;

export function featureCount(features: FeatureCollection | ServedFeatures): number | null {
  return 'url' in features ? features.count : features.features.length;
}

/** Everything the first page draws, as loaded from one city folder. */
export interface CityData {
  /** Folder URL with a trailing slash, e.g. "/nanjing-xinjiekou/". */
  baseUrl: string;
  manifest: CityManifest;
  roads: FeatureCollection<LineString, RoadProperties>;
  basemap: BaseMapFeatures<Polygon | MultiPolygon, BasemapProperties>;
  buildings: BaseMapFeatures<Polygon | MultiPolygon, BuildingProperties>;
  /** Empty when the city has no facility register yet. */
  facilities: FeatureCollection<Point, FacilityProperties>;
  population: PopulationCellRow[];
  /** Where the register came from when the user imported it (absent: the folder's own). */
  register?: ReportRegisterInfo;
  /** Planning units (street and community level); empty when the city has none. */
  units: FeatureCollection<Polygon | MultiPolygon, UnitProperties>;
  /** Set for a city built in the browser and kept there: its entry in the saved-city list. */
  savedAs?: string;
}

export const DEFAULT_CITY = 'nanjing-xinjiekou';
