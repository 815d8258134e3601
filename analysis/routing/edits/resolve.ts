import { InputError } from '../../errors.ts';
import { haversineM } from '../../geo.ts';
import { secondsPerMetre } from '../../graph/speeds.ts';
import type { NetworkProfile, RoadGraph } from '../../graph/types.ts';
import { edgeIndex } from '../edge-index.ts';
import { snapPoint } from '../snap.ts';
import { edgeTopology, isCanonicalEdge } from '../topology.ts';
import { buildOverlay, type OverlayOptions } from './overlay.ts';
import { resolveStretch } from './stretch.ts';
import type {
  LinkKind,
  LinkSpec,
  NetworkEditSpec,
  NetworkOverlay,
  NetworkPosition,
} from './types.ts';

/**
 * Resolves a scenario's street-network edits (given in coordinates) onto one network's graph.
 * The edits are plain data here (structurally the scenario's add-link / close-link /
 * set-barrier), so the graph layer does not depend on the scenario module.
 */
export type EditPoint = readonly [number, number];
export type NetworkEdit =
  | {
      kind: 'add-link';
      id: string;
      linkType: LinkKind;
      from: EditPoint;
      to: EditPoint;
      networks: readonly NetworkProfile[];
      detourFactor?: number;
    }
  | {
      kind: 'close-link';
      id: string;
      networks: readonly NetworkProfile[];
      at?: EditPoint;
      from?: EditPoint;
      to?: EditPoint;
    }
  | {
      kind: 'set-barrier';
      networks: readonly NetworkProfile[];
      barriers: 'honour' | 'ignore';
      privateAccess: 'honour' | 'ignore';
    };

/** A link end must lie this close to a road of the network (a gate is drawn at the road). */
export const LINK_END_SNAP_M = 30;
/** A link end this close to a graph node lands on the node instead of splitting an edge. */
export const NODE_SNAP_M = 1;
export { CLOSE_SNAP_M } from './stretch.ts';

/**
 * How graphs are built: routed through node barriers (the nodes that would stop the network are
 * recorded in graph.barrier, so a scenario can honour them), access=private ways left out (not
 * recorded: they cannot be opened).
 */
export const GRAPH_BARRIER_RULES = { barriers: 'ignore', privateAccess: 'honour' } as const;

export interface EditNote {
  code: string;
  /** JSON path in the scenario, e.g. modifications[3]. */
  path: string;
  message: string;
}

export interface ResolvedEdits {
  spec: NetworkEditSpec;
  /** Edits the graph cannot represent (reported as not evaluable, never silently applied). */
  notes: EditNote[];
}

/** Link cost per metre: a footway on foot, a path by e-bike, a service road by car. */
const LINK_TAGS: Record<NetworkProfile, Record<string, string>> = {
  walk: { highway: 'footway' },
  ebike: { highway: 'path' },
  drive: { highway: 'service' },
};

/** Resolves the edits (with their positions in the modification list) that serve `graph`. */
export function resolveNetworkEdits(
  graph: RoadGraph,
  edits: readonly { index: number; modification: NetworkEdit }[],
): ResolvedEdits {
  const spec: NetworkEditSpec = { links: [], closedEdges: [] };
  const notes: EditNote[] = [];
  for (const { index, modification: m } of edits) {
    if (!m.networks.includes(graph.network)) continue;
    const at = `modifications[${index}]`;
    if (m.kind === 'add-link') spec.links.push(resolveLink(graph, m, at));
    else if (m.kind === 'close-link') {
      for (const e of resolveStretch(graph, m, at)) spec.closedEdges.push(e);
    } else {
      // A graph without a barrier record has no node that stops this network (see binary.ts).
      if (m.barriers === 'honour' && graph.barrier !== undefined) {
        for (const e of barrierEdges(graph, graph.barrier)) spec.closedEdges.push(e);
      }
      if (m.privateAccess !== GRAPH_BARRIER_RULES.privateAccess) {
        notes.push({
          code: 'W_BARRIERS_NOT_IN_GRAPH',
          path: `${at}.privateAccess`,
          message: `the ${graph.network} graph leaves access=private ways out, so they cannot be opened`,
        });
      }
    }
  }
  return { spec, notes };
}

/** Canonical edges touching a node whose barrier stops the network (closing them cuts it). */
function barrierEdges(graph: RoadGraph, barrier: Uint8Array): number[] {
  const topology = edgeTopology(graph);
  const out: number[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    const stops = barrier[topology.source[e]] === 1 || barrier[graph.targets[e]] === 1;
    if (stops && isCanonicalEdge(topology, e)) out.push(e);
  }
  return out;
}

function resolveLink(
  graph: RoadGraph,
  m: Extract<NetworkEdit, { kind: 'add-link' }>,
  at: string,
): LinkSpec {
  const from = snapLinkEnd(graph, m.from, `${at}.from`);
  const to = snapLinkEnd(graph, m.to, `${at}.to`);
  const metres = haversineM(from.lon, from.lat, to.lon, to.lat) * Math.max(1, m.detourFactor ?? 1);
  const steps = m.linkType === 'footbridge';
  // A footbridge climbs: on foot it counts like steps (analysis/graph/speeds.ts).
  const tags = steps && graph.network === 'walk' ? { highway: 'steps' } : LINK_TAGS[graph.network];
  return {
    id: m.id,
    from: from.position,
    to: to.position,
    lengthM: metres,
    costS: metres * secondsPerMetre(tags, graph.network),
    steps,
  };
}

export function snapLinkEnd(
  graph: RoadGraph,
  point: EditPoint,
  path: string,
): { position: NetworkPosition; lon: number; lat: number } {
  const snap = snapPoint(edgeIndex(graph), point[0], point[1], LINK_END_SNAP_M);
  if (snap === null) {
    throw new InputError(
      'E_LINK_OFF_NETWORK',
      `link end (${point[0]}, ${point[1]}) is farther than ${LINK_END_SNAP_M} m from every ${graph.network} road`,
      { column: path },
    );
  }
  const { source } = edgeTopology(graph);
  const u = source[snap.edge];
  const v = graph.targets[snap.edge];
  const lon = graph.nodeLon[u] + snap.t * (graph.nodeLon[v] - graph.nodeLon[u]);
  const lat = graph.nodeLat[u] + snap.t * (graph.nodeLat[v] - graph.nodeLat[u]);
  const metresToU = snap.t * graph.lengthM[snap.edge];
  const metresToV = (1 - snap.t) * graph.lengthM[snap.edge];
  if (metresToU <= NODE_SNAP_M && metresToU <= metresToV) {
    return { position: { node: u }, lon: graph.nodeLon[u], lat: graph.nodeLat[u] };
  }
  if (metresToV <= NODE_SNAP_M) {
    return { position: { node: v }, lon: graph.nodeLon[v], lat: graph.nodeLat[v] };
  }
  return { position: { edge: snap.edge, t: snap.t }, lon, lat };
}

/**
 * The overlay of one network under a scenario's edits (null when none serves it), and the notes
 * on edits the graph cannot represent.
 */
export function overlayFor(
  graph: RoadGraph,
  edits: readonly { index: number; modification: NetworkEdit }[],
  options: OverlayOptions = {},
): { overlay: NetworkOverlay | null; notes: EditNote[] } {
  const { spec, notes } = resolveNetworkEdits(graph, edits);
  const empty =
    spec.links.length === 0 &&
    spec.closedEdges.length === 0 &&
    !options.closeSteps &&
    !options.wheelchair;
  return { overlay: empty ? null : buildOverlay(graph, spec, options), notes };
}
