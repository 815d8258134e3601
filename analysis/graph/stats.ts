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
  const n = g.nodeCount;
  const parent = new Uint32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  };

  let lengthM = 0;
  for (let u = 0; u < n; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      const ru = find(u);
      const rv = find(v);
      if (ru !== rv) parent[Math.max(ru, rv)] = Math.min(ru, rv);
      // Count a two-way segment once: from its lower-numbered end only.
      if (u < v || !hasEdge(g, v, u)) lengthM += g.lengthM[e];
    }
  }

  const sizes = new Map<number, number>();
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
    west = Math.min(west, g.nodeLon[i]);
    east = Math.max(east, g.nodeLon[i]);
    south = Math.min(south, g.nodeLat[i]);
    north = Math.max(north, g.nodeLat[i]);
  }
  const bbox: GraphStats['bbox'] =
    n === 0 ? [Number.NaN, Number.NaN, Number.NaN, Number.NaN] : [west, south, east, north];
  return {
    network: g.network,
    nodes: n,
    edges: g.edgeCount,
    components: sizes.size,
    largestComponentNodes: largest(sizes.values()),
    bbox,
    totalLengthKm: lengthM / 1000,
  };
}

function largest(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) max = Math.max(max, value);
  return max;
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
