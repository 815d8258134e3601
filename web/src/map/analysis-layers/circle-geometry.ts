import { cellsToMultiPolygon } from 'h3-js';

/** A multipolygon in GeoJSON nesting ([polygon][ring][point] = [lon, lat]). */
export type MultiPolygonCoords = number[][][][];

export interface Band {
  minutes: number;
  /** Cells reached within `minutes`. */
  cells: number;
  polygon: MultiPolygonCoords;
}

export interface FacilityBand extends Band {
  facilityId: string;
}

const ascending = (list: readonly number[]) => [...new Set(list)].sort((a, b) => a - b);

/** The union of cells within each threshold (holes kept), largest threshold first. */
export function dissolvedBands(
  rows: readonly { h3: string; minutes: number }[],
  thresholds: readonly number[],
): Band[] {
  return ascending(thresholds)
    .reverse()
    .map((minutes) => {
      const cells = rows.filter((r) => r.minutes <= minutes).map((r) => r.h3);
      return { minutes, cells: cells.length, polygon: cellsToMultiPolygon(cells, true) };
    })
    .filter((band) => band.cells > 0);
}

/** One outline per facility and threshold (the overlap view), largest threshold first. */
export function facilityBands(
  rows: readonly { facilityId: string; h3: string; minutes: number }[],
  thresholds: readonly number[],
): FacilityBand[] {
  const byFacility = new Map<string, { h3: string; minutes: number }[]>();
  for (const row of rows) {
    const list = byFacility.get(row.facilityId);
    if (list === undefined) byFacility.set(row.facilityId, [row]);
    else list.push(row);
  }
  const out: FacilityBand[] = [];
  for (const minutes of ascending(thresholds).reverse()) {
    for (const [facilityId, list] of byFacility) {
      const cells = list.filter((r) => r.minutes <= minutes).map((r) => r.h3);
      if (cells.length > 0)
        out.push({
          facilityId,
          minutes,
          cells: cells.length,
          polygon: cellsToMultiPolygon(cells, true),
        });
    }
  }
  return out;
}

/** How many cells each facility holds in a split (for the legend and tooltips). */
export function splitCounts(
  rows: readonly { facilityId: string; minutes: number }[],
  maxMinutes: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows)
    if (row.minutes <= maxMinutes)
      counts.set(row.facilityId, (counts.get(row.facilityId) ?? 0) + 1);
  return counts;
}

/** Bounding box [west, south, east, north] of a multipolygon or of cell polygons. */
export function bboxOf(polygon: MultiPolygonCoords): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const poly of polygon)
    for (const ring of poly)
      for (const [lon, lat] of ring) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
