import { InputError } from '../../errors.ts';
import { decodeText } from './decode-text.ts';
import { type FeatureLike, featuresToTable } from './features-table.ts';
import type { RawTable } from './types.ts';

/** Names of the 2008 GeoJSON "crs" member that still mean plain longitude/latitude. */
const LONLAT_CRS = /CRS84|EPSG:*4326|EPSG:*4490|WGS.?84/i;

/**
 * Far beyond any GeoJSON (a MultiPolygon's coordinates sit 7 levels down), far below what the
 * recursive steps after parsing (property values as JSON text) can take before the stack ends.
 */
const MAX_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects, outside strings; stops counting past `limit`. One
 * pass over the text, no recursion.
 */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/** Reads a GeoJSON FeatureCollection (or a single Feature) of points or polygons. */
export function readGeoJson(bytes: Uint8Array, options: { fileName?: string } = {}): RawTable {
  const location = options.fileName === undefined ? {} : { file: options.fileName };
  const decoded = decodeText(bytes, options.fileName);
  const depth = nestingDepth(decoded.text, MAX_DEPTH);
  if (depth > MAX_DEPTH) {
    throw new InputError(
      'E_TOO_DEEP',
      `JSON nested more than ${MAX_DEPTH} levels deep; GeoJSON needs at most about 10; JSON 嵌套层数过多`,
      location,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (error) {
    throw new InputError(
      'E_BAD_JSON',
      `not valid JSON (${(error as Error).message}); JSON 格式错误`,
      location,
    );
  }
  const object = (typeof json === 'object' && json !== null ? json : {}) as {
    type?: unknown;
    features?: unknown;
    crs?: { properties?: { name?: unknown } };
  };
  let features: FeatureLike[];
  if (object.type === 'FeatureCollection' && Array.isArray(object.features)) {
    features = object.features.map((f) =>
      typeof f === 'object' && f !== null ? (f as FeatureLike) : {},
    );
  } else if (object.type === 'Feature') {
    features = [object as FeatureLike];
  } else {
    throw new InputError(
      'E_NOT_FEATURES',
      'GeoJSON must be a FeatureCollection or a Feature; 需要 FeatureCollection',
      location,
    );
  }
  const crsName = object.crs?.properties?.name;
  if (typeof crsName === 'string' && !LONLAT_CRS.test(crsName)) {
    throw new InputError(
      'E_PROJECTED_CRS',
      `GeoJSON declares crs "${crsName}"; only longitude/latitude (WGS-84, GCJ-02, BD-09) can be imported — reproject it first; 请先转换为经纬度`,
      location,
    );
  }
  if (features.length === 0) {
    throw new InputError(
      'E_EMPTY_FILE',
      'the FeatureCollection has no features; 没有要素',
      location,
    );
  }
  return featuresToTable(features, {
    format: 'geojson',
    encoding: decoded.encoding,
    encodingEvidence: decoded.evidence,
    sheetNames: [],
  });
}
