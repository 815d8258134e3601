/** Small-area geometry helpers: an equirectangular projection is exact enough within a city. */
export const EARTH_RADIUS_M = 6_371_008.8;
export const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

/** Local metric frame centred on a latitude: x = lon × kx, y = lat × ky (metres). */
export interface LocalFrame {
  kx: number;
  ky: number;
}

export function localFrame(latitude: number): LocalFrame {
  return { kx: METRES_PER_DEGREE * Math.cos((latitude * Math.PI) / 180), ky: METRES_PER_DEGREE };
}

/** Great-circle distance in metres. */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Offsets a point by metres east/north (for fixtures and synthetic cities). */
export function offsetLonLat(
  lon: number,
  lat: number,
  eastM: number,
  northM: number,
): [number, number] {
  const frame = localFrame(lat);
  return [lon + eastM / frame.kx, lat + northM / frame.ky];
}
