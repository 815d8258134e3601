import { InputError } from '../../errors.ts';
import { edgeIndex } from '../../routing/edge-index.ts';
import { snapPoint } from '../../routing/snap.ts';
import { edgeTopology, isCanonicalEdge } from '../../routing/topology.ts';
import { haversineM } from '../haversine.ts';
import { secondsPerMetre } from '../speeds.ts';
import type { NetworkProfile, RoadGraph } from '../types.ts';
import { buildOverlay, type OverlayOptions } from './overlay.ts';
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
/** close-link: `at` within this of the stretch, `from`/`to` within this of a node. */
export const CLOSE_SNAP_M = 15;

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

/** Canonical edges of the stretch a close-link names (see CloseLink in the scenario types). */
function resolveStretch(
  graph: RoadGraph,
  m: Extract<NetworkEdit, { kind: 'close-link' }>,
  at: string,
): number[] {
  const adjacency = undirected(graph);
  if (m.at !== undefined) {
    const snap = snapPoint(edgeIndex(graph), m.at[0], m.at[1], CLOSE_SNAP_M);
    if (snap === null)
      throw notFound(graph, `no ${graph.network} road within ${CLOSE_SNAP_M} m`, `${at}.at`);
    const u = edgeTopology(graph).source[snap.edge];
    const v = graph.targets[snap.edge];
    // Walk away from the segment both ways until a junction or dead end.
    const edges = [...segmentEdges(adjacency, u, v)];
    for (const [start, away] of [
      [u, v],
      [v, u],
    ]) {
      for (const step of walkChain(adjacency, start, away, -1)) edges.push(...step);
    }
    return canonical(graph, edges);
  }
  const a = nearestNode(graph, m.from as EditPoint, `${at}.from`);
  const b = nearestNode(graph, m.to as EditPoint, `${at}.to`);
  for (const first of adjacency.neighbours[a]) {
    const edges = [...segmentEdges(adjacency, a, first)];
    if (first === b) return canonical(graph, edges);
    for (const step of walkChain(adjacency, first, a, b)) {
      edges.push(...step);
      if (step.reachedTarget) return canonical(graph, edges);
    }
  }
  throw notFound(graph, 'the two ends are not joined by a road stretch without a junction', at);
}

interface Adjacency {
  neighbours: number[][];
  /** Directed edges between two nodes, by "u:v" (both directions listed under either order). */
  between: Map<string, number[]>;
}

const adjacencies = new WeakMap<RoadGraph, Adjacency>();

function undirected(graph: RoadGraph): Adjacency {
  const known = adjacencies.get(graph);
  if (known) return known;
  const neighbours: number[][] = Array.from({ length: graph.nodeCount }, () => []);
  const between = new Map<string, number[]>();
  const { source } = edgeTopology(graph);
  for (let e = 0; e < graph.edgeCount; e++) {
    const u = source[e];
    const v = graph.targets[e];
    const key = u < v ? `${u}:${v}` : `${v}:${u}`;
    const list = between.get(key);
    if (list) list.push(e);
    else {
      between.set(key, [e]);
      neighbours[u].push(v);
      neighbours[v].push(u);
    }
  }
  const adjacency = { neighbours, between };
  adjacencies.set(graph, adjacency);
  return adjacency;
}

function segmentEdges(adjacency: Adjacency, u: number, v: number): number[] {
  return adjacency.between.get(u < v ? `${u}:${v}` : `${v}:${u}`) ?? [];
}

/**
 * Steps from `node` (entered from `previous`) through nodes with exactly two neighbours; yields
 * the edges of each step, stopping at a junction, a dead end, a loop or `target`.
 */
function* walkChain(
  adjacency: Adjacency,
  node: number,
  previous: number,
  target: number,
): Generator<number[] & { reachedTarget?: boolean }> {
  const seen = new Set([previous, node]);
  let here = node;
  let from = previous;
  while (here !== target && adjacency.neighbours[here].length === 2) {
    const next =
      adjacency.neighbours[here][0] === from
        ? adjacency.neighbours[here][1]
        : adjacency.neighbours[here][0];
    if (seen.has(next) && next !== target) return;
    const step: number[] & { reachedTarget?: boolean } = [...segmentEdges(adjacency, here, next)];
    step.reachedTarget = next === target;
    yield step;
    seen.add(next);
    from = here;
    here = next;
  }
}

function canonical(graph: RoadGraph, edges: readonly number[]): number[] {
  const topology = edgeTopology(graph);
  return [...new Set(edges.filter((e) => isCanonicalEdge(topology, e)))].sort((x, y) => x - y);
}

function nearestNode(graph: RoadGraph, point: EditPoint, path: string): number {
  let best = -1;
  let bestM = CLOSE_SNAP_M;
  for (let i = 0; i < graph.nodeCount; i++) {
    // Cheap reject before the exact distance (1e-4° ≈ 11 m of latitude).
    if (Math.abs(graph.nodeLat[i] - point[1]) > 3e-4) continue;
    const metres = haversineM(point[0], point[1], graph.nodeLon[i], graph.nodeLat[i]);
    if (metres <= bestM) {
      bestM = metres;
      best = i;
    }
  }
  if (best < 0) throw notFound(graph, `no ${graph.network} node within ${CLOSE_SNAP_M} m`, path);
  return best;
}

function notFound(graph: RoadGraph, why: string, path: string): InputError {
  return new InputError('E_SEGMENT_NOT_FOUND', `close-link on ${graph.network}: ${why}`, {
    column: path,
  });
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
