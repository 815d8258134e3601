import { InputError } from '../errors.ts';
import { type AreaType, UNIT_LEVELS, unitTier } from '../vocabulary.ts';
import type { UnitFeature } from './derive-units.ts';
import { type BBox, bboxOf, type LonLat, pointInRing, round7 } from './geometry.ts';
import type { UnitLevel, UnitProperties } from './types.ts';

const LEVELS: Record<string, UnitLevel> = {
  ...Object.fromEntries(UNIT_LEVELS.map((l) => [l, l])),
  区县: 'county',
  县: 'county',
  区: 'county',
  街道: 'street',
  乡镇: 'township',
  镇: 'township',
  乡: 'township',
  社区: 'community',
  村: 'village',
  行政村: 'village',
};

const AREA_TYPES: Record<string, AreaType> = {
  urban: 'urban',
  rural: 'rural',
  城市: 'urban',
  城镇: 'urban',
  农村: 'rural',
};

const YES_NO: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  是: true,
  否: false,
  '1': true,
  '0': false,
};

interface Indexed {
  unit: UnitFeature;
  bbox: BBox;
}

export interface UserUnits {
  units: UnitFeature[];
  locate(lon: number, lat: number): { unitId: string; streetId: string } | null;
}

function inPolygons(point: LonLat, polygons: number[][][][]): boolean {
  return polygons.some(
    (poly) =>
      pointInRing(point, poly[0] as LonLat[]) &&
      !poly.slice(1).some((hole) => pointInRing(point, hole as LonLat[])),
  );
}

/**
 * Reads real unit polygons (`--units FILE.geojson`): Polygon/MultiPolygon features with
 * properties id, name, level (county|street|township|community|village or 区县|街道|乡镇|社区|村),
 * optionally parentId, areaType (urban|rural|城市|农村; absent = urban) and newResidential
 * (true|false|是|否; absent = false). A cell belongs to the community (or village) whose polygon
 * holds its centre; its street is the street (or township) polygon holding the centre, else the
 * community's parentId. Counties are carried but hold no cells.
 */
export function readUserUnits(text: string, file: string): UserUnits {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError('E_BAD_JSON', `not JSON (${(error as Error).message})`, { file });
  }
  const features = (data as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length === 0)
    throw new InputError('E_BAD_GEOJSON', 'not a GeoJSON FeatureCollection with features', {
      file,
    });
  const seen = new Set<string>();
  const units: UnitFeature[] = features.map((raw, i) => {
    const f = raw as {
      geometry?: { type?: string; coordinates?: unknown };
      properties?: Record<string, unknown>;
    };
    const where = { file, row: i + 1 };
    const p = f.properties ?? {};
    const id = String(p.id ?? '').trim();
    const level =
      LEVELS[
        String(p.level ?? '')
          .trim()
          .toLowerCase()
      ];
    if (id === '' || seen.has(id))
      throw new InputError('E_UNIT_ID', id === '' ? 'missing id' : `duplicate id "${id}"`, {
        ...where,
        column: 'id',
      });
    seen.add(id);
    if (level === undefined)
      throw new InputError(
        'E_UNIT_LEVEL',
        `level "${String(p.level ?? '')}" is not one of ${UNIT_LEVELS.join('|')}|区县|街道|乡镇|社区|村`,
        { ...where, column: 'level' },
      );
    const g = f.geometry;
    const polygons =
      g?.type === 'Polygon'
        ? [g.coordinates]
        : g?.type === 'MultiPolygon'
          ? g.coordinates
          : undefined;
    if (!Array.isArray(polygons))
      throw new InputError('E_BAD_GEOJSON', 'geometry is not a Polygon or MultiPolygon', {
        ...where,
        column: 'geometry',
      });
    const coordinates = (polygons as number[][][][]).map((poly) =>
      poly.map((ring) => ring.map(([x, y]) => [round7(x), round7(y)])),
    );
    const properties: UnitProperties = { id, name: String(p.name ?? id), level, derived: false };
    if (p.parentId !== undefined && p.parentId !== null) properties.parentId = String(p.parentId);
    if (p.areaType !== undefined && p.areaType !== null && p.areaType !== '') {
      const areaType = AREA_TYPES[String(p.areaType).trim().toLowerCase()];
      if (areaType === undefined)
        throw new InputError(
          'E_UNIT_AREA_TYPE',
          `areaType "${String(p.areaType)}" is not urban|rural|城市|城镇|农村`,
          { ...where, column: 'areaType' },
        );
      properties.areaType = areaType;
    }
    if (p.newResidential !== undefined && p.newResidential !== null && p.newResidential !== '') {
      const flag = YES_NO[String(p.newResidential).trim().toLowerCase()];
      if (flag === undefined)
        throw new InputError(
          'E_UNIT_NEW_RESIDENTIAL',
          `newResidential "${String(p.newResidential)}" is not true|false|是|否`,
          { ...where, column: 'newResidential' },
        );
      properties.newResidential = flag;
    }
    return { properties, coordinates, cells: [] };
  });
  const index = (tier: 'street' | 'community'): Indexed[] =>
    units
      .filter((u) => unitTier(u.properties.level) === tier)
      .map((unit) => ({ unit, bbox: bboxOf(unit.coordinates.flat(2) as LonLat[]) as BBox }));
  const communities = index('community');
  const streets = index('street');
  if (communities.length === 0)
    throw new InputError('E_UNIT_LEVEL', 'no community-level (社区 or 村) units', {
      file,
      column: 'level',
    });
  const find = (list: Indexed[], point: LonLat) =>
    list.find(
      ({ unit, bbox: [w, s, e, n] }) =>
        point[0] >= w &&
        point[0] <= e &&
        point[1] >= s &&
        point[1] <= n &&
        inPolygons(point, unit.coordinates),
    )?.unit;
  return {
    units,
    locate(lon, lat) {
      const community = find(communities, [lon, lat]);
      if (community === undefined) return null;
      const street = find(streets, [lon, lat]);
      return {
        unitId: community.properties.id,
        streetId: street?.properties.id ?? community.properties.parentId ?? '',
      };
    },
  };
}
