import { cellToLatLng, polygonToCells } from 'h3-js';
import type { BuildingProperties } from '../city/types.ts';
import type { SitingCandidate } from './optimise-types.ts';

/**
 * Candidate sites for the optimiser, from two pure sources: buildings (residential, vacant or
 * disused: where a neighbourhood point or station can plausibly rent a ground floor) and a
 * regular H3 grid (cell centres), both kept only when a road is within snapping distance, so
 * every candidate can start a network search. Hosts pass lists and a distance callback
 * (routing's snapper), never files.
 */
export interface BuildingSite {
  properties: BuildingProperties;
  /** Representative point of the footprint (a point inside it, holes honoured: interiorPoint). */
  lon: number;
  lat: number;
}

export interface CandidateOptions {
  /** Distance in metres from a point to the nearest routable road (routing's snapper). */
  distanceToRoadM: (lon: number, lat: number) => number;
  /** Farther than this from a road, a point is not a candidate (default 150 m). */
  maxSnapM?: number;
  /** Unit id containing a point, for per-unit constraints. */
  unitOf?: (lon: number, lat: number) => string | undefined;
  /** Buildings whose ground footprint is smaller are skipped (default 30 m², a 睦邻点). */
  minFootprintM2?: number;
}

const VACANT_TAGS = new Set(['vacant', 'disused', 'abandoned', 'construction']);

export function isCandidateBuilding(b: BuildingProperties): boolean {
  return b.residential || VACANT_TAGS.has(b.building);
}

/**
 * Usable area of a building candidate: floors 1–2 only, because the standards (e.g. Haining:
 * 睦邻点 and 养老驿站 on floors 1–2) rule out upper floors without a lift.
 */
export function usableLowFloorAreaM2(b: BuildingProperties): number {
  return b.footprintM2 * Math.min(Math.max(b.levels, 1), 2);
}

export function candidatesFromBuildings(
  buildings: readonly BuildingSite[],
  options: CandidateOptions,
): SitingCandidate[] {
  const maxSnap = options.maxSnapM ?? 150;
  const minFootprint = options.minFootprintM2 ?? 30;
  const out: SitingCandidate[] = [];
  for (const { properties, lon, lat } of buildings) {
    if (!isCandidateBuilding(properties) || properties.footprintM2 < minFootprint) continue;
    if (!(options.distanceToRoadM(lon, lat) <= maxSnap)) continue;
    out.push({
      id: `B${properties.id}`,
      lon,
      lat,
      floorAreaM2: Math.round(usableLowFloorAreaM2(properties)),
      ...unitField(options, lon, lat),
      source: `building:${properties.id}`,
    });
  }
  return out;
}

/** H3 cell centres at `resolution` inside bbox [west, south, east, north], near a road. */
export function candidatesFromGrid(
  bbox: readonly [number, number, number, number],
  resolution: number,
  options: CandidateOptions,
): SitingCandidate[] {
  const [west, south, east, north] = bbox;
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  const cells = polygonToCells([ring], resolution, true).sort();
  const maxSnap = options.maxSnapM ?? 150;
  const out: SitingCandidate[] = [];
  for (const cell of cells) {
    const [lat, lon] = cellToLatLng(cell);
    if (!(options.distanceToRoadM(lon, lat) <= maxSnap)) continue;
    out.push({ id: `G${cell}`, lon, lat, ...unitField(options, lon, lat), source: `grid:${cell}` });
  }
  return out;
}

function unitField(options: CandidateOptions, lon: number, lat: number): { unitId?: string } {
  const unitId = options.unitOf?.(lon, lat);
  return unitId === undefined ? {} : { unitId };
}

/** Drops later candidates closer than `minSpacingM` to an earlier one (grid vs building overlap). */
export function dedupeCandidates(
  candidates: readonly SitingCandidate[],
  minSpacingM: number,
): SitingCandidate[] {
  const cellDeg = minSpacingM / 111_320;
  const buckets = new Map<string, SitingCandidate[]>();
  const kept: SitingCandidate[] = [];
  for (const c of candidates) {
    const bx = Math.floor(c.lon / cellDeg);
    const by = Math.floor(c.lat / cellDeg);
    let clash = false;
    for (let dx = -1; dx <= 1 && !clash; dx++) {
      for (let dy = -1; dy <= 1 && !clash; dy++) {
        for (const other of buckets.get(`${bx + dx},${by + dy}`) ?? []) {
          if (metres(c, other) < minSpacingM) clash = true;
        }
      }
    }
    if (clash) continue;
    kept.push(c);
    const key = `${bx},${by}`;
    buckets.set(key, [...(buckets.get(key) ?? []), c]);
  }
  return kept;
}

function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const kx = 111_320 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot((a.lon - b.lon) * kx, (a.lat - b.lat) * 111_320);
}
