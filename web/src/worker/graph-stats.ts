import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';

export interface GraphStats {
  network: NetworkProfile;
  nodes: number;
  /** Directed edges, as stored. */
  edges: number;
  /** Street length counting a two-way segment once, in kilometres. */
  lengthKm: number;
  bytes: number;
}

/**
 * Summarises a graph for the UI. A two-way street is stored as two directed edges; its length is
 * counted once, from the edge whose tail has the lower index (or from a one-way edge alone).
 */
export function graphStats(graph: RoadGraph, bytes: number): GraphStats {
  let metres = 0;
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let e = graph.offsets[u]; e < graph.offsets[u + 1]; e++) {
      const v = graph.targets[e];
      if (u < v || !hasEdge(graph, v, u)) metres += graph.lengthM[e];
    }
  }
  return {
    network: graph.network,
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    lengthKm: metres / 1000,
    bytes,
  };
}

function hasEdge(graph: RoadGraph, from: number, to: number): boolean {
  for (let e = graph.offsets[from]; e < graph.offsets[from + 1]; e++) {
    if (graph.targets[e] === to) return true;
  }
  return false;
}
