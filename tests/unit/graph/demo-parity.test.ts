import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGraph, encodeGraph } from '../../../analysis/graph/binary.ts';
import { buildGraph } from '../../../analysis/graph/build.ts';
import { graphStats } from '../../../analysis/graph/stats.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import { readOsm } from '../../../analysis/io/osm/read-osm.ts';

/** The demo extract as PBF and as XML (same content, converted with osmium). */
const raw = (ext: string) =>
  new Uint8Array(
    readFileSync(
      new URL(`../../../data/raw/nanjing_xinjiekou_overpass_2021.osm.${ext}`, import.meta.url),
    ),
  );
const pbf = readOsm(raw('pbf'), 'demo.osm.pbf');
const xml = readOsm(raw('xml'), 'demo.osm.xml');
const NETWORKS: NetworkProfile[] = ['walk', 'ebike', 'drive'];

const arrays = (g: RoadGraph) => ({
  network: g.network,
  nodeCount: g.nodeCount,
  edgeCount: g.edgeCount,
  nodeLon: [...g.nodeLon],
  nodeLat: [...g.nodeLat],
  nodeOsmId: [...g.nodeOsmId],
  offsets: [...g.offsets],
  targets: [...g.targets],
  lengthM: [...g.lengthM],
  costS: [...g.costS],
  highway: [...g.highway],
});

describe('the demo extract: PBF and XML agree', () => {
  it('has the same element counts (counted independently in the XML text)', () => {
    const text = new TextDecoder().decode(raw('xml'));
    const count = (tag: string) => text.split(`<${tag} `).length - 1;
    expect(pbf.nodes.size).toBe(count('node'));
    expect(pbf.ways.length).toBe(count('way'));
    expect(pbf.relations.length).toBe(count('relation'));
    expect([xml.nodes.size, xml.ways.length, xml.relations.length]).toEqual([
      pbf.nodes.size,
      pbf.ways.length,
      pbf.relations.length,
    ]);
  });

  it('has the same coordinates, tags, ways and relations', () => {
    expect(xml.nodes).toEqual(pbf.nodes);
    expect(xml.nodeTags).toEqual(pbf.nodeTags);
    expect(xml.ways).toEqual(pbf.ways);
    expect(xml.relations).toEqual(pbf.relations);
  });

  it('the XML states its Overpass timestamp (this PBF has none in its header)', () => {
    expect(xml.timestamp).toBe('2021-06-12T07:41:41Z');
    expect(pbf.timestamp).toBeUndefined();
  });

  for (const network of NETWORKS) {
    it(`builds identical ${network} graphs and round-trips them through the binary format`, () => {
      const fromPbf = buildGraph(pbf, network);
      const fromXml = buildGraph(xml, network);
      expect(arrays(fromXml)).toEqual(arrays(fromPbf));
      expect(fromPbf.edgeCount).toBeGreaterThan(1000);
      const decoded = decodeGraph(encodeGraph(fromPbf), 'demo.graph');
      expect(arrays(decoded)).toEqual(arrays(fromPbf));
    });
  }

  it('has one large connected component per network', () => {
    for (const network of NETWORKS) {
      const stats = graphStats(buildGraph(pbf, network));
      // The demo centre (Xinjiekou) lies inside each graph's bounding box.
      const [w, s, e, n] = stats.bbox;
      expect(w < 118.784 && 118.784 < e && s < 32.041 && 32.041 < n).toBe(true);
      expect(stats.largestComponentNodes / stats.nodes).toBeGreaterThan(0.8);
    }
  });
});
