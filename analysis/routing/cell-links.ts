import { getHexagonEdgeLengthAvg, polygonToCells } from 'h3-js';
import { InputError } from '../errors.ts';
import { METRES_PER_DEGREE } from '../geo.ts';
import type { RoadGraph } from '../graph/types.ts';
import { cellCentres } from './cell-centres.ts';
import { edgeIndex } from './edge-index.ts';
import { DEFAULT_MAX_SNAP_M, snapPoint } from './snap.ts';

/**
 * Every H3 cell of the network's area linked once to its nearest road position, so that a
 * travel-time surface is evaluated per cell in O(cells reached) after a search: a cell's time
 * is min(dist[u] + t·cost(u→v), dist[v] + (1−t)·cost(v→u)) + its off-network walk.
 */
export interface CellLinks {
  graph: RoadGraph;
  resolution: number;
  maxSnapM: number;
  /** H3 index per cell (linked and unlinked alike). */
  cells: string[];
  /** Canonical edge per cell, -1 when the centre is farther than maxSnapM from every road. */
  edge: Int32Array;
  t: Float64Array;
  offNetworkM: Float32Array;
  /**
   * Per cell, in graph cost units: the segment's tail u and head v, the cost from u along the
   * segment to the cell's position, and from v back to it (Infinity on a oneway segment).
   * Precomputed so that evaluating a cell touches only cell-indexed arrays and dist[u], dist[v].
   */
  tail: Uint32Array;
  head: Uint32Array;
  costFromTail: Float64Array;
  costFromHead: Float64Array;
  /** Cells whose edge starts or ends at node i: nodeCells[nodeCellOffsets[i] .. [i+1]-1]. */
  nodeCellOffsets: Uint32Array;
  nodeCells: Uint32Array;
  /** Position of an H3 index in `cells` (built on first read: a million-entry map is costly). */
  readonly cellIndex: Map<string, number>;
}

export interface CellLinkOptions {
  resolution?: number;
  maxSnapM?: number;
  /** Cells to link (e.g. population cells); default: every cell of the graph's bbox. */
  cells?: readonly string[];
}

const cache = new WeakMap<RoadGraph, Map<string, CellLinks>>();

/** Cells whose centre lies in the graph's bbox grown by one cell edge. */
export function networkAreaCells(graph: RoadGraph, resolution: number): string[] {
  if (graph.nodeCount === 0) return [];
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i < graph.nodeCount; i++) {
    west = Math.min(west, graph.nodeLon[i]);
    east = Math.max(east, graph.nodeLon[i]);
    south = Math.min(south, graph.nodeLat[i]);
    north = Math.max(north, graph.nodeLat[i]);
  }
  const padM = getHexagonEdgeLengthAvg(resolution, 'm');
  const padLat = padM / METRES_PER_DEGREE;
  const padLon = padLat / Math.cos((((south + north) / 2) * Math.PI) / 180);
  const ring = [
    [west - padLon, south - padLat],
    [east + padLon, south - padLat],
    [east + padLon, north + padLat],
    [west - padLon, north + padLat],
    [west - padLon, south - padLat],
  ];
  return polygonToCells([ring], resolution, true).sort();
}

export function cellLinks(graph: RoadGraph, options: CellLinkOptions = {}): CellLinks {
  const resolution = options.resolution ?? 10;
  const maxSnapM = options.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > 15) {
    throw new InputError('E_BAD_RESOLUTION', `H3 resolution ${resolution} is not 0–15`, {
      column: 'resolution',
    });
  }
  const key = options.cells === undefined ? `${resolution}:${maxSnapM}` : '';
  const perGraph = cache.get(graph) ?? new Map<string, CellLinks>();
  const known = key === '' ? undefined : perGraph.get(key);
  if (known !== undefined) return known;

  const index = edgeIndex(graph);
  const listed = options.cells ?? networkAreaCells(graph, resolution);
  // Centres are memoised per list, so the coverage engine's own pass over the same list is reused.
  const centres = cellCentres(listed);
  const cells = [...listed];
  const count = cells.length;
  const edge = new Int32Array(count).fill(-1);
  const t = new Float64Array(count);
  const offNetworkM = new Float32Array(count);
  const tail = new Uint32Array(count);
  const head = new Uint32Array(count);
  const costFromTail = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  const costFromHead = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  const { source, reverse } = index.topology;
  const nodeCellOffsets = new Uint32Array(graph.nodeCount + 1);
  for (let c = 0; c < count; c++) {
    const snap = snapPoint(index, centres.lon[c], centres.lat[c], maxSnapM);
    if (snap === null) continue;
    edge[c] = snap.edge;
    t[c] = snap.t;
    offNetworkM[c] = snap.distanceM;
    const e = snap.edge;
    const r = reverse[e];
    tail[c] = source[e];
    head[c] = graph.targets[e];
    costFromTail[c] = snap.t * graph.costS[e];
    // Against a oneway segment its head reaches only a point sitting on it (t = 1).
    if (r >= 0) costFromHead[c] = (1 - snap.t) * graph.costS[r];
    else if (snap.t === 1) costFromHead[c] = 0;
    nodeCellOffsets[index.topology.source[snap.edge] + 1]++;
    nodeCellOffsets[graph.targets[snap.edge] + 1]++;
  }
  for (let i = 0; i < graph.nodeCount; i++) nodeCellOffsets[i + 1] += nodeCellOffsets[i];
  const nodeCells = new Uint32Array(nodeCellOffsets[graph.nodeCount]);
  const fill = nodeCellOffsets.slice(0, graph.nodeCount);
  for (let c = 0; c < count; c++) {
    const e = edge[c];
    if (e < 0) continue;
    nodeCells[fill[index.topology.source[e]]++] = c;
    nodeCells[fill[graph.targets[e]]++] = c;
  }
  let cellIndex: Map<string, number> | null = null;
  const links: CellLinks = {
    graph,
    resolution,
    maxSnapM,
    cells,
    edge,
    t,
    offNetworkM,
    tail,
    head,
    costFromTail,
    costFromHead,
    nodeCellOffsets,
    nodeCells,
    get cellIndex() {
      if (cellIndex === null) {
        cellIndex = new Map<string, number>();
        for (let i = 0; i < count; i++) cellIndex.set(cells[i], i);
      }
      return cellIndex;
    },
  };
  if (key !== '') {
    perGraph.set(key, links);
    cache.set(graph, perGraph);
  }
  return links;
}

/** Cells that no road comes within maxSnapM of (reported, never snapped). */
export function unlinkedCells(links: CellLinks): string[] {
  return links.cells.filter((_, c) => links.edge[c] < 0);
}
