import type { OsmData, OsmTags } from '../io/osm/types.ts';
import type { LonLat, Ring } from './geometry.ts';

/** A closed OSM area: a closed way or an assembled multipolygon relation. */
export interface OsmArea {
  /** Way id, or relation id for multipolygons. */
  id: number;
  source: 'way' | 'relation';
  tags: OsmTags;
  outer: Ring[];
  inner: Ring[];
}

/** Coordinates of a way's nodes; null when any node is missing from the extract. */
export function wayCoords(osm: OsmData, refs: number[]): LonLat[] | null {
  const coords: LonLat[] = [];
  for (const ref of refs) {
    const node = osm.nodes.get(ref);
    if (node === undefined) return null;
    coords.push([node.lon, node.lat]);
  }
  return coords;
}

const isClosed = (refs: number[]) => refs.length >= 4 && refs[0] === refs[refs.length - 1];

/**
 * Chains open ways into closed rings by matching end nodes (the usual multipolygon assembly).
 * Ways that cannot be closed (clipped by the extract boundary) are dropped.
 */
function assembleRings(osm: OsmData, members: number[][]): Ring[] {
  const rings: Ring[] = [];
  const open: number[][] = [];
  for (const refs of members) {
    if (isClosed(refs)) {
      const ring = wayCoords(osm, refs);
      if (ring !== null) rings.push(ring);
    } else if (refs.length >= 2) open.push([...refs]);
  }
  while (open.length > 0) {
    let chain = open.shift() as number[];
    let grown = true;
    while (!isClosed(chain) && grown) {
      grown = false;
      for (let i = 0; i < open.length; i++) {
        const next = open[i];
        const head = chain[0];
        const tail = chain[chain.length - 1];
        if (next[0] === tail) chain = chain.concat(next.slice(1));
        else if (next[next.length - 1] === tail) chain = chain.concat([...next].reverse().slice(1));
        else if (next[next.length - 1] === head) chain = next.concat(chain.slice(1));
        else if (next[0] === head) chain = [...next].reverse().concat(chain.slice(1));
        else continue;
        open.splice(i, 1);
        grown = true;
        break;
      }
    }
    if (isClosed(chain)) {
      const ring = wayCoords(osm, chain);
      if (ring !== null) rings.push(ring);
    }
  }
  return rings;
}

/**
 * Every area of the extract that matches `wanted` (tested on the way's or relation's tags), in
 * OSM order (ways then relations) so that the output is deterministic.
 */
export function collectAreas(osm: OsmData, wanted: (tags: OsmTags) => boolean): OsmArea[] {
  const areas: OsmArea[] = [];
  const wayById = new Map(osm.ways.map((way) => [way.id, way]));
  for (const way of osm.ways) {
    if (!isClosed(way.refs) || !wanted(way.tags)) continue;
    const ring = wayCoords(osm, way.refs);
    if (ring !== null)
      areas.push({ id: way.id, source: 'way', tags: way.tags, outer: [ring], inner: [] });
  }
  for (const relation of osm.relations) {
    if (relation.tags.type !== 'multipolygon' || !wanted(relation.tags)) continue;
    const byRole = (role: string) =>
      relation.members
        .filter((m) => m.type === 'way' && (m.role === role || (role === 'outer' && m.role === '')))
        .map((m) => wayById.get(m.ref)?.refs)
        .filter((refs): refs is number[] => refs !== undefined);
    const outer = assembleRings(osm, byRole('outer'));
    if (outer.length === 0) continue;
    areas.push({
      id: relation.id,
      source: 'relation',
      tags: relation.tags,
      outer,
      inner: assembleRings(osm, byRole('inner')),
    });
  }
  return areas;
}
