import { graphLengthKm } from '../../../analysis/graph/stats.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';

/** What the network card shows: the core's road length (as `graph-info` prints it) plus file size. */
export interface GraphStats {
  network: NetworkProfile;
  nodes: number;
  /** Directed edges, as stored. */
  edges: number;
  /** Street length counting a two-way segment once, in kilometres. */
  lengthKm: number;
  bytes: number;
}

export function graphStats(graph: RoadGraph, bytes: number): GraphStats {
  return {
    network: graph.network,
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    lengthKm: graphLengthKm(graph),
    bytes,
  };
}
