import type { RoadGraph } from '../graph/types.ts';
import type { CellLinks } from './cell-links.ts';
import { ShortestPathSearch } from './dijkstra.ts';
import { edgeIndex } from './edge-index.ts';
import { accessCost, type TravelProfile } from './profiles.ts';
import { DEFAULT_MAX_SNAP_M, type Snap, snapPoint } from './snap.ts';
import { edgeTopology } from './topology.ts';

/** A search origin (a facility, a clicked point). */
export interface Origin {
  id: string;
  lon: number;
  lat: number;
}

export interface SnappedOrigin {
  /** Position in the caller's origin list; used as the Dijkstra label. */
  label: number;
  id: string;
  snap: Snap;
}

/** An origin that could not be linked to the network, with the reason (never dropped silently). */
export interface UnreachableOrigin {
  id: string;
  lon: number;
  lat: number;
  reason: string;
}

export function snapOrigins(
  graph: RoadGraph,
  origins: readonly Origin[],
  maxSnapM = DEFAULT_MAX_SNAP_M,
): { snapped: SnappedOrigin[]; unreachable: UnreachableOrigin[] } {
  const index = edgeIndex(graph);
  const snapped: SnappedOrigin[] = [];
  const unreachable: UnreachableOrigin[] = [];
  origins.forEach((origin, label) => {
    const { id, lon, lat } = origin;
    const valid = Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90;
    const snap = valid ? snapPoint(index, lon, lat, maxSnapM) : null;
    if (snap !== null) snapped.push({ label, id, snap });
    else {
      const reason = valid ? `farther than ${maxSnapM} m from every road` : 'invalid coordinate';
      unreachable.push({ id, lon, lat, reason });
    }
  });
  return { snapped, unreachable };
}

/**
 * Travel-time surface over nodes and H3 cells, with reusable buffers (one engine per links
 * object): after compute(), cellCost/cellLabel hold the nearest origin's cost for the cells in
 * touchedCells; everything else is Infinity / -1. Costs are graph cost units (see profiles.ts).
 */
export class SurfaceEngine {
  readonly links: CellLinks;
  readonly search: ShortestPathSearch;
  readonly cellCost: Float64Array;
  readonly cellLabel: Int32Array;
  readonly touchedCells: Uint32Array;
  touchedCellCount = 0;
  /** How cells are found after a search; 'auto' picks by search size (tests force each). */
  cellPass: 'auto' | 'nodes' | 'sweep' = 'auto';

  constructor(links: CellLinks) {
    this.links = links;
    this.search = new ShortestPathSearch(links.graph);
    const count = links.cells.length;
    this.cellCost = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
    this.cellLabel = new Int32Array(count).fill(-1);
    this.touchedCells = new Uint32Array(count);
  }

