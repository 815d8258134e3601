import { reasons, warnings as warningsOf } from '../import/reasons.ts';
import { isEmpty } from './build-table.ts';
import {
  GEOMETRY_LAT_COLUMN,
  GEOMETRY_LON_COLUMN,
  type RawRow,
  type RawTable,
  type Rejection,
} from './types.ts';

type Position = number[];
interface GeometryLike {
  type?: unknown;
  coordinates?: unknown;
}
export interface FeatureLike {
  geometry?: GeometryLike | null;
  properties?: Record<string, unknown> | null;
}

type TableMeta = Pick<
  RawTable,
  'format' | 'encoding' | 'encodingEvidence' | 'sheetNames' | 'sheet'
>;

/**
 * Turns GeoJSON-like features (from a .geojson file or a Shapefile) into a RawTable: one column
 * per property key (in order of first appearance) plus geometry_lon / geometry_lat. Points give
 * their coordinates; polygons their area-weighted centroid (a facility or unit drawn as an
 * outline); anything else is a row problem. Row numbers are feature numbers (1-based).
 */
export function featuresToTable(features: FeatureLike[], meta: TableMeta): RawTable {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const key of Object.keys(f.properties ?? {})) {
      if (!seen.has(key) && key !== GEOMETRY_LON_COLUMN && key !== GEOMETRY_LAT_COLUMN) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const columns = [...keys, GEOMETRY_LON_COLUMN, GEOMETRY_LAT_COLUMN];
  const rows: RawRow[] = [];
  const emptyRows: number[] = [];
  let centroids = 0;
  features.forEach((feature, index) => {
    const row = index + 1;
    const props = feature.properties ?? {};
    const cells = keys.map((k) => propertyText(props[k]));
    const point = representativePoint(feature.geometry ?? null);
    const problems: Rejection[] = [];
    if (point.kind === 'centroid') centroids++;
    if (point.kind === 'point' || point.kind === 'centroid')
      cells.push(String(point.lon), String(point.lat));
    else cells.push('', '');
    if (isEmpty(cells) && point.kind === 'missing') {
      emptyRows.push(row);
      return;
    }
    if (point.kind === 'missing')
      problems.push({ row, column: 'geometry', value: '', reason: reasons.missingGeometry() });
    if (point.kind === 'unsupported')
      problems.push({
        row,
        column: 'geometry',
        value: point.type,
        reason: reasons.geometryType(point.type),
      });
    const rawRow: RawRow = problems.length > 0 ? { row, cells, problems } : { row, cells };
    // Which part of a multipolygon is the facility the data cannot say: the largest, flagged.
    if (point.kind === 'centroid' && point.parts > 1) {
      rawRow.warnings = [
        {
          row,
          column: 'geometry',
          value: `MultiPolygon (${point.parts})`,
          reason: warningsOf.largestPart(point.parts),
        },
      ];
    }
    rows.push(rawRow);
  });
  const warnings =
    centroids > 0 ? [`${centroids} polygon features placed at their centroid (面要素取质心)`] : [];
  return { ...meta, columns, originalColumns: columns, headerRow: 0, rows, emptyRows, warnings };
}

/** Property values as text; objects as JSON so that nothing is lost. */
function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : localDate(value);
  return JSON.stringify(value);
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

type Representative =
  | { kind: 'point'; lon: number; lat: number }
  | { kind: 'centroid'; lon: number; lat: number; parts: number }
  | { kind: 'missing' }
  | { kind: 'unsupported'; type: string };

function representativePoint(geometry: GeometryLike | null): Representative {
  if (geometry === null || geometry.type === undefined) return { kind: 'missing' };
  const c = geometry.coordinates;
  const type = String(geometry.type);
  if (type === 'Point' && isPosition(c)) return { kind: 'point', lon: c[0], lat: c[1] };
  if (type === 'MultiPoint' && Array.isArray(c) && c.length === 1 && isPosition(c[0])) {
    return { kind: 'point', lon: c[0][0], lat: c[0][1] };
  }
  if (type === 'Polygon' && Array.isArray(c)) return centroidOf([c as Position[][]], type);
  if (type === 'MultiPolygon' && Array.isArray(c)) return largestPart(c as Position[][][], type);
  return { kind: 'unsupported', type };
}

function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number'
  );
}

/** The centroid of the part with the largest area (a centroid between parts lies in neither). */
function largestPart(polygons: Position[][][], type: string): Representative {
  let best: Representative | undefined;
  let bestArea = -1;
  for (const polygon of polygons) {
    const part = centroidOf([polygon], type);
    if (part.kind !== 'centroid') return part;
    if (part.area > bestArea) {
      best = part;
      bestArea = part.area;
    }
  }
  if (best === undefined || best.kind !== 'centroid')
    return { kind: 'unsupported', type: `${type} (empty)` };
  return { kind: 'centroid', lon: best.lon, lat: best.lat, parts: polygons.length };
}

/** Area-weighted centroid of the outer rings minus holes (planar, fine at city scale). */
function centroidOf(
  polygons: Position[][][],
  type: string,
):
  | (Representative & { kind: 'centroid'; area: number })
  | Exclude<Representative, { kind: 'centroid' }> {
  let area = 0;
  let cx = 0;
  let cy = 0;
  let origin: Position | undefined;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) return { kind: 'unsupported', type };
    for (const ring of polygon) {
      if (!Array.isArray(ring) || !ring.every(isPosition)) return { kind: 'unsupported', type };
      // Relative to the first vertex: the shoelace sums lose digits on raw 118°/32° values.
      origin ??= ring[0];
      const [ox, oy] = origin ?? [0, 0];
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xj, yj, xi, yi] = [
          ring[j][0] - ox,
          ring[j][1] - oy,
          ring[i][0] - ox,
          ring[i][1] - oy,
        ];
        const cross = xj * yi - xi * yj;
        area += cross;
        cx += (xj + xi) * cross;
        cy += (yj + yi) * cross;
      }
    }
  }
  if (area === 0 || !Number.isFinite(area) || origin === undefined)
    return { kind: 'unsupported', type: `${type} (empty)` };
  return {
    kind: 'centroid',
    lon: origin[0] + cx / (3 * area),
    lat: origin[1] + cy / (3 * area),
    parts: 1,
    area: Math.abs(area),
  };
}
