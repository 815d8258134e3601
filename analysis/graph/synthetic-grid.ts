import { haversineM, offsetLonLat } from '../geo.ts';
import type { NetworkProfile, RoadGraph } from './types.ts';
import { highwayCode } from './types.ts';

/**
 * A deterministic synthetic "metro" road network for benchmarks: a jittered square grid with a
 * fraction of street segments removed (so that routes detour, as in real cities). The same seed
 * always gives the same graph, byte for byte.
 */
export interface SyntheticGridOptions {
  rows?: number;
  cols?: number;
  spacingM?: number;
  /** Share of grid segments dropped, 0..0.3. */
  removeShare?: number;
  seed?: number;
  center?: [number, number];
  network?: NetworkProfile;
}

/** 32-bit integer hash (lowbias32): stateless, so any segment's fate is known without a stream. */
function hash32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform number in [0, 1) from a key and a seed. */
export function seededUnit(key: number, seed: number): number {
  return hash32(hash32(key) ^ Math.imul(seed + 1, 0x9e3779b1)) / 4294967296;
}

export function syntheticGrid(options: SyntheticGridOptions = {}): RoadGraph {
  const rows = options.rows ?? 708;
  const cols = options.cols ?? 708;
  const spacing = options.spacingM ?? 60;
  const removeShare = options.removeShare ?? 0.08;
  const seed = options.seed ?? 1;
  const [lon0, lat0] = options.center ?? [118.78, 32.04];
  const n = rows * cols;
  const nodeLon = new Float64Array(n);
  const nodeLat = new Float64Array(n);
  const nodeOsmId = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const jx = (seededUnit(2 * i, seed) - 0.5) * 0.3 * spacing;
      const jy = (seededUnit(2 * i + 1, seed) - 0.5) * 0.3 * spacing;
      const [lon, lat] = offsetLonLat(
        lon0,
        lat0,
        (c - cols / 2) * spacing + jx,
        (r - rows / 2) * spacing + jy,
      );
      nodeLon[i] = lon;
      nodeLat[i] = lat;
      nodeOsmId[i] = -(i + 1);
    }
  }
  // Segment ids: horizontal (r,c)-(r,c+1) = 2i, vertical (r,c)-(r+1,c) = 2i+1, i = r*cols+c.
  const kept = (segment: number) => seededUnit(segment + 0x5eed, seed) >= removeShare;
  const neighbours = (i: number, out: number[]) => {
    out.length = 0;
    const r = Math.floor(i / cols);
    const c = i - r * cols;
    if (c + 1 < cols && kept(2 * i)) out.push(i + 1);
    if (c > 0 && kept(2 * (i - 1))) out.push(i - 1);
    if (r + 1 < rows && kept(2 * i + 1)) out.push(i + cols);
    if (r > 0 && kept(2 * (i - cols) + 1)) out.push(i - cols);
    return out;
  };
  const offsets = new Uint32Array(n + 1);
  const scratch: number[] = [];
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + neighbours(i, scratch).length;
  const m = offsets[n];
  const targets = new Uint32Array(m);
  const lengthM = new Float32Array(m);
  const highway = new Uint8Array(m).fill(highwayCode('residential'));
  for (let i = 0; i < n; i++) {
    let at = offsets[i];
    for (const j of neighbours(i, scratch)) {
      targets[at] = j;
      lengthM[at] = haversineM(nodeLon[i], nodeLat[i], nodeLon[j], nodeLat[j]);
      at++;
    }
  }
  return {
    network: options.network ?? 'walk',
    nodeCount: n,
    edgeCount: m,
    nodeLon,
    nodeLat,
    nodeOsmId,
    offsets,
    targets,
    lengthM,
    // Walk reference speed is 1 m/s, so cost in seconds equals length in metres.
    costS: Float32Array.from(lengthM),
    highway,
  };
}

/** Deterministic facility sites spread over the grid's extent. */
export function syntheticFacilities(
  graph: RoadGraph,
  count: number,
  seed = 7,
): { id: string; lon: number; lat: number }[] {
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
  return Array.from({ length: count }, (_, k) => ({
    id: `F${String(k + 1).padStart(4, '0')}`,
    lon: west + seededUnit(3 * k, seed) * (east - west),
    lat: south + seededUnit(3 * k + 1, seed) * (north - south),
  }));
}
