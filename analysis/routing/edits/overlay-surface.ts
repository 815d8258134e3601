import { cellCentres } from '../cell-centres.ts';
import type { CellLinks } from '../cell-links.ts';
import { ShortestPathSearch } from '../dijkstra.ts';
import { edgeIndex } from '../edge-index.ts';
import { accessCost, type TravelProfile } from '../profiles.ts';
import type { Snap } from '../snap.ts';
import {
  type Origin,
  type SnappedOrigin,
  snapOrigins,
  type UnreachableOrigin,
} from '../surface.ts';
import { edgeTopology } from '../topology.ts';
import { snapOpen } from './open-snap.ts';
import type { EdgeChain, NetworkOverlay } from './types.ts';

/**
 * The travel-time surface of routing/surface.ts over an edited network (overlay.ts):
 *  - the search runs on the overlay (closed edges masked, added links and split pieces added);
 *  - an origin on a split edge also seeds the virtual nodes of that edge directly (along the
 *    edge), and a cell on a split edge is also reached from them;
 *  - a closed edge is gone: an origin (snap()) or a cell snapped onto it joins the nearest open
 *    segment instead, within the same snap limit (links never attract snaps: a gate is not
 *    where people live).
 * With no overlay the arithmetic is that of SurfaceEngine, so both give identical numbers.
 */
export class OverlaySurface {
  readonly links: CellLinks;
  readonly search: ShortestPathSearch;
  readonly cellCost: Float64Array;
  readonly cellLabel: Int32Array;
  readonly touchedCells: Uint32Array;
  touchedCellCount = 0;
  private overlay: NetworkOverlay | null = null;
  /** Cells whose own segment is closed, joined to the nearest open one instead. */
  private relinked: { cell: number; snap: Snap }[] = [];
  private virtualEnds = new Map<number, [number, number]>();

  constructor(links: CellLinks, overlay: NetworkOverlay | null = null) {
    this.links = links;
    this.search = new ShortestPathSearch(links.graph);
    const count = links.cells.length;
    this.cellCost = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
    this.cellLabel = new Int32Array(count).fill(-1);
    this.touchedCells = new Uint32Array(count);
    this.setOverlay(overlay);
  }

  setOverlay(overlay: NetworkOverlay | null): void {
    if (overlay !== null && overlay.baseline !== this.links.graph) {
      throw new Error('OverlaySurface: overlay built on another graph');
    }
    this.overlay = overlay;
    this.search.setOverlay(overlay);
    this.relinked = [];
    this.virtualEnds = new Map();
    for (const chain of overlay?.chains.values() ?? []) {
      const ends: [number, number] = [chain.nodes[0], chain.nodes[chain.nodes.length - 1]];
      for (let k = 1; k + 1 < chain.nodes.length; k++) this.virtualEnds.set(chain.nodes[k], ends);
    }
    const closed = overlay?.closed;
    if (!closed) return;
    const { links } = this;
    const centres = cellCentres(links.cells);
    const index = edgeIndex(links.graph);
    for (let c = 0; c < links.cells.length; c++) {
      if (links.edge[c] < 0 || closed[links.edge[c]] !== 1) continue;
      const snap = snapOpen(index, centres.lon[c], centres.lat[c], closed, links.maxSnapM);
      if (snap !== null) this.relinked.push({ cell: c, snap });
    }
  }

  /** The two baseline ends of the segment a virtual node lies on (empty for baseline nodes). */
  segmentEnds(node: number): readonly number[] {
    return this.virtualEnds.get(node) ?? [];
  }

  /** The closed-edge mask in force (null: nothing closed). */
  closedMask(): Uint8Array | null {
    return this.overlay?.closed ?? null;
  }

  /** Cells whose own segment is closed, by cell: the open segment each joins instead. */
  relinks(): ReadonlyMap<number, Snap> {
    return new Map(this.relinked.map((r) => [r.cell, r.snap]));
  }

  /** snapOrigins on the edited network: an origin on a closed segment joins an open one. */
  snap(origins: readonly Origin[]): { snapped: SnappedOrigin[]; unreachable: UnreachableOrigin[] } {
    const { graph, maxSnapM } = this.links;
    const result = snapOrigins(graph, origins, maxSnapM);
    const closed = this.overlay?.closed;
    if (!closed) return result;
    const snapped: SnappedOrigin[] = [];
    const unreachable = [...result.unreachable];
    const index = edgeIndex(graph);
    for (const origin of result.snapped) {
      if (closed[origin.snap.edge] !== 1) {
        snapped.push(origin);
        continue;
      }
      const { id, lon, lat } = origins[origin.label];
      const snap = snapOpen(index, lon, lat, closed, maxSnapM);
      if (snap !== null) snapped.push({ ...origin, snap });
      else
        unreachable.push({
          id,
          lon,
          lat,
          reason: `its street is closed and no open road lies within ${maxSnapM} m`,
        });
    }
    return { snapped, unreachable };
  }

