import type { CellLinks } from '../cell-links.ts';
import type { EdgeIndex } from '../edge-index.ts';
import type { Snap } from '../snap.ts';
import { edgeTopology } from '../topology.ts';
import type { OverlayElement } from './types.ts';

/**
 * Nearest point on a segment that is not closed, within maxDistanceM (null when none): where a
 * site or a home whose own street is closed now joins the network. Scans the grid buckets of
 * the square around the point; ties break on the lower edge id, as in routing/snap.ts.
 */
export function snapOpen(
  index: EdgeIndex,
  lon: number,
  lat: number,
  closed: Uint8Array,
  maxDistanceM: number,
): Snap | null {
  const { x, y, cellM, cols, rows, bucketOffsets, bucketEdges, graph, topology } = index;
  const px = lon * index.frame.kx;
  const py = lat * index.frame.ky;
  const c0 = Math.max(0, Math.floor((px - maxDistanceM - index.minX) / cellM));
  const c1 = Math.min(cols - 1, Math.floor((px + maxDistanceM - index.minX) / cellM));
  const r0 = Math.max(0, Math.floor((py - maxDistanceM - index.minY) / cellM));
  const r1 = Math.min(rows - 1, Math.floor((py + maxDistanceM - index.minY) / cellM));
  let bestEdge = -1;
  let bestT = 0;
  let bestD2 = maxDistanceM * maxDistanceM;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const b = r * cols + c;
      for (let k = bucketOffsets[b]; k < bucketOffsets[b + 1]; k++) {
        const e = bucketEdges[k];
        if (closed[e] === 1) continue;
        const u = topology.source[e];
        const v = graph.targets[e];
        const dx = x[v] - x[u];
        const dy = y[v] - y[u];
        const len2 = dx * dx + dy * dy;
        let t = len2 > 0 ? ((px - x[u]) * dx + (py - y[u]) * dy) / len2 : 0;
        t = Math.max(0, Math.min(1, t));
        const qx = x[u] + t * dx - px;
        const qy = y[u] + t * dy - py;
        const d2 = qx * qx + qy * qy;
        if (d2 < bestD2 || (d2 === bestD2 && bestEdge >= 0 && e < bestEdge)) {
          bestD2 = d2;
          bestEdge = e;
          bestT = t;
        }
      }
    }
  }
  if (bestEdge < 0) return null;
  return { edge: bestEdge, t: bestT, distanceM: Math.sqrt(bestD2) };
}

/**
 * Cells whose link to the network differs between two relink maps (OverlaySurface.relinks), as
 * overlay elements: a search that reaches the ends of the old or the new segment of such a cell
 * may see the cell at another time, even though no route changed.
 */
export function relinkChanges(
  links: CellLinks,
  before: ReadonlyMap<number, Snap>,
  after: ReadonlyMap<number, Snap>,
): OverlayElement[] {
  const { source } = edgeTopology(links.graph);
  const out: OverlayElement[] = [];
  for (const c of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(c);
    const b = after.get(c);
    if (a && b && a.edge === b.edge && a.t === b.t && a.distanceM === b.distanceM) continue;
    const edges = [a?.edge ?? links.edge[c], b?.edge ?? links.edge[c]];
    out.push({
      key: `relink:${c}`,
      nodes: edges.flatMap((e) => [source[e], links.graph.targets[e]]),
      edges,
    });
  }
  return out;
}
