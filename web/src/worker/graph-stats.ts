import { graphStats as coreGraphStats } from '../../../analysis/graph/stats.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';

/** What the network card shows: the core's figures (as `graph-info` prints them) plus file size. */
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
  const stats = coreGraphStats(graph);
  return {
    network: stats.network,
    nodes: stats.nodes,
    edges: stats.edges,
    lengthKm: stats.totalLengthKm,
    bytes,
  };
}
