import { routingGraph } from '../graph/step-free.ts';
import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import { type CellLinks, cellLinks } from '../routing/cell-links.ts';
import {
  costToMinutes,
  minutesToCost,
  type RouteNetwork,
  type TravelProfile as RoutingProfile,
  routeNetwork,
  travelProfileAt,
} from '../routing/profiles.ts';
import { checkRoutingInputs } from '../routing/reach.ts';
import {
  type SnappedOrigin,
  type SurfaceEngine,
  snapOrigins,
  surfaceEngine,
  type UnreachableOrigin,
} from '../routing/surface.ts';
import { cityCells } from './city-cells.ts';
import type { CityInput, IndexedReachTable, ReachSource } from './types.ts';

export interface GraphReachSource {
  reach: ReachSource;
  /** Facilities farther than the snap limit from every road, per travel profile. */
  unreachable: Map<string, UnreachableOrigin[]>;
}

/** Search budgets get this relative slack so that a row exactly at the limit is never lost. */
const BUDGET_SLACK = 1 + 1e-9;

/**
 * Adapter from the routing engine (analysis/routing) to the coverage engine, linking only the
 * population cells (the only cells any metric reads). Per request it runs
 *  - one multi-source search per facility type up to `maxMinutes` (nearest minutes per cell), and
 *  - one bounded search per facility only up to `facilityMinutes` (2SFCA, detour check),
 * and returns typed arrays keyed by cell and facility position. Graphs are loaded by the host
 * (files in Node, fetch in the browser).
 */
export function graphReachSource(
  input: CityInput,
  graphs: Partial<Record<NetworkProfile, RoadGraph>>,
  options: { maxSnapM?: number } = {},
): GraphReachSource {
  const networks = new Map<
    RouteNetwork,
    { links: CellLinks; snapped: SnappedOrigin[]; unreachable: UnreachableOrigin[] }
  >();
  const unreachable = new Map<string, UnreachableOrigin[]>();
  const cells = cityCells(input.cells).h3;
  const reach: ReachSource = (request) => {
    const profile = travelProfileAt(request.profile, request.walkingSpeedMps);
    const graph = routingGraph(graphs, profile);
    if (graph === undefined)
      throw new Error(`no ${profile.network} graph given for ${request.profile}`);
    let network = networks.get(routeNetwork(profile));
    if (network === undefined) {
      const links = cellLinks(graph, {
        resolution: input.h3Resolution,
        cells,
        maxSnapM: options.maxSnapM,
      });
      // Snapping depends on the graph only: walk and walk-elderly share it.
      network = { links, ...snapOrigins(graph, input.facilities, links.maxSnapM) };
      networks.set(routeNetwork(profile), network);
    }
    unreachable.set(request.profile, network.unreachable);
    checkRoutingInputs(graph, network.links, { profile, maxMinutes: request.maxMinutes });
    const engine = surfaceEngine(network.links);
    const table = perFacilityRows(engine, network.snapped, profile, request.facilityMinutes);
    table.nearestByType = nearestByType(
      engine,
      network.snapped,
      input,
      profile,
      request.maxMinutes,
    );
    return table;
  };
  return { reach, unreachable };
}

/** One bounded search per facility; rows within `minutes` (none when minutes is 0). */
function perFacilityRows(
  engine: SurfaceEngine,
  snapped: readonly SnappedOrigin[],
  profile: RoutingProfile,
  minutes: number,
): IndexedReachTable {
  const rows = new RowBuffer();
  if (minutes > 0) {
    const maxCost = minutesToCost(profile, minutes) * BUDGET_SLACK;
    for (const origin of snapped) {
      engine.compute([origin], profile, maxCost);
      for (let k = 0; k < engine.touchedCellCount; k++) {
        const c = engine.touchedCells[k];
        const cost = engine.cellCost[c];
        if (cost <= maxCost) rows.push(origin.label, c, costToMinutes(profile, cost));
      }
    }
  }
  return rows.table();
}

/** Per facility type, one multi-source search: minutes to the nearest site of that type. */
function nearestByType(
  engine: SurfaceEngine,
  snapped: readonly SnappedOrigin[],
  input: CityInput,
  profile: RoutingProfile,
  minutes: number,
): Map<string, Float64Array> {
  const maxCost = minutesToCost(profile, minutes);
  const byType = new Map<string, SnappedOrigin[]>();
  for (const origin of snapped) {
    const type = input.facilities[origin.label].type;
    const list = byType.get(type);
    if (list === undefined) byType.set(type, [origin]);
    else list.push(origin);
  }
  const out = new Map<string, Float64Array>();
  for (const [type, origins] of byType) {
    engine.compute(origins, profile, maxCost);
    const nearest = new Float64Array(input.cells.length).fill(Number.POSITIVE_INFINITY);
    for (let k = 0; k < engine.touchedCellCount; k++) {
      const c = engine.touchedCells[k];
      const cost = engine.cellCost[c];
      if (cost <= maxCost) nearest[c] = costToMinutes(profile, cost);
    }
    out.set(type, nearest);
  }
  return out;
}

/** Growable columnar rows (typed arrays doubled on demand: no object per row). */
class RowBuffer {
  private facility = new Int32Array(1024);
  private cell = new Int32Array(1024);
  private minutes = new Float64Array(1024);
  private size = 0;

  push(facility: number, cell: number, minutes: number): void {
    if (this.size === this.cell.length) this.grow();
    this.facility[this.size] = facility;
    this.cell[this.size] = cell;
    this.minutes[this.size] = minutes;
    this.size++;
  }

  table(): IndexedReachTable {
    return {
      facility: this.facility.slice(0, this.size),
      cell: this.cell.slice(0, this.size),
      minutes: this.minutes.slice(0, this.size),
    };
  }

  private grow(): void {
    const size = this.cell.length * 2;
    const facility = new Int32Array(size);
    const cell = new Int32Array(size);
    const minutes = new Float64Array(size);
    facility.set(this.facility);
    cell.set(this.cell);
    minutes.set(this.minutes);
    this.facility = facility;
    this.cell = cell;
    this.minutes = minutes;
  }
}
