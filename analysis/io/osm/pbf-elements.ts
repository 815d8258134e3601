import type { PbfReader } from 'pbf';
import { setNode } from './set-node.ts';
import type { OsmData, OsmRelationMember, OsmTags } from './types.ts';

/**
 * Decoders of the four OSM element messages of a PrimitiveGroup (osmformat.proto): Node,
 * DenseNodes, Way, Relation. Each reads one message from pbf.pos up to `end`.
 */

const MEMBER_TYPES: OsmRelationMember['type'][] = ['node', 'way', 'relation'];

/** Coordinates of one PrimitiveBlock: degrees = (offset + granularity * value) / 1e9. */
export interface BlockContext {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

/** Exact for integer inputs below 2^53: the result equals parsing the XML's decimal text. */
const toDegrees = (offset: number, granularity: number, value: number) =>
  (offset + granularity * value) / 1e9;

function tagsFrom(keys: number[], vals: number[], strings: string[]): OsmTags {
  const tags: OsmTags = {};
  for (let i = 0; i < keys.length; i++) tags[strings[keys[i]]] = strings[vals[i]];
  return tags;
}

export function readDenseNodes(pbf: PbfReader, end: number, ctx: BlockContext, osm: OsmData): void {
  let ids: number[] = [];
  let lats: number[] = [];
  let lons: number[] = [];
  let keysVals: number[] = [];
  for (let field = pbf.nextField(end); field !== 0; field = pbf.nextField(end)) {
    if (field === 1) ids = pbf.readPackedSVarint(ids);
    else if (field === 8) lats = pbf.readPackedSVarint(lats);
    else if (field === 9) lons = pbf.readPackedSVarint(lons);
    else if (field === 10) keysVals = pbf.readPackedVarint(keysVals);
  }
  let id = 0;
  let lat = 0;
  let lon = 0;
  let kv = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i];
    lat += lats[i];
    lon += lons[i];
    setNode(
      osm,
      id,
      toDegrees(ctx.lonOffset, ctx.granularity, lon),
      toDegrees(ctx.latOffset, ctx.granularity, lat),
      () => ({}),
    );
    // keys_vals: (key, value)* 0 per node; absent entirely when no node in the block has tags.
    if (kv >= keysVals.length) continue;
    let tags: OsmTags | undefined;
    while (kv < keysVals.length && keysVals[kv] !== 0) {
      tags ??= {};
      tags[ctx.strings[keysVals[kv]]] = ctx.strings[keysVals[kv + 1]];
      kv += 2;
    }
    kv++;
    if (tags) osm.nodeTags.set(id, tags);
  }
}

export function readNode(pbf: PbfReader, end: number, ctx: BlockContext, osm: OsmData): void {
  let id = 0;
  let lat = 0;
  let lon = 0;
  let keys: number[] = [];
  let vals: number[] = [];
  for (let field = pbf.nextField(end); field !== 0; field = pbf.nextField(end)) {
    if (field === 1) id = pbf.readSVarint();
    else if (field === 2) keys = pbf.readPackedVarint(keys);
    else if (field === 3) vals = pbf.readPackedVarint(vals);
    else if (field === 8) lat = pbf.readSVarint();
    else if (field === 9) lon = pbf.readSVarint();
  }
  setNode(
    osm,
    id,
    toDegrees(ctx.lonOffset, ctx.granularity, lon),
    toDegrees(ctx.latOffset, ctx.granularity, lat),
    () => ({}),
  );
  if (keys.length > 0) osm.nodeTags.set(id, tagsFrom(keys, vals, ctx.strings));
}

export function readWay(pbf: PbfReader, end: number, ctx: BlockContext, osm: OsmData): void {
  let id = 0;
  let keys: number[] = [];
  let vals: number[] = [];
  let deltas: number[] = [];
  for (let field = pbf.nextField(end); field !== 0; field = pbf.nextField(end)) {
    if (field === 1) id = pbf.readVarint(true);
    else if (field === 2) keys = pbf.readPackedVarint(keys);
    else if (field === 3) vals = pbf.readPackedVarint(vals);
    else if (field === 8) deltas = pbf.readPackedSVarint(deltas);
  }
  const refs = new Array<number>(deltas.length);
  let ref = 0;
  for (let i = 0; i < deltas.length; i++) {
    ref += deltas[i];
    refs[i] = ref;
  }
  osm.ways.push({ id, refs, tags: tagsFrom(keys, vals, ctx.strings) });
}

export function readRelation(pbf: PbfReader, end: number, ctx: BlockContext, osm: OsmData): void {
  let id = 0;
  let keys: number[] = [];
  let vals: number[] = [];
  let roles: number[] = [];
  let memids: number[] = [];
  let types: number[] = [];
  for (let field = pbf.nextField(end); field !== 0; field = pbf.nextField(end)) {
    if (field === 1) id = pbf.readVarint(true);
    else if (field === 2) keys = pbf.readPackedVarint(keys);
    else if (field === 3) vals = pbf.readPackedVarint(vals);
    else if (field === 8) roles = pbf.readPackedVarint(roles, true);
    else if (field === 9) memids = pbf.readPackedSVarint(memids);
    else if (field === 10) types = pbf.readPackedVarint(types);
  }
  const members: OsmRelationMember[] = [];
  let ref = 0;
  for (let i = 0; i < memids.length; i++) {
    ref += memids[i];
    const type = MEMBER_TYPES[types[i] ?? 0] ?? 'node';
    members.push({ type, ref, role: ctx.strings[roles[i]] ?? '' });
  }
  osm.relations.push({ id, members, tags: tagsFrom(keys, vals, ctx.strings) });
}
