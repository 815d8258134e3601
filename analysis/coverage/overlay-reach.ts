import { routingGraph } from '../graph/step-free.ts';
import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import { cellLinks } from '../routing/cell-links.ts';
import { OverlaySurface } from '../routing/edits/overlay-surface.ts';
import type { NetworkOverlay } from '../routing/edits/types.ts';
import {
  costToMinutes,
  minutesToCost,
  type RouteNetwork,
  routeNetwork,
  type TravelProfile,
  travelProfileAt,
} from '../routing/profiles.ts';
import { checkRoutingInputs } from '../routing/reach.ts';
import type { SnappedOrigin, UnreachableOrigin } from '../routing/surface.ts';
import { cityCells } from './city-cells.ts';
import type { CityInput, IndexedReachTable, ReachSource } from './types.ts';

/** Same slack as coverage/routing-reach.ts: a row exactly at the limit is never lost. */
const BUDGET_SLACK = 1 + 1e-9;

/**
 * The routing adapter of coverage/routing-reach.ts for a scenario that edits the street
 * network: the same requests and rows (one bounded search per facility up to facilityMinutes,
 * one multi-source search per facility type up to maxMinutes), routed on each network's overlay.
 * Networks without an overlay route on the baseline through the same engine. Overlays are keyed
 * by what a profile routes on: the step-free walk graph has its own (its edges are numbered
 * apart from the walk graph's).
 */
export function overlayReachSource(
  input: CityInput,
  graphs: Partial<Record<NetworkProfile, RoadGraph>>,
  overlays: Partial<Record<RouteNetwork, NetworkOverlay>>,
  options: { maxSnapM?: number } = {},
): { reach: ReachSource; unreachable: Map<string, UnreachableOrigin[]> } {
  const cells = cityCells(input.cells).h3;
  const networks = new Map<
    RouteNetwork,
    { engine: OverlaySurface; snapped: SnappedOrigin[]; lost: UnreachableOrigin[] }
  >();
  const unreachable = new Map<string, UnreachableOrigin[]>();
  const reach: ReachSource = (request) => {
    const profile = travelProfileAt(request.profile, request.walkingSpeedMps);
    const graph = routingGraph(graphs, profile);
    if (graph === undefined) throw new Error(`no ${profile.network} graph for ${request.profile}`);
    const route = routeNetwork(profile);
    let network = networks.get(route);
    const links = cellLinks(graph, {
      resolution: input.h3Resolution,
      cells,
      maxSnapM: options.maxSnapM,
    });
    if (network === undefined) {
      const engine = new OverlaySurface(links, overlays[route] ?? null);
      const { snapped, unreachable: lost } = engine.snap(input.facilities);
      network = { engine, snapped, lost };
      networks.set(route, network);
    }
    unreachable.set(request.profile, network.lost);
    checkRoutingInputs(graph, network.engine.links, { profile, maxMinutes: request.maxMinutes });
    const table = facilityRows(network.engine, network.snapped, profile, request.facilityMinutes);
    table.nearestByType = nearestByType(
      network.engine,
      network.snapped,
      input,
      profile,
      request.maxMinutes,
    );
    return table;
  };
  return { reach, unreachable };
}

function facilityRows(
  engine: OverlaySurface,
  snapped: readonly SnappedOrigin[],
  profile: TravelProfile,
  minutes: number,
): IndexedReachTable {
  const facility: number[] = [];
  const cell: number[] = [];
  const mins: number[] = [];
  if (minutes > 0) {
    const maxCost = minutesToCost(profile, minutes) * BUDGET_SLACK;
    for (const origin of snapped) {
      engine.compute([origin], profile, maxCost);
      for (let k = 0; k < engine.touchedCellCount; k++) {
        const c = engine.touchedCells[k];
        const cost = engine.cellCost[c];
        if (cost <= maxCost) {
          facility.push(origin.label);
          cell.push(c);
          mins.push(costToMinutes(profile, cost));
        }
      }
    }
  }
  return {
    facility: Int32Array.from(facility),
    cell: Int32Array.from(cell),
    minutes: Float64Array.from(mins),
  };
}

function nearestByType(
  engine: OverlaySurface,
  snapped: readonly SnappedOrigin[],
  input: CityInput,
  profile: TravelProfile,
  minutes: number,
): Map<string, Float64Array> {
  const maxCost = minutesToCost(profile, minutes);
  const byType = new Map<string, SnappedOrigin[]>();
  for (const origin of snapped) {
    const type = input.facilities[origin.label].type;
    byType.set(type, [...(byType.get(type) ?? []), origin]);
  }
  const out = new Map<string, Float64Array>();
  for (const [type, origins] of byType) {
    engine.compute(origins, profile, maxCost);
    const nearest = new Float64Array(input.cells.length).fill(Number.POSITIVE_INFINITY);
    for (let k = 0; k < engine.touchedCellCount; k++) {
      const c = engine.touchedCells[k];
      if (engine.cellCost[c] <= maxCost) nearest[c] = costToMinutes(profile, engine.cellCost[c]);
    }
    out.set(type, nearest);
  }
  return out;
}
