import type { EdgeIndex } from './edge-index.ts';

/** Default limit beyond which a point is reported unreachable instead of being snapped. */
export const DEFAULT_MAX_SNAP_M = 500;

/** A point's nearest position ON a road segment. */
export interface Snap {
  /** Canonical edge u→v (see isCanonicalEdge). */
  edge: number;
  /** Position along u→v, 0 at u, 1 at v. */
  t: number;
  /** Straight-line distance from the point to the snapped position (off-network leg), metres. */
  distanceM: number;
}

/**
 * Nearest point on any edge within `maxDistanceM`, or null when no road is that close (the
 * caller reports the point as unreachable; it is never silently snapped farther away).
 * Searches grid rings outwards and stops once no unvisited ring can hold a closer segment.
 */
export function snapPoint(
  index: EdgeIndex,
  lon: number,
  lat: number,
  maxDistanceM = DEFAULT_MAX_SNAP_M,
): Snap | null {
  const { x, y, cellM, cols, rows, bucketOffsets, bucketEdges, graph, topology } = index;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || graph.edgeCount === 0) return null;
  const px = lon * index.frame.kx;
  const py = lat * index.frame.ky;
  const pc = Math.floor((px - index.minX) / cellM);
  const pr = Math.floor((py - index.minY) / cellM);
  let bestEdge = -1;
  let bestT = 0;
  let bestD2 = maxDistanceM * maxDistanceM;
  const maxRing = Math.ceil(maxDistanceM / cellM) + 1;
  for (let ring = 0; ring <= maxRing; ring++) {
    // Everything outside rings 0..ring-1 is at least (ring-1)·cellM away.
    const reach = Math.max(0, ring - 1) * cellM;
    if (bestEdge >= 0 && reach * reach > bestD2) break;
    if (reach > maxDistanceM) break;
    for (let r = pr - ring; r <= pr + ring; r++) {
      if (r < 0 || r >= rows) continue;
      const onEdgeRow = r === pr - ring || r === pr + ring;
      const step = onEdgeRow ? 1 : 2 * ring;
      // Distance from the point to this bucket row (0 inside it).
      const rowY0 = index.minY + r * cellM;
      const gapY = Math.max(0, rowY0 - py, py - (rowY0 + cellM));
      for (let c = pc - ring; c <= pc + ring; c += Math.max(1, step)) {
        if (c < 0 || c >= cols) continue;
        // A segment's nearest point lies in a bucket it is listed in, so a bucket farther than
        // the best distance so far cannot improve it (strict: equal distances still tie-break).
        const colX0 = index.minX + c * cellM;
        const gapX = Math.max(0, colX0 - px, px - (colX0 + cellM));
        if (bestEdge >= 0 && gapX * gapX + gapY * gapY > bestD2) continue;
        const b = r * cols + c;
        for (let k = bucketOffsets[b]; k < bucketOffsets[b + 1]; k++) {
          const e = bucketEdges[k];
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
  }
  if (bestEdge < 0) return null;
  return { edge: bestEdge, t: bestT, distanceM: Math.sqrt(bestD2) };
}
