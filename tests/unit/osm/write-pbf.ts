import { zlibSync } from 'fflate';
import { PbfWriter } from 'pbf';

/**
 * A minimal OSM PBF encoder for tests only: it writes the variants the demo file does not use
 * (plain Nodes, raw blobs, granularity/offsets, a replication timestamp) so the reader's handling
 * of them can be checked against known content.
 */
export interface TestBlock {
  granularity?: number;
  latOffset?: number;
  lonOffset?: number;
  /** Plain (non-dense) nodes; coordinates in units of granularity nanodegrees. */
  nodes?: Array<{ id: number; lat: number; lon: number; tags?: Record<string, string> }>;
  dense?: Array<{ id: number; lat: number; lon: number; tags?: Record<string, string> }>;
  ways?: Array<{ id: number; refs: number[]; tags?: Record<string, string> }>;
  relations?: Array<{
    id: number;
    members: Array<{ type: 0 | 1 | 2; ref: number; role: string }>;
    tags?: Record<string, string>;
  }>;
}

export function writeTestPbf(
  blocks: TestBlock[],
  options: { replicationTimestamp?: number; compress?: boolean } = {},
): Uint8Array {
  const header = new PbfWriter();
  header.writeStringField(4, 'OsmSchema-V0.6');
  header.writeStringField(4, 'DenseNodes');
  header.writeStringField(16, 'carecircle-test');
  if (options.replicationTimestamp !== undefined) {
    header.writeVarintField(32, options.replicationTimestamp);
  }
  const parts = [frame('OSMHeader', header.finish(), options.compress ?? true)];
  for (const block of blocks) parts.push(frame('OSMData', encodeBlock(block), options.compress));
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function frame(type: string, content: Uint8Array, compress = true): Uint8Array {
  const blob = new PbfWriter();
  if (compress) {
    blob.writeVarintField(2, content.length);
    blob.writeBytesField(3, zlibSync(content));
  } else {
    blob.writeBytesField(1, content);
  }
  const blobBytes = blob.finish();
  const header = new PbfWriter();
  header.writeStringField(1, type);
  header.writeVarintField(3, blobBytes.length);
  const headerBytes = header.finish();
  const out = new Uint8Array(4 + headerBytes.length + blobBytes.length);
  new DataView(out.buffer).setUint32(0, headerBytes.length, false);
  out.set(headerBytes, 4);
  out.set(blobBytes, 4 + headerBytes.length);
  return out;
}

function encodeBlock(block: TestBlock): Uint8Array {
  const strings = [''];
  const sid = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const group = new PbfWriter();
  for (const node of block.nodes ?? []) {
    group.writeMessage(
      1,
      (n: typeof node, pbf) => {
        pbf.writeSVarintField(1, n.id);
        pbf.writePackedVarint(2, Object.keys(n.tags ?? {}).map(sid));
        pbf.writePackedVarint(3, Object.values(n.tags ?? {}).map(sid));
        pbf.writeSVarintField(8, n.lat);
        pbf.writeSVarintField(9, n.lon);
      },
      node,
    );
  }
  if (block.dense) {
    const dense = block.dense;
    group.writeMessage(
      2,
      (d: typeof dense, pbf) => {
        pbf.writePackedSVarint(1, deltas(d.map((n) => n.id)));
        pbf.writePackedSVarint(8, deltas(d.map((n) => n.lat)));
        pbf.writePackedSVarint(9, deltas(d.map((n) => n.lon)));
        pbf.writePackedVarint(
          10,
          d.flatMap((n) => [
            ...Object.entries(n.tags ?? {}).flatMap(([k, v]) => [sid(k), sid(v)]),
            0,
          ]),
        );
      },
      dense,
    );
  }
  for (const way of block.ways ?? []) {
    group.writeMessage(
      3,
      (w: typeof way, pbf) => {
        pbf.writeVarintField(1, w.id);
        pbf.writePackedVarint(2, Object.keys(w.tags ?? {}).map(sid));
        pbf.writePackedVarint(3, Object.values(w.tags ?? {}).map(sid));
        pbf.writePackedSVarint(8, deltas(w.refs));
      },
      way,
    );
  }
  for (const relation of block.relations ?? []) {
    group.writeMessage(
      4,
      (r: typeof relation, pbf) => {
        pbf.writeVarintField(1, r.id);
        pbf.writePackedVarint(2, Object.keys(r.tags ?? {}).map(sid));
        pbf.writePackedVarint(3, Object.values(r.tags ?? {}).map(sid));
        pbf.writePackedVarint(
          8,
          r.members.map((m) => sid(m.role)),
        );
        pbf.writePackedSVarint(9, deltas(r.members.map((m) => m.ref)));
        pbf.writePackedVarint(
          10,
          r.members.map((m) => m.type),
        );
      },
      relation,
    );
  }
  const groupBytes = group.finish();
  const out = new PbfWriter();
  // Groups first and granularity/offsets after them: a reader must not assume field order.
  out.writeBytesField(2, groupBytes);
  if (block.granularity !== undefined) out.writeVarintField(17, block.granularity);
  if (block.latOffset !== undefined) out.writeVarintField(19, block.latOffset);
  if (block.lonOffset !== undefined) out.writeVarintField(20, block.lonOffset);
  const table = new PbfWriter();
  for (const s of strings) table.writeStringField(1, s);
  out.writeBytesField(1, table.finish());
  return out.finish();
}

function deltas(values: number[]): number[] {
  return values.map((v, i) => (i === 0 ? v : v - values[i - 1]));
}
