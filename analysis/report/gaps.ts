import { cellToLatLng, gridDisk, isValidCell } from 'h3-js';
import type { AnalysisResult } from '../coverage/analyse-city.ts';

/**
 * Groups of neighbouring populated cells with no facility within `minutes` (walk-elderly), most
 * elders first: where the report says the gaps are. The engine's own clusters use the profile's
 * cluster threshold, which may cover everyone; the report asks at the threshold that still
 * leaves elders outside.
 */
export interface UncoveredCluster {
  rank: number;
  cells: string[];
  elders60: number;
  /** Elder-weighted centre [lon, lat]. */
  center: [number, number];
  unitIds: string[];
}

export function uncoveredClusters(
  result: AnalysisResult,
  minutes: number,
  limit = 6,
): UncoveredCluster[] {
  const outside = new Map(
    result.cells
      .filter(
        (c) =>
          c.elders60 > 0 &&
          isValidCell(c.h3) &&
          (c.minutesNearest === null || c.minutesNearest > minutes),
      )
      .map((c) => [c.h3, c]),
  );
  const seen = new Set<string>();
  const groups: UncoveredCluster[] = [];
  for (const start of outside.keys()) {
    if (seen.has(start)) continue;
    const stack = [start];
    seen.add(start);
    const cells: string[] = [];
    while (stack.length > 0) {
      const h = stack.pop() as string;
      cells.push(h);
      for (const n of gridDisk(h, 1)) {
        if (!seen.has(n) && outside.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    let elders = 0;
    let lon = 0;
    let lat = 0;
    const units = new Set<string>();
    for (const h of cells) {
      const c = outside.get(h);
      if (c === undefined) continue;
      const [y, x] = cellToLatLng(h);
      elders += c.elders60;
      lon += x * c.elders60;
      lat += y * c.elders60;
      if (c.unitId !== '') units.add(c.unitId);
    }
    groups.push({
      rank: 0,
      cells: cells.sort(),
      elders60: elders,
      center: [lon / elders, lat / elders],
      unitIds: [...units].sort(),
    });
  }
  groups.sort((a, b) => b.elders60 - a.elders60 || a.cells[0].localeCompare(b.cells[0]));
  return groups.slice(0, limit).map((g, i) => ({ ...g, rank: i + 1 }));
}
