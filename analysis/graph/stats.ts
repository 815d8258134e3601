import { graphComponents } from './components.ts';
import type { NetworkProfile, RoadGraph } from './types.ts';

export interface GraphStats {
  network: NetworkProfile;
  nodes: number;
  edges: number;
  /** Weakly connected components (edge direction ignored). */
  components: number;
  largestComponentNodes: number;
  /** [west, south, east, north] of the nodes; all NaN for an empty graph. */
  bbox: [number, number, number, number];
  /** Road length: a two-way segment (edges u→v and v→u) counts once. */
  totalLengthKm: number;
}

/** Summary figures of a graph, for build logs, the city manifest and tests. */
export function graphStats(g: RoadGraph): GraphStats {
  const components = graphComponents(g);
  return {
    network: g.network,
    nodes: g.nodeCount,
    edges: g.edgeCount,
    components: components.count,
    largestComponentNodes: components.largest < 0 ? 0 : components.size[components.largest],
    bbox: graphBbox(g),
    totalLengthKm: graphLengthKm(g),
  };
}

/** Road length in km: a two-way segment (edges u→v and v→u) counts once. */
export function graphLengthKm(g: RoadGraph): number {
  let lengthM = 0;
  for (let u = 0; u < g.nodeCount; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      // Count a two-way segment once: from its lower-numbered end only.
      const v = g.targets[e];
      if (u < v || !hasEdge(g, v, u)) lengthM += g.lengthM[e];
    }
  }
  return lengthM / 1000;
}

/** [west, south, east, north] of the graph's nodes; all NaN for an empty graph. */
export function graphBbox(g: RoadGraph): [number, number, number, number] {
  if (g.nodeCount === 0) return [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < g.nodeCount; i++) {
    west = Math.min(west, g.nodeLon[i]);
    east = Math.max(east, g.nodeLon[i]);
    south = Math.min(south, g.nodeLat[i]);
    north = Math.max(north, g.nodeLat[i]);
  }
  return [west, south, east, north];
}

/** Binary search in u's edges, which are sorted by target. */
export function hasEdge(g: RoadGraph, u: number, v: number): boolean {
  let lo = g.offsets[u];
  let hi = g.offsets[u + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (g.targets[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < g.offsets[u + 1] && g.targets[lo] === v;
}