  compute(origins: readonly SnappedOrigin[], profile: TravelProfile, maxCost: number): void {
    const { search, links } = this;
    const { costS, targets } = links.graph;
    const { source, reverse } = edgeTopology(links.graph);
    this.resetCells();
    search.reset();
    for (const { label, snap } of origins) {
      const access = accessCost(profile, snap.distanceM);
      const e = snap.edge;
      search.seed(targets[e], access + (1 - snap.t) * costS[e], label);
      // Against a oneway edge the tail is reachable only when the point sits on it (t = 0).
      const r = reverse[e];
      if (r >= 0) search.seed(source[e], access + snap.t * costS[r], label);
      else if (snap.t === 0) search.seed(source[e], access, label);
    }
    search.run(maxCost);

    const accessFactor = accessCost(profile, 1);
    // Node lists visit each linked cell twice (under its tail and its head), in discovery order;
    // where cells outnumber nodes (fine resolutions) that costs more per node than it looks.
    // (Only there: on coarser grids the node lists win, e.g. 1.5× faster on the demo.)
    const cellsOutnumberNodes = links.cells.length > links.graph.nodeCount;
    const cellsPerNode = links.nodeCells.length / Math.max(1, links.graph.nodeCount);
    const small =
      search.touchedCount * CELL_SWEEP_RATIO < links.cells.length &&
      (!cellsOutnumberNodes ||
        search.touchedCount * cellsPerNode * CELL_SWEEP_RATIO < links.cells.length);
    if (this.cellPass === 'nodes' || (this.cellPass === 'auto' && small)) {
      // Small search: visit only the cells hanging off reached nodes.
      const { nodeCellOffsets, nodeCells } = links;
      const { touched } = search;
      for (let k = 0; k < search.touchedCount; k++) {
        const node = touched[k];
        for (let j = nodeCellOffsets[node], end = nodeCellOffsets[node + 1]; j < end; j++) {
          this.evaluateCell(nodeCells[j], accessFactor);
        }
      }
    } else {
      // Large search (many facilities): one sequential sweep over all linked cells is cheaper
      // than hopping between node lists at random.
      for (let c = 0, count = links.cells.length; c < count; c++) {
        if (links.edge[c] >= 0) this.evaluateCell(c, accessFactor);
      }
    }
    // A cell on the origin's own segment can be reached along it without passing a node.
    for (const { label, snap } of origins) this.offerSameEdge(snap, label, profile);
  }

  private evaluateCell(c: number, accessFactor: number): void {
    const { dist, label } = this.search;
    const { tail, head, costFromTail, costFromHead, offNetworkM } = this.links;
    const viaTail = dist[tail[c]] + costFromTail[c];
    const viaHead = dist[head[c]] + costFromHead[c];
    if (viaTail <= viaHead) {
      if (viaTail !== Number.POSITIVE_INFINITY) {
        this.offer(c, viaTail + offNetworkM[c] * accessFactor, label[tail[c]]);
      }
    } else this.offer(c, viaHead + offNetworkM[c] * accessFactor, label[head[c]]);
  }

  private offerSameEdge(snap: Snap, label: number, profile: TravelProfile): void {
    const { links } = this;
    const { costS } = links.graph;
    const { source, reverse } = edgeTopology(links.graph);
    const u = source[snap.edge];
    const r = reverse[snap.edge];
    const originAccess = accessCost(profile, snap.distanceM);
    for (let j = links.nodeCellOffsets[u]; j < links.nodeCellOffsets[u + 1]; j++) {
      const c = links.nodeCells[j];
      if (links.edge[c] !== snap.edge) continue;
      const tc = links.t[c];
      let along = Number.POSITIVE_INFINITY;
      if (tc >= snap.t) along = (tc - snap.t) * costS[snap.edge];
      else if (r >= 0) along = (snap.t - tc) * costS[r];
      this.offer(c, originAccess + along + accessCost(profile, links.offNetworkM[c]), label);
    }
  }

  private offer(c: number, cost: number, label: number): void {
    if (!(cost < this.cellCost[c])) return;
    if (this.cellCost[c] === Number.POSITIVE_INFINITY) {
      this.touchedCells[this.touchedCellCount++] = c;
    }
    this.cellCost[c] = cost;
    this.cellLabel[c] = label;
  }

  private resetCells(): void {
    for (let k = 0; k < this.touchedCellCount; k++) {
      const c = this.touchedCells[k];
      this.cellCost[c] = Number.POSITIVE_INFINITY;
      this.cellLabel[c] = -1;
    }
    this.touchedCellCount = 0;
  }
}

/** Sweep all cells instead of node lists when a search reaches more than cells/RATIO nodes. */
const CELL_SWEEP_RATIO = 4;

const engines = new WeakMap<CellLinks, SurfaceEngine>();

/** The shared engine of a links object (buffers reused across calls; not re-entrant). */
export function surfaceEngine(links: CellLinks): SurfaceEngine {
  let engine = engines.get(links);
  if (engine === undefined) {
    engine = new SurfaceEngine(links);
    engines.set(links, engine);
  }
  return engine;
}
