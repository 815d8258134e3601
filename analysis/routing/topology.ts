import type { RoadGraph } from '../graph/types.ts';

/**
 * Per-edge facts that CSR does not store directly: the tail node of every edge and its
 * opposite-direction twin (v→u for u→v), or -1 on a oneway segment. Computed once per graph.
 */
export interface EdgeTopology {
  source: Uint32Array;
  reverse: Int32Array;
}

const cache = new WeakMap<RoadGraph, EdgeTopology>();

export function edgeTopology(graph: RoadGraph): EdgeTopology {
  const known = cache.get(graph);
  if (known !== undefined) return known;
  const { nodeCount, edgeCount, offsets, targets } = graph;
  const source = new Uint32Array(edgeCount);
  for (let u = 0; u < nodeCount; u++) source.fill(u, offsets[u], offsets[u + 1]);
  const reverse = new Int32Array(edgeCount).fill(-1);
  for (let e = 0; e < edgeCount; e++) {
    const u = source[e];
    const v = targets[e];
    // Parallel edges between the same nodes: pair each with its best-matching twin by cost.
    let best = -1;
    for (let r = offsets[v]; r < offsets[v + 1]; r++) {
      if (targets[r] !== u) continue;
      if (
        best < 0 ||
        Math.abs(graph.costS[r] - graph.costS[e]) < Math.abs(graph.costS[best] - graph.costS[e])
      ) {
        best = r;
      }
    }
    reverse[e] = best;
  }
  const topology = { source, reverse };
  cache.set(graph, topology);
  return topology;
}

/**
 * True when edge e represents its road segment in spatial lookups: one of a two-way pair
 * (the lower id), or a oneway edge. Halves the index and makes snapping deterministic.
 */
export function isCanonicalEdge(topology: EdgeTopology, e: number): boolean {
  const r = topology.reverse[e];
  return r < 0 || e < r;
}
