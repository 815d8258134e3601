import type { RoadGraph } from '../graph/types.ts';
import { type CellLinks, cellLinks } from './cell-links.ts';
import type { TravelProfile } from './profiles.ts';
import {
  checkMinutes,
  facilityReach,
  type NearestRow,
  nearestFacility,
  type ReachRow,
} from './reach.ts';
import type { Origin, UnreachableOrigin } from './surface.ts';

/** Standard service-circle thresholds (minutes); any other list of minutes is accepted too. */
export const STANDARD_THRESHOLDS = [5, 10, 15, 30] as const;

export interface ServiceCircleOptions {
  profile: TravelProfile;
  /** Thresholds in minutes, e.g. [5, 10, 15]. */
  minutes: readonly number[];
  /** H3 resolution: 10 for walking circles (default), 9 for 30-minute rural work. */
  resolution?: number;
  maxSnapM?: number;
  /** Precomputed links (skips the per-graph cache lookup). */
  links?: CellLinks;
  /** Also compute per-facility reach (one search per facility). Default true. */
  overlap?: boolean;
}

export interface ServiceCircles {
  profile: string;
  resolution: number;
  thresholds: number[];
  /** Nearest-facility assignment: each reached cell once, with its nearest facility. */
  split: NearestRow[];
  /** Per-facility reach: every (facility, cell) pair within the largest threshold. */
  overlap: ReachRow[];
  unreachable: UnreachableOrigin[];
}

/**
 * Service circles of a set of facilities up to the largest threshold. The dissolved union at
 * any threshold T is `cellsWithin(result.split, T)` (the split rows hold each cell's minimum).
 */
export function serviceCircles(
  graph: RoadGraph,
  origins: readonly Origin[],
  options: ServiceCircleOptions,
): ServiceCircles {
  const thresholds = [...new Set(options.minutes)].sort((a, b) => a - b);
  for (const minutes of thresholds) checkMinutes(minutes);
  const maxMinutes = thresholds.length > 0 ? thresholds[thresholds.length - 1] : 0;
  const links =
    options.links ??
    cellLinks(graph, { resolution: options.resolution ?? 10, maxSnapM: options.maxSnapM });
  const reachOptions = { profile: options.profile, maxMinutes };
  const nearest = nearestFacility(graph, links, origins, reachOptions);
  const overlap =
    options.overlap === false ? [] : facilityReach(graph, links, origins, reachOptions).rows;
  return {
    profile: options.profile.name,
    resolution: links.resolution,
    thresholds,
    split: thresholds.length > 0 ? nearest.cells : [],
    overlap: thresholds.length > 0 ? overlap : [],
    unreachable: nearest.unreachable,
  };
}

/** H3 cells reached within `minutes` (dissolved union at one threshold). */
export function cellsWithin(
  rows: readonly { h3: string; minutes: number }[],
  minutes: number,
): string[] {
  return rows.filter((row) => row.minutes <= minutes).map((row) => row.h3);
}