  compute(origins: readonly SnappedOrigin[], profile: TravelProfile, maxCost: number): void {
    const { search, links } = this;
    const { costS, targets } = links.graph;
    const { source, reverse } = edgeTopology(links.graph);
    const chains = this.overlay?.chains;
    this.resetCells();
    search.reset();
    for (const { label, snap } of origins) {
      const access = accessCost(profile, snap.distanceM);
      const e = snap.edge;
      search.seed(targets[e], access + (1 - snap.t) * costS[e], label);
      const r = reverse[e];
      if (r >= 0) search.seed(source[e], access + snap.t * costS[r], label);
      else if (snap.t === 0) search.seed(source[e], access, label);
      const chain = chains?.get(e);
      if (chain !== undefined) {
        for (let k = 1; k + 1 < chain.nodes.length; k++) {
          search.seed(chain.nodes[k], access + along(e, r, snap.t, chain.t[k], costS), label);
        }
      }
    }
    search.run(maxCost);

    const accessFactor = accessCost(profile, 1);
    const n = links.graph.nodeCount;
    const closed = this.overlay?.closed ?? null;
    const small = search.touchedCount * CELL_SWEEP_RATIO < links.cells.length;
    if (small) {
      const { nodeCellOffsets, nodeCells } = links;
      const { touched } = search;
      for (let k = 0; k < search.touchedCount; k++) {
        const node = touched[k];
        if (node >= n) continue; // virtual nodes carry no cells of their own
        for (let j = nodeCellOffsets[node], end = nodeCellOffsets[node + 1]; j < end; j++) {
          const c = nodeCells[j];
          if (closed === null || closed[links.edge[c]] !== 1) this.evaluateCell(c, accessFactor);
        }
      }
    } else {
      for (let c = 0, count = links.cells.length; c < count; c++) {
        const e = links.edge[c];
        if (e >= 0 && (closed === null || closed[e] !== 1)) this.evaluateCell(c, accessFactor);
      }
    }
    if (chains !== undefined) {
      for (const [e, chain] of chains) {
        if (closed === null || closed[e] !== 1) this.offerFromChain(e, chain, accessFactor);
      }
    }
    for (const { label, snap } of origins) this.offerSameEdge(snap, label, profile);
    for (const { cell, snap } of this.relinked) this.evaluateRelinked(cell, snap, origins, profile);
  }

  /** A cell joined to an open segment (its own is closed): as evaluateCell on that segment. */
  private evaluateRelinked(
    c: number,
    at: Snap,
    origins: readonly SnappedOrigin[],
    profile: TravelProfile,
  ): void {
    const { dist, label } = this.search;
    const { costS, targets } = this.links.graph;
    const { source, reverse } = edgeTopology(this.links.graph);
    const e = at.edge;
    const r = reverse[e];
    const off = accessCost(profile, at.distanceM);
    const u = source[e];
    const v = targets[e];
    const fromV = r >= 0 ? (1 - at.t) * costS[r] : at.t === 1 ? 0 : Number.POSITIVE_INFINITY;
    if (dist[u] !== Number.POSITIVE_INFINITY)
      this.offer(c, dist[u] + at.t * costS[e] + off, label[u]);
    if (dist[v] !== Number.POSITIVE_INFINITY) this.offer(c, dist[v] + fromV + off, label[v]);
    const chain = this.overlay?.chains.get(e);
    if (chain !== undefined) {
      for (let k = 1; k + 1 < chain.nodes.length; k++) {
        const node = chain.nodes[k];
        if (dist[node] === Number.POSITIVE_INFINITY) continue;
        this.offer(c, dist[node] + along(e, r, chain.t[k], at.t, costS) + off, label[node]);
      }
    }
    for (const origin of origins) {
      if (origin.snap.edge !== e) continue;
      const cost =
        accessCost(profile, origin.snap.distanceM) + along(e, r, origin.snap.t, at.t, costS);
      this.offer(c, cost + off, origin.label);
    }
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

  /** Cells on a split edge, reached from the virtual nodes inside it. */
  private offerFromChain(e: number, chain: EdgeChain, accessFactor: number): void {
    const { links } = this;
    const { dist, label } = this.search;
    const { costS } = links.graph;
    const r = edgeTopology(links.graph).reverse[e];
    const u = chain.nodes[0];
    for (let j = links.nodeCellOffsets[u]; j < links.nodeCellOffsets[u + 1]; j++) {
      const c = links.nodeCells[j];
      if (links.edge[c] !== e) continue;
      for (let k = 1; k + 1 < chain.nodes.length; k++) {
        const node = chain.nodes[k];
        if (dist[node] === Number.POSITIVE_INFINITY) continue;
        const cost = dist[node] + along(e, r, chain.t[k], links.t[c], costS);
        this.offer(c, cost + links.offNetworkM[c] * accessFactor, label[node]);
      }
    }
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
      if (this.overlay?.closed?.[snap.edge] === 1) continue; // its cells were relinked
      const tc = links.t[c];
      let alongEdge = Number.POSITIVE_INFINITY;
      if (tc >= snap.t) alongEdge = (tc - snap.t) * costS[snap.edge];
      else if (r >= 0) alongEdge = (snap.t - tc) * costS[r];
      this.offer(c, originAccess + alongEdge + accessCost(profile, links.offNetworkM[c]), label);
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

/** Cost along edge e (reverse twin r, -1 on a oneway) from position t0 to position t1. */
function along(e: number, r: number, t0: number, t1: number, costS: Float32Array): number {
  if (t1 >= t0) return (t1 - t0) * costS[e];
  return r >= 0 ? (t0 - t1) * costS[r] : Number.POSITIVE_INFINITY;
}

/** Same switch as routing/surface.ts: sweep all cells once a search reaches many nodes. */
const CELL_SWEEP_RATIO = 4;
