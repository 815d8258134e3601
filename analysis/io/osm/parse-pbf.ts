import { unzlibSync } from 'fflate';
import { PbfReader } from 'pbf';
import { InputError } from '../../errors.ts';
import {
  type BlockContext,
  readDenseNodes,
  readNode,
  readRelation,
  readWay,
} from './pbf-elements.ts';
import type { OsmData } from './types.ts';

/**
 * OSM PBF reader (https://wiki.openstreetmap.org/wiki/PBF_Format), written against the format
 * description with the `pbf` protobuf reader and `fflate` for zlib blobs. Uint8Array only, so it
 * runs in a Web Worker and in Node alike.
 *
 * File = repeated (uint32 big-endian length, BlobHeader, Blob). The first blob is an OSMHeader
 * (HeaderBlock), the rest OSMData (PrimitiveBlock).
 */

// Field numbers from osmformat.proto / fileformat.proto.
const BLOB_HEADER = { type: 1, datasize: 3 } as const;
const BLOB = { raw: 1, rawSize: 2, zlib: 3, lzma: 4, bzip2: 6, lz4: 7, zstd: 8 } as const;
const HEADER = { requiredFeatures: 4, replicationTimestamp: 32 } as const;
const BLOCK = {
  stringTable: 1,
  group: 2,
  granularity: 17,
  latOffset: 19,
  lonOffset: 20,
} as const;
const GROUP = { nodes: 1, dense: 2, ways: 3, relations: 4 } as const;
/** Features a reader must understand; anything else in required_features is refused. */
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);

function bad(file: string, message: string): InputError {
  return new InputError('E_BAD_OSM', `corrupt or truncated OSM PBF: ${message}`, { file });
}

export function parsePbf(bytes: Uint8Array, file: string): OsmData {
  const osm: OsmData = { nodes: new Map(), nodeTags: new Map(), ways: [], relations: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let blobIndex = 0;
  while (pos < bytes.length) {
    if (pos + 4 > bytes.length) throw bad(file, `blob ${blobIndex} header length cut off`);
    const headerLength = view.getUint32(pos, false);
    pos += 4;
    if (headerLength > 64 * 1024 || pos + headerLength > bytes.length) {
      throw bad(file, `blob ${blobIndex} header cut off or oversized`);
    }
    const header = readBlobHeader(bytes.subarray(pos, pos + headerLength));
    pos += headerLength;
    if (pos + header.datasize > bytes.length) {
      throw bad(file, `blob ${blobIndex} (${header.type}) cut off at byte ${bytes.length}`);
    }
    const blob = bytes.subarray(pos, pos + header.datasize);
    pos += header.datasize;
    let content: Uint8Array;
    try {
      content = readBlob(blob, file);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw bad(file, `blob ${blobIndex} does not decompress (${(error as Error).message})`);
    }
    if (blobIndex === 0 && header.type !== 'OSMHeader') {
      throw bad(file, `first blob is ${header.type}, expected OSMHeader`);
    }
    try {
      if (header.type === 'OSMHeader') readHeaderBlock(content, osm, file);
      else if (header.type === 'OSMData') readPrimitiveBlock(content, osm);
      // Unknown blob types are skipped, as the format asks.
    } catch (error) {
      // Element readers do not know the file; their errors get it here.
      if (error instanceof InputError && error.location.file === undefined)
        throw new InputError(error.code, error.message, { file });
      if (error instanceof InputError) throw error;
      throw bad(file, `blob ${blobIndex} is malformed (${(error as Error).message})`);
    }
    blobIndex++;
  }
  return osm;
}

function readBlobHeader(bytes: Uint8Array): { type: string; datasize: number } {
  const pbf = new PbfReader(bytes);
  const header = { type: '', datasize: 0 };
  for (let field = pbf.nextField(); field !== 0; field = pbf.nextField()) {
    if (field === BLOB_HEADER.type) header.type = pbf.readString();
    else if (field === BLOB_HEADER.datasize) header.datasize = pbf.readVarint();
  }
  return header;
}

function readBlob(bytes: Uint8Array, file: string): Uint8Array {
  const pbf = new PbfReader(bytes);
  let rawSize = -1;
  let data: Uint8Array | undefined;
  for (let field = pbf.nextField(); field !== 0; field = pbf.nextField()) {
    if (field === BLOB.raw) data = pbf.readBytes();
    else if (field === BLOB.rawSize) rawSize = pbf.readVarint();
    else if (field === BLOB.zlib) data = unzlibSync(pbf.readBytes());
    else if (
      field === BLOB.lzma ||
      field === BLOB.bzip2 ||
      field === BLOB.lz4 ||
      field === BLOB.zstd
    ) {
      throw new InputError(
        'E_BAD_OSM',
        'OSM PBF uses a compression other than zlib (lzma/bzip2/lz4/zstd); re-save it with zlib (e.g. osmium cat)',
        { file },
      );
    }
  }
  if (data === undefined) throw bad(file, 'blob without data');
  if (rawSize >= 0 && data.length !== rawSize) {
    throw bad(file, `blob decompressed to ${data.length} bytes, expected ${rawSize}`);
  }
  return data;
}

function readHeaderBlock(bytes: Uint8Array, osm: OsmData, file: string): void {
  const pbf = new PbfReader(bytes);
  for (let field = pbf.nextField(); field !== 0; field = pbf.nextField()) {
    if (field === HEADER.requiredFeatures) {
      const feature = pbf.readString();
      if (!SUPPORTED_FEATURES.has(feature)) {
        throw new InputError('E_BAD_OSM', `OSM PBF requires unsupported feature "${feature}"`, {
          file,
        });
      }
    } else if (field === HEADER.replicationTimestamp) {
      // Seconds since the epoch; formatted like the XML osm_base ("2021-06-12T07:41:41Z").
      const seconds = pbf.readVarint(true);
      osm.timestamp = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
    }
  }
}

function readPrimitiveBlock(bytes: Uint8Array, osm: OsmData): void {
  const pbf = new PbfReader(bytes);
  const ctx: BlockContext = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0 };
  // Groups may precede granularity/offsets in the byte stream: remember where they are first.
  const groups: Array<[start: number, end: number]> = [];
  for (let field = pbf.nextField(); field !== 0; field = pbf.nextField()) {
    if (field === BLOCK.stringTable) {
      const end = pbf.readVarint() + pbf.pos;
      for (let f = pbf.nextField(end); f !== 0; f = pbf.nextField(end)) {
        if (f === 1) ctx.strings.push(pbf.readString());
      }
    } else if (field === BLOCK.group) {
      const length = pbf.readVarint();
      groups.push([pbf.pos, pbf.pos + length]);
      pbf.pos += length;
    } else if (field === BLOCK.granularity) ctx.granularity = pbf.readVarint(true);
    else if (field === BLOCK.latOffset) ctx.latOffset = pbf.readVarint(true);
    else if (field === BLOCK.lonOffset) ctx.lonOffset = pbf.readVarint(true);
  }
  for (const [start, end] of groups) {
    pbf.pos = start;
    for (let field = pbf.nextField(end); field !== 0; field = pbf.nextField(end)) {
      const messageEnd = pbf.readVarint() + pbf.pos;
      if (field === GROUP.dense) readDenseNodes(pbf, messageEnd, ctx, osm);
      else if (field === GROUP.nodes) readNode(pbf, messageEnd, ctx, osm);
      else if (field === GROUP.ways) readWay(pbf, messageEnd, ctx, osm);
      else if (field === GROUP.relations) readRelation(pbf, messageEnd, ctx, osm);
      pbf.pos = messageEnd;
    }
  }
}
