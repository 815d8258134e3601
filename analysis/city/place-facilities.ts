import Papa from 'papaparse';
import { InputError } from '../errors.ts';
import type { CityBuilding } from './buildings.ts';
import { type LonLat, roundCoord } from './geometry.ts';
import type { FacilityProperties, FacilityType } from './types.ts';

export interface FacilityFeature {
  type: 'Feature';
  properties: FacilityProperties;
  geometry: { type: 'Point'; coordinates: LonLat };
}

/** Facility kinds by code and by the Chinese names used in the standards. */
export const FACILITY_TYPES: Record<string, FacilityType> = {
  street_center: 'street_center',
  community_station: 'community_station',
  day_care: 'day_care',
  embedded_institution: 'embedded_institution',
  neighbourhood_point: 'neighbourhood_point',
  care_post: 'care_post',
  街道综合养老服务中心: 'street_center',
  社区养老服务站: 'community_station',
  日间照料中心: 'day_care',
  嵌入式养老机构: 'embedded_institution',
  养老睦邻点: 'neighbourhood_point',
  养老驿站: 'care_post',
};

type Row = Record<string, string>;
const REQUIRED = ['name', 'type', 'floor_area_m2', 'floor_level'];
const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '']);

function flag(row: Row, column: string, where: { file: string; row: number }): boolean | undefined {
  const value = (row[column] ?? '').trim().toLowerCase();
  if (row[column] === undefined) return undefined;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new InputError('E_BAD_FLAG', `"${row[column]}" is not true/false`, { ...where, column });
}

function number(
  row: Row,
  column: string,
  where: { file: string; row: number },
  min: number,
): number {
  const text = (row[column] ?? '').trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < min) {
    throw new InputError('E_BAD_NUMBER', `"${row[column] ?? ''}" is not a number ≥ ${min}`, {
      ...where,
      column,
    });
  }
  return value;
}

/** An empty cell is not recorded (null): never read as 0 m², 0 beds or the ground floor. */
function recorded(
  row: Row,
  column: string,
  where: { file: string; row: number },
  min: number,
): number | null {
  return (row[column] ?? '').trim() === '' ? null : number(row, column, where, min);
}

/**
 * Reads a facility register CSV (osm_building_id or lon/lat, name, type, floor_area_m2, beds,
 * floor_level, has_lift, illustrative) and places each site at its building's centroid.
 */
export function facilitiesFromCsv(
  text: string,
  file: string,
  buildings: CityBuilding[],
): FacilityFeature[] {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  for (const column of REQUIRED) {
    if (!fields.includes(column))
      throw new InputError('E_FACILITY_COLUMNS', `missing column "${column}"`, { file, column });
  }
  const hasPlace =
    fields.includes('osm_building_id') || (fields.includes('lon') && fields.includes('lat'));
  if (!hasPlace)
    throw new InputError('E_FACILITY_COLUMNS', 'need column osm_building_id, or lon and lat', {
      file,
      column: 'osm_building_id',
    });
  const byId = new Map(buildings.map((b) => [b.properties.id, b]));
  return parsed.data.map((row, i) =>
    facilityFromRow(row, { file, row: i + 2 }, byId, `F${String(i + 1).padStart(3, '0')}`),
  );
}

function facilityFromRow(
  row: Row,
  where: { file: string; row: number },
  byId: Map<number, CityBuilding>,
  defaultId: string,
): FacilityFeature {
  const type = FACILITY_TYPES[(row.type ?? '').trim()];
  if (type === undefined)
    throw new InputError(
      'E_FACILITY_TYPE',
      `unknown facility type "${row.type}" (known: ${Object.keys(FACILITY_TYPES).join(', ')})`,
      { ...where, column: 'type' },
    );
  let point: LonLat;
  let osmBuildingId: number | undefined;
  if ((row.osm_building_id ?? '').trim() !== '') {
    osmBuildingId = number(row, 'osm_building_id', where, 1);
    const building = byId.get(osmBuildingId);
    if (building === undefined)
      throw new InputError(
        'E_FACILITY_BUILDING',
        `building ${osmBuildingId} is not in the OSM extract`,
        { ...where, column: 'osm_building_id' },
      );
    point = building.centroid;
  } else {
    point = [number(row, 'lon', where, -180), number(row, 'lat', where, -90)];
    if (point[0] > 180 || point[1] > 90)
      throw new InputError('E_BAD_COORD', `(${point[0]}, ${point[1]}) is not a WGS-84 coordinate`, {
        ...where,
        column: 'lon',
      });
  }
  const hasLift = flag(row, 'has_lift', where);
  const properties: FacilityProperties = {
    id: (row.id ?? '').trim() || defaultId,
    name: (row.name ?? '').trim(),
    type,
    floorAreaM2: recorded(row, 'floor_area_m2', where, 0),
    beds: recorded(row, 'beds', where, 0),
    floorLevel: recorded(row, 'floor_level', where, -5),
    ...(hasLift === undefined ? {} : { hasLift }),
    illustrative: flag(row, 'illustrative', where) ?? false,
    ...(osmBuildingId === undefined ? {} : { osmBuildingId }),
  };
  if (properties.name === '')
    throw new InputError('E_FACILITY_NAME', 'empty name', { ...where, column: 'name' });
  return {
    type: 'Feature',
    properties,
    geometry: { type: 'Point', coordinates: roundCoord(point) },
  };
}

/** Reads a GeoJSON FeatureCollection of points carrying FacilityProperties. */
export function facilitiesFromGeoJson(text: string, file: string): FacilityFeature[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError('E_BAD_JSON', `not JSON (${(error as Error).message})`, { file });
  }
  const features = (data as { features?: unknown }).features;
  if (!Array.isArray(features))
    throw new InputError('E_BAD_GEOJSON', 'not a GeoJSON FeatureCollection', { file });
  return features.map((raw, i) => {
    const f = raw as {
      geometry?: { type?: string; coordinates?: unknown };
      properties?: Record<string, unknown>;
    };
    const where = { file, row: i + 1 };
    const c = f.geometry?.coordinates;
    if (
      f.geometry?.type !== 'Point' ||
      !Array.isArray(c) ||
      typeof c[0] !== 'number' ||
      typeof c[1] !== 'number'
    ) {
      throw new InputError('E_BAD_GEOJSON', `feature ${i + 1} is not a Point`, {
        ...where,
        column: 'geometry',
      });
    }
    const p = f.properties ?? {};
    const row: Row = {};
    for (const [k, v] of Object.entries(p)) row[k] = v === null || v === undefined ? '' : String(v);
    const csvLike: Row = {
      id: row.id ?? '',
      name: row.name ?? '',
      type: row.type ?? '',
      floor_area_m2: row.floorAreaM2 ?? '',
      beds: row.beds ?? '',
      floor_level: row.floorLevel ?? '',
      lon: String(c[0]),
      lat: String(c[1]),
      illustrative: row.illustrative ?? '',
    };
    if (row.hasLift !== undefined) csvLike.has_lift = row.hasLift;
    return facilityFromRow(csvLike, where, new Map(), `F${String(i + 1).padStart(3, '0')}`);
  });
}
