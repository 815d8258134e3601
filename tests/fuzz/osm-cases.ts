/**
 * OSM extracts: duplicated node ids, far-away nodes and ways, missing nodes, a relation that
 * contains itself, huge tags, a declared non-UTF-8 encoding, truncated XML and PBF.
 */
import { readFileSync } from 'node:fs';
import { type CorpusFile, gbk, utf8 } from './truth.ts';

interface Node {
  id: number;
  lon: number;
  lat: number;
  name?: string;
}

function osmXml(
  nodes: Node[],
  ways: number[][],
  extra = '',
  declaration = '<?xml version="1.0" encoding="UTF-8"?>',
): string {
  const n = nodes
    .map((x) =>
      x.name === undefined
        ? `<node id="${x.id}" lat="${x.lat}" lon="${x.lon}"/>`
        : `<node id="${x.id}" lat="${x.lat}" lon="${x.lon}"><tag k="name" v="${x.name}"/><tag k="amenity" v="social_facility"/></node>`,
    )
    .join('\n  ');
  const w = ways
    .map(
      (refs, i) =>
        `<way id="${i + 1}">${refs.map((r) => `<nd ref="${r}"/>`).join('')}<tag k="highway" v="residential"/></way>`,
    )
    .join('\n  ');
  return `${declaration}\n<osm version="0.6" generator="fuzz">\n  ${n}\n  ${w}\n  ${extra}\n</osm>\n`;
}

/** A small street grid around Xinjiekou. */
function grid(random: () => number): Node[] {
  const nodes: Node[] = [];
  for (let i = 0; i < 30; i++) {
    nodes.push({ id: 1000 + i, lon: 118.77 + random() * 0.03, lat: 32.03 + random() * 0.025 });
  }
  return nodes;
}

export function osmCases(random: () => number): CorpusFile[] {
  const nodes = grid(random);
  const chain = (from: number, n: number) => Array.from({ length: n }, (_, i) => 1000 + from + i);
  const ways = [chain(0, 10), chain(10, 10), chain(20, 10)];
  const osm = (
    name: string,
    note: string,
    bytes: Uint8Array,
    expect: CorpusFile['expect'],
  ): CorpusFile => ({
    name,
    family: 'osm',
    note,
    bytes,
    expect,
  });
  const named = nodes.map((n, i) => (i === 3 ? { ...n, name: '鼓楼区养老服务中心' } : n));
  const dup = [...nodes, { ...nodes[4], lon: nodes[4].lon + 0.01 }];
  const beijing = [...nodes, { id: 9001, lon: 116.397, lat: 39.909 }];
  const spanning = [
    ...nodes,
    { id: 9001, lon: 116.397, lat: 39.909 },
    { id: 9002, lon: 151.21, lat: -33.87 },
  ];
  const good = osmXml(named, ways);
  const pbf = new Uint8Array(
    readFileSync(
      new URL('../../data/raw/nanjing_xinjiekou_overpass_2021.osm.pbf', import.meta.url),
    ),
  );
  const loop =
    '<relation id="5"><member type="relation" ref="5" role=""/><member type="way" ref="1" role="outer"/><tag k="type" v="multipolygon"/></relation>';
  const huge = `<node id="7777" lat="32.04" lon="118.78"><tag k="name" v="${'长'.repeat(100_000)}"/></node>`;
  return [
    osm('good.osm', 'three streets and a named node', utf8(good), {
      osm: { names: ['鼓楼区养老服务中心'] },
    }),
    osm('duplicate-node.osm', 'node id 1004 twice, 1 km apart', utf8(osmXml(dup, ways)), {
      error: ['E_DUPLICATE_ID'],
    }),
    osm(
      'far-node.osm',
      'a way reaching a node in Beijing',
      utf8(osmXml(beijing, [...ways, [1000, 9001]])),
      { error: ['E_FAR_GEOMETRY'] },
    ),
    osm(
      'spanning-way.osm',
      'a way through Nanjing, Beijing and Sydney',
      utf8(osmXml(spanning, [...ways, [1000, 9001, 9002]])),
      { error: ['E_FAR_GEOMETRY'] },
    ),
    osm(
      'missing-nodes.osm',
      'ways referring to nodes not in the file',
      utf8(osmXml(nodes.slice(0, 25), ways)),
      { osm: { names: [] } },
    ),
    osm('relation-loop.osm', 'a relation that contains itself', utf8(osmXml(nodes, ways, loop)), {
      osm: { names: [] },
    }),
    osm('huge-tag.osm', 'a 100,000-character name', utf8(osmXml(nodes, ways, huge)), {
      osm: { names: ['长'.repeat(100_000)] },
    }),
    osm(
      'gbk-declared.osm',
      'GBK bytes under encoding="GBK"',
      gbk(osmXml(named, ways, '', '<?xml version="1.0" encoding="GBK"?>')),
      { osm: { names: ['鼓楼区养老服务中心'] } },
    ),
    osm('truncated.osm', 'XML cut in the middle', utf8(good.slice(0, good.length >> 1)), {
      error: ['E_BAD_OSM'],
    }),
    osm('truncated.osm.pbf', 'PBF cut after 40 kB', pbf.subarray(0, 40_000), {
      error: ['E_BAD_OSM'],
    }),
    osm(
      'not-osm.osm',
      'an HTML error page',
      utf8('<!DOCTYPE html><html><body>429 Too Many Requests</body></html>'),
      { error: ['E_NOT_OSM'] },
    ),
  ];
}
