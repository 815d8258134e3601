import { cellToLatLng, getHexagonEdgeLengthAvg, gridDisk, latLngToCell } from 'h3-js';
import { haversineM } from '../routing/geo.ts';

export interface RadiusPairs {
  facilityId: string[];
  h3: string[];
  distanceM: number[];
}

export interface RadiusOrigin {
  id: string;
  lon: number;
  lat: number;
}

/**
 * Every H3 cell whose centre lies within `radiusM` of a facility, as the crow flies (haversine).
 * Candidate cells come from a grid disk around the facility's cell, wide enough for the radius
 * plus one ring of slack for H3's distortion; the distance test is exact.
 */
export function cellsWithinRadius(
  origins: readonly RadiusOrigin[],
  resolution: number,
  radiusM: number,
): RadiusPairs {
  const out: RadiusPairs = { facilityId: [], h3: [], distanceM: [] };
  const centreSpacing = Math.sqrt(3) * getHexagonEdgeLengthAvg(resolution, 'm');
  const rings = Math.ceil(radiusM / (0.8 * centreSpacing)) + 1;
  const centres = new Map<string, [number, number]>();
  for (const origin of origins) {
    const home = latLngToCell(origin.lat, origin.lon, resolution);
    for (const cell of gridDisk(home, rings)) {
      let centre = centres.get(cell);
      if (centre === undefined) {
        centre = cellToLatLng(cell);
        centres.set(cell, centre);
      }
      const distance = haversineM(origin.lon, origin.lat, centre[1], centre[0]);
      if (distance <= radiusM) {
        out.facilityId.push(origin.id);
        out.h3.push(cell);
        out.distanceM.push(distance);
      }
    }
  }
  return out;
}
