import gcoord from 'gcoord';

/** Coordinate systems in use for Chinese web-map data. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS_LIST: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

export const CRS_LABELS: Record<Crs, { zh: string; en: string }> = {
  wgs84: { zh: 'WGS-84（GPS、天地图、OSM）', en: 'WGS-84 (GPS, Tianditu, OSM)' },
  gcj02: { zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (AMap, Tencent)' },
  bd09: { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
};

const GCOORD_CRS = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

/**
 * The area inside which GCJ-02/BD-09 offsets apply. It is gcoord's own test (a generous
 * rectangle), so that "in China" here means exactly "gcoord shifts this point".
 */
export function isInChinaBox(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

// 1e-7 degree ≈ 1 cm: converted coordinates are rounded so output files stay tidy and stable.
const CONVERTED_DECIMALS = 1e7;

/** Converts a lon/lat pair from `crs` to WGS-84; WGS-84 input is returned untouched. */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84);
  return [
    Math.round(x * CONVERTED_DECIMALS) / CONVERTED_DECIMALS,
    Math.round(y * CONVERTED_DECIMALS) / CONVERTED_DECIMALS,
  ];
}

/** The inverse, for tests and for showing a WGS-84 point on a GCJ-02 base map. */
export function fromWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, GCOORD_CRS[crs]);
  return [x, y];
}

export function parseCrs(text: string): Crs | undefined {
  const t = text.toLowerCase().replace(/[-_\s]/g, '');
  if (t === 'wgs84' || t === 'epsg4326' || t === 'wgs') return 'wgs84';
  if (t === 'gcj02' || t === 'gcj' || t === 'amap' || t === 'gaode') return 'gcj02';
  if (t === 'bd09' || t === 'bd09ll' || t === 'baidu') return 'bd09';
  return undefined;
}

export interface CrsHint {
  crs: Crs;
  /** Where the hint was found: a column header or the file name. */
  source: 'column' | 'file';
  text: string;
}

const HINT_PATTERNS: [RegExp, Crs][] = [
  [/bd09|bd_|^bd|百度|baidu/iu, 'bd09'],
  [/gcj|高德|gaode|amap|腾讯|tencent|火星/iu, 'gcj02'],
  [/wgs|gps|84坐标|天地图|tianditu|osm/iu, 'wgs84'],
];

/** CRS names written into headers ("bd_lng", "经度(高德)") or the file name. */
export function crsHints(columns: string[], fileName?: string): CrsHint[] {
  const hints: CrsHint[] = [];
  const probe = (text: string, source: CrsHint['source']) => {
    for (const [pattern, crs] of HINT_PATTERNS) {
      if (pattern.test(text)) {
        hints.push({ crs, source, text });
        return;
      }
    }
  };
  for (const column of columns) probe(column, 'column');
  if (fileName !== undefined) probe(fileName.replace(/^.*[\\/]/, ''), 'file');
  return hints;
}
