import { InputError } from '../../errors.ts';
import { haversineM } from '../../geo.ts';
import type { RoadGraph } from '../../graph/types.ts';
import { edgeIndex } from '../edge-index.ts';
import { snapPoint } from '../snap.ts';
import { edgeTopology, isCanonicalEdge } from '../topology.ts';
import type { EditPoint, NetworkEdit } from './resolve.ts';

/** close-link: `at` within this of the stretch, `from`/`to` within this of a node. */
export const CLOSE_SNAP_M = 15;

/**
 * close-link: the road stretch a point or two end points name, as canonical edges. A stretch
 * runs between junctions (nodes with other than two neighbours), so closing "the street" closes
 * every segment of it, not only the one under the click.
 */
/** Canonical edges of the stretch a close-link names (see CloseLink in the scenario types). */
export function resolveStretch(
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
