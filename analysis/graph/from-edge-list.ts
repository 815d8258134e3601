import { InputError } from '../errors.ts';
import type { NetworkProfile, RoadGraph } from './types.ts';

/** One directed edge of an edge list; `costS` defaults to `lengthM` (1 m/s reference speed). */
export interface EdgeListEdge {
  from: number;
  to: number;
  lengthM: number;
  costS?: number;
  highway?: number;
}

export interface EdgeListGraph {
  network: NetworkProfile;
  /** [lon, lat] per node. */
  nodes: ReadonlyArray<readonly [number, number]>;
  edges: ReadonlyArray<EdgeListEdge>;
}

/**
 * Builds a CSR RoadGraph from a plain edge list. Used by hand-made test fixtures and by the
 * synthetic grid city; the OSM builder has its own streaming path.
 */
export function graphFromEdgeList(input: EdgeListGraph, file = 'edge list'): RoadGraph {
  const n = input.nodes.length;
  const m = input.edges.length;
  const offsets = new Uint32Array(n + 1);
  input.edges.forEach((edge, row) => {
    for (const end of [edge.from, edge.to]) {
      if (!Number.isInteger(end) || end < 0 || end >= n) {
        throw new InputError('E_BAD_EDGE', `edge node ${end} is not a node index`, { file, row });
      }
    }
    if (!(edge.lengthM >= 0) || !((edge.costS ?? edge.lengthM) >= 0)) {
      throw new InputError('E_BAD_EDGE', 'edge length and cost must be ≥ 0', { file, row });
    }
    offsets[edge.from + 1]++;
  });
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(m);
  const lengthM = new Float32Array(m);
  const costS = new Float32Array(m);
  const highway = new Uint8Array(m);
  for (const edge of input.edges) {
    const at = fill[edge.from]++;
    targets[at] = edge.to;
    lengthM[at] = edge.lengthM;
    costS[at] = edge.costS ?? edge.lengthM;
    highway[at] = edge.highway ?? 0;
  }
  const nodeLon = new Float64Array(n);
  const nodeLat = new Float64Array(n);
  input.nodes.forEach(([lon, lat], i) => {
    nodeLon[i] = lon;
    nodeLat[i] = lat;
  });
  return {
    network: input.network,
    nodeCount: n,
    edgeCount: m,
    nodeLon,
    nodeLat,
    nodeOsmId: new Float64Array(n).map((_, i) => -(i + 1)),
    offsets,
    targets,
    lengthM,
    costS,
    highway,
  };
}
