import { InputError } from '../errors.ts';
import type { RoadGraph } from '../graph/types.ts';
import type { CellLinks } from './cell-links.ts';
import { accessCost, costToMinutes, minutesToCost, type TravelProfile } from './profiles.ts';
import { type Origin, snapOrigins, surfaceEngine, type UnreachableOrigin } from './surface.ts';

/** One facility reaches one cell within `minutes` (the "overlap" view: a cell may repeat). */
export interface ReachRow {
  facilityId: string;
  h3: string;
  minutes: number;
}

/** A cell's nearest facility (the "split" view: each cell once). */
export interface NearestRow {
  h3: string;
  minutes: number;
  facilityId: string;
}

export interface ReachOptions {
  profile: TravelProfile;
  maxMinutes: number;
}

/** Checks that a profile, a graph and its cell links belong together; throws otherwise. */
export function checkRoutingInputs(
  graph: RoadGraph,
  links: CellLinks,
  options: ReachOptions,
): void {
  if (links.graph !== graph) throw new Error('cell links were built for another graph');
  if (options.profile.network !== graph.network) {
    throw new InputError(
      'E_PROFILE_NETWORK',
      `profile ${options.profile.name} needs the ${options.profile.network} graph, got ${graph.network}`,
      { column: 'profile' },
    );
  }
  checkMinutes(options.maxMinutes);
}

export function checkMinutes(minutes: number): void {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new InputError('E_BAD_MINUTES', `minutes must be a number ≥ 0, got ${minutes}`, {
      column: 'minutes',
    });
  }
}

/**
 * Per-facility reach: for every facility, every cell it reaches within maxMinutes. One bounded
 * search per facility, so a scenario edit can recompute just the facilities it touches.
 * Rows are ordered by facility (input order), then by H3 index.
 */
export function facilityReach(
  graph: RoadGraph,
  links: CellLinks,
  facilities: readonly Origin[],
  options: ReachOptions,
): { rows: ReachRow[]; unreachable: UnreachableOrigin[] } {
  checkRoutingInputs(graph, links, options);
  const { profile } = options;
  const maxCost = minutesToCost(profile, options.maxMinutes);
  const { snapped, unreachable } = snapOrigins(graph, facilities, links.maxSnapM);
  const engine = surfaceEngine(links);
  const rows: ReachRow[] = [];
  for (const origin of snapped) {
    engine.compute([origin], profile, maxCost);
    const start = rows.length;
    for (let k = 0; k < engine.touchedCellCount; k++) {
      const c = engine.touchedCells[k];
      const cost = engine.cellCost[c];
      if (cost <= maxCost) {
        rows.push({
          facilityId: origin.id,
          h3: links.cells[c],
          minutes: costToMinutes(profile, cost),
        });
      }
    }
    sortByCell(rows, start);
  }
  return { rows, unreachable };
}

/**
 * Nearest facility per cell within maxMinutes: one multi-source search over all facilities.
 * Ties go to the facility settled first (deterministic for a given input order).
 */
export function nearestFacility(
  graph: RoadGraph,
  links: CellLinks,
  facilities: readonly Origin[],
  options: ReachOptions,
): { cells: NearestRow[]; unreachable: UnreachableOrigin[] } {
  checkRoutingInputs(graph, links, options);
  const { profile } = options;
  const maxCost = minutesToCost(profile, options.maxMinutes);
  const { snapped, unreachable } = snapOrigins(graph, facilities, links.maxSnapM);
  const engine = surfaceEngine(links);
  engine.compute(snapped, profile, maxCost);
  const cells: NearestRow[] = [];
  for (let k = 0; k < engine.touchedCellCount; k++) {
    const c = engine.touchedCells[k];
    const cost = engine.cellCost[c];
    if (cost <= maxCost) {
      const facilityId = facilities[engine.cellLabel[c]].id;
      cells.push({ h3: links.cells[c], minutes: costToMinutes(profile, cost), facilityId });
    }
  }
  cells.sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
  return { cells, unreachable };
}

function sortByCell(rows: ReachRow[], start: number): void {
  const tail = rows.splice(start).sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
  for (const row of tail) rows.push(row);
}

/** Where an origin joins the network: its snapped edge, position on it and arrival minutes. */
export interface OriginStart {
  edge: number;
  t: number;
  minutes: number;
}

/**
 * Minutes from the nearest origin to every node (Infinity beyond maxMinutes or unreachable):
 * the node-level surface, e.g. for edge buffers or checks against another router.
 */
export function nodeMinutes(
  graph: RoadGraph,
  links: CellLinks,
  origins: readonly Origin[],
  options: ReachOptions,
): { minutes: Float64Array; starts: OriginStart[]; unreachable: UnreachableOrigin[] } {
  checkRoutingInputs(graph, links, options);
  const { profile } = options;
  const maxCost = minutesToCost(profile, options.maxMinutes);
  const { snapped, unreachable } = snapOrigins(graph, origins, links.maxSnapM);
  const engine = surfaceEngine(links);
  engine.compute(snapped, profile, maxCost);
  const minutes = new Float64Array(graph.nodeCount).fill(Number.POSITIVE_INFINITY);
  const { dist, touched } = engine.search;
  for (let k = 0; k < engine.search.touchedCount; k++) {
    const node = touched[k];
    if (dist[node] <= maxCost) minutes[node] = costToMinutes(profile, dist[node]);
  }
  const starts = snapped.map(({ snap }) => ({
    edge: snap.edge,
    t: snap.t,
    minutes: costToMinutes(profile, accessCost(profile, snap.distanceM)),
  }));
  return { minutes, starts, unreachable };
}
