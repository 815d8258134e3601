import type { OsmData, OsmTags, OsmWay } from '../../analysis/io/osm/types.ts';

/**
 * An N × N mosaic of one OSM extract: every tile is the extract clipped to its study area,
 * shifted by whole tile widths, with ids renumbered per tile; tiles are joined by connector ways
 * between the clipped road ends facing each other across a shared edge. It gives a county-sized
 * test city made of real streets and buildings (the same ones repeated), nothing invented but
 * the connectors.
 */
export type Bbox = readonly [number, number, number, number];

export interface MosaicResult {
  osm: OsmData;
  /** (tile index, original way id) → mosaic way id, for buildings named in a register. */
  wayId(tile: number, originalId: number): number | undefined;
  tileOffset(tile: number): [number, number];
  connectors: number;
}

const CONNECT_WITHIN_M = 700; // how far from the edge a road node may lie to be joined
const BIN_M = 500; // one connector per this stretch of edge
const DRIVABLE = new Set([
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
  'unclassified',
  'residential',
  'motorway_link',
  'trunk_link',
  'primary_link',
  'secondary_link',
  'tertiary_link',
  'living_street',
]);

/** A road node a connector may start from. */
interface RoadEnd {
  node: number;
  lon: number;
  lat: number;
  highway: string;
}

export function makeMosaic(source: OsmData, bbox: Bbox, n: number): MosaicResult {
  const [west, south, east, north] = bbox;
  const width = east - west;
  const height = north - south;
  const inside = (id: number) => {
    const p = source.nodes.get(id);
    return p !== undefined && p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north;
  };
  // Clip once; every tile repeats the clipped ways.
  const clipped: { original: number; way: OsmWay; cutStart: boolean; cutEnd: boolean }[] = [];
  for (const way of source.ways) {
    const closed = way.refs.length > 2 && way.refs[0] === way.refs[way.refs.length - 1];
    if (closed || way.tags.highway === undefined) {
      if (way.refs.every(inside))
        clipped.push({ original: way.id, way, cutStart: false, cutEnd: false });
      continue;
    }
    let run: number[] = [];
    let runStart = 0;
    const flush = (end: number) => {
      if (run.length >= 2)
        clipped.push({
          original: way.id,
          way: { id: way.id, refs: run, tags: way.tags },
          cutStart: runStart > 0,
          cutEnd: end < way.refs.length,
        });
      run = [];
    };
    way.refs.forEach((ref, i) => {
      if (inside(ref)) {
        if (run.length === 0) runStart = i;
        run.push(ref);
      } else flush(i);
    });
    flush(way.refs.length);
  }
  const keptWays = new Set(clipped.map((c) => c.original));
  const relations = source.relations.filter((r) =>
    r.members.every((m) =>
      m.type === 'way' ? keptWays.has(m.ref) : m.type === 'node' ? inside(m.ref) : false,
    ),
  );
  const nodeIndex = new Map<number, number>();
  for (const id of source.nodes.keys()) if (inside(id)) nodeIndex.set(id, nodeIndex.size + 1);
  const nodeStride = nodeIndex.size + 1;
  const wayStride = clipped.length + 1;
  const firstWayOf = new Map<number, number>();
  clipped.forEach((c, i) => {
    if (!firstWayOf.has(c.original)) firstWayOf.set(c.original, i + 1);
  });
  const relationStride = relations.length + 1;

  const osm: OsmData = { nodes: new Map(), nodeTags: new Map(), ways: [], relations: [] };
  const tileOffset = (tile: number): [number, number] => [
    (tile % n) * width,
    Math.floor(tile / n) * height,
  ];
  const ends: RoadEnd[][] = [];
  for (let tile = 0; tile < n * n; tile++) {
    const [dLon, dLat] = tileOffset(tile);
    const nodeId = (id: number) => tile * nodeStride + (nodeIndex.get(id) ?? 0);
    for (const [id] of nodeIndex) {
      const p = source.nodes.get(id);
      if (p === undefined) continue;
      osm.nodes.set(nodeId(id), { lon: p.lon + dLon, lat: p.lat + dLat });
      const tags = source.nodeTags.get(id);
      if (tags !== undefined) osm.nodeTags.set(nodeId(id), tags);
    }
    const tileEnds: RoadEnd[] = [];
    clipped.forEach((c, i) => {
      const refs = c.way.refs.map(nodeId);
      osm.ways.push({ id: tile * wayStride + i + 1, refs, tags: c.way.tags });
      const highway = c.way.tags.highway;
      if (highway === undefined) return;
      for (const ref of refs) {
        const p = osm.nodes.get(ref);
        if (p !== undefined) tileEnds.push({ node: ref, lon: p.lon, lat: p.lat, highway });
      }
    });
    ends.push(tileEnds);
    relations.forEach((r, i) => {
      osm.relations.push({
        id: tile * relationStride + i + 1,
        tags: r.tags,
        members: r.members.map((m) => ({
          ...m,
          ref: m.type === 'way' ? tile * wayStride + (firstWayOf.get(m.ref) ?? 0) : nodeId(m.ref),
        })),
      });
    });
  }

  // Join neighbours: east edge of a tile to the west edge of the next, north edge to south edge.
  // Along each edge, one connector per BIN_M stretch, between the road nodes of either side
  // nearest to the edge (roads cars may use first, so that every network crosses the seam).
  let nextWay = n * n * wayStride + 1;
  let connectors = 0;
  const mPerLon = 111_320 * Math.cos(((south + north) / 2) * (Math.PI / 180));
  const mPerLat = 110_540;
  const join = (a: RoadEnd[], b: RoadEnd[], edge: number, axis: 'lon' | 'lat') => {
    const scale = axis === 'lon' ? mPerLon : mPerLat;
    const alongScale = axis === 'lon' ? mPerLat : mPerLon;
    const along = (e: RoadEnd) => (axis === 'lon' ? e.lat : e.lon) * alongScale;
    const best = (list: RoadEnd[]) => {
      const bins = new Map<number, { end: RoadEnd; score: number }>();
      for (const end of list) {
        const gap = Math.abs(end[axis] - edge) * scale;
        if (gap > CONNECT_WITHIN_M) continue;
        const score = gap + (DRIVABLE.has(end.highway) ? 0 : 10_000);
        const bin = Math.floor(along(end) / BIN_M);
        const held = bins.get(bin);
        if (held === undefined || score < held.score) bins.set(bin, { end, score });
      }
      return bins;
    };
    const left = best(a);
    const right = best(b);
    for (const [bin, { end }] of left) {
      const other = right.get(bin)?.end;
      if (other === undefined) continue;
      const highway =
        DRIVABLE.has(end.highway) && DRIVABLE.has(other.highway) ? end.highway : 'footway';
      const tags: OsmTags = { highway, 'carecircle:connector': 'mosaic tile edge' };
      osm.ways.push({ id: nextWay++, refs: [end.node, other.node], tags });
      connectors++;
    }
  };
  for (let tile = 0; tile < n * n; tile++) {
    const col = tile % n;
    const row = Math.floor(tile / n);
    const [dLon, dLat] = tileOffset(tile);
    if (col + 1 < n) join(ends[tile], ends[tile + 1], east + dLon, 'lon');
    if (row + 1 < n) join(ends[tile], ends[tile + n], north + dLat, 'lat');
  }
  return {
    osm,
    wayId: (tile, originalId) => {
      const first = firstWayOf.get(originalId);
      return first === undefined ? undefined : tile * wayStride + first;
    },
    tileOffset,
    connectors,
  };
}
