/**
 * Distance from a point to the nearest road, for CRS detection: the true CRS is the one whose
 * converted points sit closest to the city's (WGS-84) roads. A uniform grid of segments is
 * plenty for this: a few thousand queries against a district's roads.
 */
export type DistanceToRoads = (lon: number, lat: number) => number;

type Position = number[];

/** Answers beyond this are capped: a point 2 km from any road is simply "far". */
export const MAX_ROAD_DISTANCE_M = 2000;
const CELL_M = 250;
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;

/**
 * Builds a distance function from road polylines (LineString / MultiLineString coordinates in
 * WGS-84). Returns undefined when there are no segments.
 */
export function roadDistanceIndex(lines: Position[][]): DistanceToRoads | undefined {
  const segments: number[] = [];
  let latSum = 0;
  let count = 0;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      segments.push(line[i - 1][0], line[i - 1][1], line[i][0], line[i][1]);
      latSum += line[i][1];
      count++;
    }
  }
  if (count === 0) return undefined;
  const kx = M_PER_DEG_LON_EQUATOR * Math.cos(((latSum / count) * Math.PI) / 180);
  const ky = M_PER_DEG_LAT;
  // Project once into local metres (equirectangular about the mean latitude: < 0.5 % error
  // within a city, far below the 100+ m offsets being told apart).
  const xy = segments.map((v, i) => (i % 2 === 0 ? v * kx : v * ky));
  const grid = new Map<string, number[]>();
  for (let s = 0; s < count; s++) {
    const [x1, y1, x2, y2] = xy.slice(s * 4, s * 4 + 4);
    for (let cx = cell(Math.min(x1, x2)); cx <= cell(Math.max(x1, x2)); cx++) {
      for (let cy = cell(Math.min(y1, y2)); cy <= cell(Math.max(y1, y2)); cy++) {
        const key = `${cx},${cy}`;
        const bucket = grid.get(key);
        if (bucket === undefined) grid.set(key, [s]);
        else bucket.push(s);
      }
    }
  }
  const maxRing = Math.ceil(MAX_ROAD_DISTANCE_M / CELL_M);
  return (lon: number, lat: number): number => {
    const px = lon * kx;
    const py = lat * ky;
    const cx = cell(px);
    const cy = cell(py);
    let best = Number.POSITIVE_INFINITY;
    for (let ring = 0; ring <= maxRing; ring++) {
      // Every segment in ring r is at least (r-1) cells away: stop once that exceeds the best.
      if ((ring - 1) * CELL_M > best) break;
      for (let dx = -ring; dx <= ring; dx++) {
        for (let dy = -ring; dy <= ring; dy++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
          for (const s of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            const d = pointSegment(px, py, xy[s * 4], xy[s * 4 + 1], xy[s * 4 + 2], xy[s * 4 + 3]);
            if (d < best) best = d;
          }
        }
      }
    }
    return Math.min(best, MAX_ROAD_DISTANCE_M);
  };
}

function cell(metres: number): number {
  return Math.floor(metres / CELL_M);
}

function pointSegment(
  px: number,
  py: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Collects polylines from a GeoJSON FeatureCollection of LineStrings/MultiLineStrings. */
export function roadLinesFromGeoJson(collection: unknown): Position[][] {
  const lines: Position[][] = [];
  const features = (collection as { features?: unknown }).features;
  if (!Array.isArray(features)) return lines;
  for (const feature of features) {
    const geometry = (feature as { geometry?: { type?: string; coordinates?: unknown } }).geometry;
    if (geometry?.type === 'LineString') lines.push(geometry.coordinates as Position[]);
    if (geometry?.type === 'MultiLineString') lines.push(...(geometry.coordinates as Position[][]));
  }
  return lines;
}
