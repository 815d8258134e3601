import { zlibSync } from 'fflate';
import { PbfWriter } from 'pbf';
import type { OsmData, OsmTags } from '../../analysis/io/osm/types.ts';

/**
 * Writes OsmData as an OSM PBF file (dense nodes, ways, relations; zlib blobs of at most
 * BLOCK_SIZE elements), the format analysis/io/osm/parse-pbf.ts reads. Coordinates are kept at
 * the PBF default granularity (100 nanodegrees).
 */
const BLOCK_SIZE = 8000;
const NANO = 1e7; // 1 / (granularity 100 × 1e-9)

export function writeOsmPbf(osm: OsmData): Uint8Array {
  const header = new PbfWriter();
  header.writeStringField(4, 'OsmSchema-V0.6');
  header.writeStringField(4, 'DenseNodes');
  header.writeStringField(16, 'carecircle county mosaic');
  const parts = [frame('OSMHeader', header.finish())];
  const nodeIds = [...osm.nodes.keys()].sort((a, b) => a - b);
  for (let i = 0; i < nodeIds.length; i += BLOCK_SIZE) {
    parts.push(frame('OSMData', nodeBlock(osm, nodeIds.slice(i, i + BLOCK_SIZE))));
  }
  for (let i = 0; i < osm.ways.length; i += BLOCK_SIZE) {
    parts.push(frame('OSMData', wayBlock(osm.ways.slice(i, i + BLOCK_SIZE))));
  }
  for (let i = 0; i < osm.relations.length; i += BLOCK_SIZE) {
    parts.push(frame('OSMData', relationBlock(osm.relations.slice(i, i + BLOCK_SIZE))));
  }
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

class StringTable {
  private readonly ids = new Map<string, number>([['', 0]]);
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
    }
    return id;
  }
  encode(): Uint8Array {
    const table = new PbfWriter();
    for (const s of this.ids.keys()) table.writeStringField(1, s);
    return table.finish();
  }
}

function block(strings: StringTable, group: Uint8Array): Uint8Array {
  const out = new PbfWriter();
  out.writeBytesField(1, strings.encode());
  out.writeBytesField(2, group);
  return out.finish();
}

function nodeBlock(osm: OsmData, ids: number[]): Uint8Array {
  const strings = new StringTable();
  const lat = ids.map((id) => Math.round((osm.nodes.get(id)?.lat ?? 0) * NANO));
  const lon = ids.map((id) => Math.round((osm.nodes.get(id)?.lon ?? 0) * NANO));
  const keysVals: number[] = [];
  for (const id of ids) {
    for (const [k, v] of Object.entries(osm.nodeTags.get(id) ?? {})) {
      keysVals.push(strings.id(k), strings.id(v));
    }
    keysVals.push(0);
  }
  const group = new PbfWriter();
  group.writeMessage(
    2,
    (_: null, pbf) => {
      pbf.writePackedSVarint(1, deltas(ids));
      pbf.writePackedSVarint(8, deltas(lat));
      pbf.writePackedSVarint(9, deltas(lon));
      pbf.writePackedVarint(10, keysVals);
    },
    null,
  );
  return block(strings, group.finish());
}

function writeTags(pbf: PbfWriter, strings: StringTable, tags: OsmTags): void {
  pbf.writePackedVarint(
    2,
    Object.keys(tags).map((k) => strings.id(k)),
  );
  pbf.writePackedVarint(
    3,
    Object.values(tags).map((v) => strings.id(v)),
  );
}

function wayBlock(ways: OsmData['ways']): Uint8Array {
  const strings = new StringTable();
  const group = new PbfWriter();
  for (const way of ways) {
    group.writeMessage(
      3,
      (w: typeof way, pbf) => {
        pbf.writeVarintField(1, w.id);
        writeTags(pbf, strings, w.tags);
        pbf.writePackedSVarint(8, deltas(w.refs));
      },
      way,
    );
  }
  return block(strings, group.finish());
}

const MEMBER_TYPE = { node: 0, way: 1, relation: 2 } as const;

function relationBlock(relations: OsmData['relations']): Uint8Array {
  const strings = new StringTable();
  const group = new PbfWriter();
  for (const relation of relations) {
    group.writeMessage(
      4,
      (r: typeof relation, pbf) => {
        pbf.writeVarintField(1, r.id);
        writeTags(pbf, strings, r.tags);
        pbf.writePackedVarint(
          8,
          r.members.map((m) => strings.id(m.role)),
        );
        pbf.writePackedSVarint(9, deltas(r.members.map((m) => m.ref)));
        pbf.writePackedVarint(
          10,
          r.members.map((m) => MEMBER_TYPE[m.type]),
        );
      },
      relation,
    );
  }
  return block(strings, group.finish());
}

function frame(type: string, content: Uint8Array): Uint8Array {
  const blob = new PbfWriter();
  blob.writeVarintField(2, content.length);
  blob.writeBytesField(3, zlibSync(content));
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

function deltas(values: number[]): number[] {
  return values.map((v, i) => (i === 0 ? v : v - values[i - 1]));
}
