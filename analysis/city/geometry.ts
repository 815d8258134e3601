/**
 * Small planar helpers for city building. Areas and lengths use a local equirectangular
 * projection around each ring: at the scale of one building or block (< 5 km) the error is far
 * below the uncertainty of OSM footprints.
 */
export type LonLat = [number, number];
export type Ring = LonLat[];

const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/** Rounds a coordinate to 7 decimals (≈ 1 cm), the precision of every file we write. */
export function round7(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

export function roundCoord([lon, lat]: LonLat): LonLat {
  return [round7(lon), round7(lat)];
}

/** Absolute area of a ring in m² (shoelace on a local equirectangular projection). */
export function ringAreaM2(ring: Ring): number {
  if (ring.length < 3) return 0;
  const lat0 = ring[0][1] * DEG;
  const kx = Math.cos(lat0) * DEG * EARTH_RADIUS_M;
  const ky = DEG * EARTH_RADIUS_M;
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0] * kx;
    const yi = ring[i][1] * ky;
    const xj = ring[j][0] * kx;
    const yj = ring[j][1] * ky;
    twice += xj * yi - xi * yj;
  }
  return Math.abs(twice) / 2;
}

/** Area-weighted centroid of a ring; falls back to the vertex mean for degenerate rings. */
export function ringCentroid(ring: Ring): LonLat {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const [ox, oy] = ring[0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0] - ox;
    const yi = ring[i][1] - oy;
    const xj = ring[j][0] - ox;
    const yj = ring[j][1] - oy;
    const f = xj * yi - xi * yj;
    a += f;
    cx += (xi + xj) * f;
    cy += (yi + yj) * f;
  }
  if (Math.abs(a) < 1e-18) {
    const n = ring.length;
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  return [ox + cx / (3 * a), oy + cy / (3 * a)];
}

/** Even-odd point-in-ring test. */
export function pointInRing([x, y]: LonLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLon = (b[0] - a[0]) * DEG;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type BBox = [number, number, number, number];

export function bboxOf(points: Iterable<LonLat>): BBox | null {
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return w === Number.POSITIVE_INFINITY ? null : [w, s, e, n];
}

/**
 * A point inside the polygon (outer ring minus holes): its centroid when that lies inside, else
 * the middle of the widest interior stretch of the horizontal line through the centroid
 * (L-shaped and courtyard buildings). Even-odd over all rings, so holes are honoured.
 */
export function interiorPoint(outer: Ring, holes: readonly Ring[] = []): LonLat {
  const c = ringCentroid(outer);
  const rings = [outer, ...holes];
  if (rings.filter((ring) => pointInRing(c, ring)).length % 2 === 1) return c;
  const y = c[1];
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  let best: LonLat = c;
  let width = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1] - xs[k] > width) {
      width = xs[k + 1] - xs[k];
      best = [(xs[k] + xs[k + 1]) / 2, y];
    }
  }
  return best;
}
