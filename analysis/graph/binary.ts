import { InputError } from '../errors.ts';
import type { NetworkProfile, RoadGraph } from './types.ts';

/**
 * Binary graph file: one ArrayBuffer, little-endian.
 *   bytes 0..7   magic "CCGRAPH\0"
 *   uint32       format version (GRAPH_FORMAT_VERSION)
 *   uint32       network code (0 walk, 1 ebike, 2 drive)
 *   uint32       nodeCount
 *   uint32       edgeCount
 *   then, each array 8-byte aligned, in this order:
 *   nodeLon f64[n], nodeLat f64[n], nodeOsmId f64[n], offsets u32[n+1], targets u32[m],
 *   lengthM f32[m], costS f32[m], highway u8[m]
 *   optional sections after the last array, each 8-byte aligned: magic "CCWHEEL\0" then
 *   wheelchair u8[m]; magic "CCBARR\0\0" then barrier u8[n] (readers that predate them stop
 *   at the highway array, so the format version stays 1). A section is written only when it holds
 *   a non-zero entry; a graph decoded without it has no marks (wheelchair) / no stopping
 *   barrier (barrier).
 */
export const GRAPH_FORMAT_VERSION = 1;
const MAGIC = 'CCGRAPH\0';
const WHEELCHAIR_MAGIC = 'CCWHEEL\0';
const BARRIER_MAGIC = 'CCBARR\0\0';
const HEADER_BYTES = 24;
const NETWORKS: NetworkProfile[] = ['walk', 'ebike', 'drive'];

const align8 = (n: number) => Math.ceil(n / 8) * 8;

function layout(n: number, m: number) {
  const sizes = [8 * n, 8 * n, 8 * n, 4 * (n + 1), 4 * m, 4 * m, 4 * m, m];
  const offsets: number[] = [];
  let at = HEADER_BYTES;
  for (const size of sizes) {
    offsets.push(at);
    at = align8(at + size);
  }
  return { offsets, total: at };
}

export function encodeGraph(g: RoadGraph): Uint8Array {
  const { offsets, total: core } = layout(g.nodeCount, g.edgeCount);
  // A section of zeros says nothing an absent one does not, and leaving it out keeps files of
  // extracts without such tags identical to those written before the sections existed.
  const sections = [
    { magic: WHEELCHAIR_MAGIC, array: g.wheelchair },
    { magic: BARRIER_MAGIC, array: g.barrier },
  ].filter(
    (x): x is { magic: string; array: Uint8Array } => x.array?.some((v) => v !== 0) === true,
  );
  const total = sections.reduce((at, x) => at + 8 + align8(x.array.length), core);
  const buffer = new ArrayBuffer(total);
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  const view = new DataView(buffer);
  view.setUint32(8, GRAPH_FORMAT_VERSION, true);
  view.setUint32(12, NETWORKS.indexOf(g.network), true);
  view.setUint32(16, g.nodeCount, true);
  view.setUint32(20, g.edgeCount, true);
  const arrays = [
    g.nodeLon,
    g.nodeLat,
    g.nodeOsmId,
    g.offsets,
    g.targets,
    g.lengthM,
    g.costS,
    g.highway,
  ];
  arrays.forEach((array, i) => {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[i]);
  });
  let at = core;
  for (const { magic, array } of sections) {
    for (let i = 0; i < magic.length; i++) bytes[at + i] = magic.charCodeAt(i);
    bytes.set(array, at + 8);
    at += 8 + align8(array.length);
  }
  return bytes;
}

/** Loads a graph from one buffer without copying the arrays (views into the buffer). */
export function decodeGraph(input: ArrayBuffer | Uint8Array, file = 'graph'): RoadGraph {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // Typed-array views need an 8-byte aligned base; copy once if the caller's buffer is not.
  const data = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const magic = String.fromCharCode(...data.subarray(0, 8));
  if (data.byteLength < HEADER_BYTES || magic !== MAGIC) {
    throw new InputError('E_GRAPH_FORMAT', 'not a CareCircle graph file (bad magic)', { file });
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint32(8, true);
  if (version !== GRAPH_FORMAT_VERSION) {
    throw new InputError(
      'E_GRAPH_VERSION',
      `graph format version ${version}, expected ${GRAPH_FORMAT_VERSION}; rebuild the city`,
      { file },
    );
  }
  const network = NETWORKS[view.getUint32(12, true)];
  if (network === undefined) {
    throw new InputError('E_GRAPH_FORMAT', 'unknown network code', { file });
  }
  const n = view.getUint32(16, true);
  const m = view.getUint32(20, true);
  const { offsets: at, total } = layout(n, m);
  if (data.byteLength < total) {
    throw new InputError('E_GRAPH_FORMAT', `truncated: ${data.byteLength} of ${total} bytes`, {
      file,
    });
  }
  const base = data.byteOffset;
  const buf = data.buffer;
  const optional: { wheelchair?: Uint8Array; barrier?: Uint8Array } = {};
  for (let at = total; at + 8 <= data.byteLength; ) {
    const magic = String.fromCharCode(...data.subarray(at, at + 8));
    const length = magic === WHEELCHAIR_MAGIC ? m : magic === BARRIER_MAGIC ? n : -1;
    if (length < 0 || at + 8 + length > data.byteLength) break;
    const array = new Uint8Array(buf, base + at + 8, length);
    if (magic === WHEELCHAIR_MAGIC) optional.wheelchair = array;
    else optional.barrier = array;
    at += 8 + align8(length);
  }
  return {
    network,
    nodeCount: n,
    edgeCount: m,
    nodeLon: new Float64Array(buf, base + at[0], n),
    nodeLat: new Float64Array(buf, base + at[1], n),
    nodeOsmId: new Float64Array(buf, base + at[2], n),
    offsets: new Uint32Array(buf, base + at[3], n + 1),
    targets: new Uint32Array(buf, base + at[4], m),
    lengthM: new Float32Array(buf, base + at[5], m),
    costS: new Float32Array(buf, base + at[6], m),
    highway: new Uint8Array(buf, base + at[7], m),
    ...optional,
  };
}
