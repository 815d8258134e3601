import { type LocalFrame, localFrame } from '../geo.ts';
import { mainlandNodes } from '../graph/components.ts';
import type { RoadGraph } from '../graph/types.ts';
import { type EdgeTopology, edgeTopology, isCanonicalEdge } from './topology.ts';

/**
 * Uniform-grid spatial index of road segments (one canonical edge per segment). A grid beats
 * an R-tree here: segments are short and evenly spread, queries are point-nearest, and the
 * index is three typed arrays built in two passes (no dependency; flatbush is not installed).
 * Segments of island components (analysis/graph/components.ts) are left out, so that nothing is
 * snapped onto a sidewalk piece that leads nowhere.
 */
export interface EdgeIndex {
  graph: RoadGraph;
  topology: EdgeTopology;
  frame: LocalFrame;
  /** Node positions in the local metric frame. */
  x: Float64Array;
  y: Float64Array;
  minX: number;
  minY: number;
  cellM: number;
  cols: number;
  rows: number;
  bucketOffsets: Uint32Array;
  bucketEdges: Uint32Array;
}

const cache = new WeakMap<RoadGraph, EdgeIndex>();

/** Builds (or returns the cached) index; `cellM` ≈ typical segment length works best. */
export function edgeIndex(graph: RoadGraph, options: { cellM?: number } = {}): EdgeIndex {
  const known = cache.get(graph);
  if (known !== undefined && (options.cellM === undefined || known.cellM === options.cellM)) {
    return known;
  }
  const topology = edgeTopology(graph);
  const n = graph.nodeCount;
  let latSum = 0;
  for (let i = 0; i < n; i++) latSum += graph.nodeLat[i];
  const frame = localFrame(n > 0 ? latSum / n : 0);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    x[i] = graph.nodeLon[i] * frame.kx;
    y[i] = graph.nodeLat[i] * frame.ky;
    minX = Math.min(minX, x[i]);
    minY = Math.min(minY, y[i]);
    maxX = Math.max(maxX, x[i]);
    maxY = Math.max(maxY, y[i]);
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  const cellM = options.cellM ?? 100;
  const cols = Math.max(1, Math.floor((maxX - minX) / cellM) + 1);
  const rows = Math.max(1, Math.floor((maxY - minY) / cellM) + 1);
  const bucketOffsets = new Uint32Array(cols * rows + 1);
  const visit = (e: number, each: (bucket: number) => void) => {
    const u = topology.source[e];
    const v = graph.targets[e];
    const c0 = Math.floor((Math.min(x[u], x[v]) - minX) / cellM);
    const c1 = Math.floor((Math.max(x[u], x[v]) - minX) / cellM);
    const r0 = Math.floor((Math.min(y[u], y[v]) - minY) / cellM);
    const r1 = Math.floor((Math.max(y[u], y[v]) - minY) / cellM);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) each(r * cols + c);
  };
  const mainland = mainlandNodes(graph);
  const indexed = (e: number) => isCanonicalEdge(topology, e) && mainland[topology.source[e]] === 1;
  for (let e = 0; e < graph.edgeCount; e++) {
    if (indexed(e)) visit(e, (b) => bucketOffsets[b + 1]++);
  }
  for (let b = 0; b < cols * rows; b++) bucketOffsets[b + 1] += bucketOffsets[b];
  const bucketEdges = new Uint32Array(bucketOffsets[cols * rows]);
  const fill = bucketOffsets.slice(0, cols * rows);
  for (let e = 0; e < graph.edgeCount; e++) {
    if (indexed(e)) visit(e, (b) => (bucketEdges[fill[b]++] = e));
  }
  const index = {
    graph,
    topology,
    frame,
    x,
    y,
    minX,
    minY,
    cellM,
    cols,
    rows,
    bucketOffsets,
    bucketEdges,
  };
  cache.set(graph, index);
  return index;
}
