import { readFileSync } from 'node:fs';
import { hasEdge } from '../../../analysis/graph/stats.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import { readOsm } from '../../../analysis/io/osm/read-osm.ts';
import type { OsmData } from '../../../analysis/io/osm/types.ts';

export function readFixture(name: string): OsmData {
  const bytes = new Uint8Array(
    readFileSync(new URL(`../../fixtures/osm/${name}`, import.meta.url)),
  );
  return readOsm(bytes, name);
}

/** Graph node index of an OSM node id, or -1. */
export function nodeIndex(g: RoadGraph, osmId: number): number {
  return g.nodeOsmId.indexOf(osmId);
}

/** Which directions of the segment a→b (OSM ids) the graph has: '', 'both', 'fwd' or 'bwd'. */
export function directions(g: RoadGraph, a: number, b: number): '' | 'both' | 'fwd' | 'bwd' {
  const u = nodeIndex(g, a);
  const v = nodeIndex(g, b);
  const fwd = u >= 0 && v >= 0 && hasEdge(g, u, v);
  const bwd = u >= 0 && v >= 0 && hasEdge(g, v, u);
  if (fwd && bwd) return 'both';
  if (fwd) return 'fwd';
  if (bwd) return 'bwd';
  return '';
}

/** The edge u→v (OSM ids): its index, or throws. */
export function edgeIndex(g: RoadGraph, a: number, b: number): number {
  const u = nodeIndex(g, a);
  const v = nodeIndex(g, b);
  for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) if (g.targets[e] === v) return e;
  throw new Error(`no edge ${a}→${b} in the ${g.network} graph`);
}
