import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectOsmFormat, readOsm } from '../../../analysis/io/osm/read-osm.ts';
import { writeTestPbf } from './write-pbf.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/osm/${name}`, import.meta.url)));

describe('readOsm: XML', () => {
  const osm = readOsm(fixture('entities.osm'), 'entities.osm');

  it('decodes entities, character references and CJK in tag values', () => {
    expect(osm.nodeTags.get(1)).toEqual({
      name: '鼓楼 & "钟楼" <旧> 中中',
      amenity: 'social_facility',
    });
  });

  it('keeps coordinates, skips deleted nodes, accepts negative (JOSM) ids', () => {
    expect([...osm.nodes.keys()]).toEqual([1, 2, -5]);
    expect(osm.nodes.get(1)).toEqual({ lon: 118.78, lat: 32.05 });
    expect(osm.nodes.get(-5)).toEqual({ lon: -1.25, lat: -0.5 });
    expect(osm.nodeTags.has(2)).toBe(false);
  });

  it('reads ways, relations with member types and roles, and the osm_base timestamp', () => {
    expect(osm.ways).toEqual([{ id: 10, refs: [1, 2], tags: { highway: 'footway' } }]);
    expect(osm.relations).toEqual([
      {
        id: 100,
        members: [
          { type: 'way', ref: 10, role: 'outer' },
          { type: 'node', ref: 2, role: '' },
          { type: 'relation', ref: 101, role: 'subarea' },
        ],
        tags: { type: 'multipolygon' },
      },
    ]);
    expect(osm.timestamp).toBe('2024-01-02T03:04:05Z');
  });

  it('reads gzip-compressed XML the same as plain XML', () => {
    const zipped = readOsm(gzipSync(fixture('entities.osm')), 'entities.osm.gz');
    expect(zipped).toEqual(osm);
  });
});

describe('readOsm: PBF features the demo file does not use', () => {
  const bytes = writeTestPbf(
    [
      {
        granularity: 1000,
        latOffset: 5_000_000_000,
        lonOffset: 100_000_000_000,
        nodes: [{ id: 7, lat: 27_050_000, lon: 18_780_000, tags: { amenity: 'bench' } }],
        dense: [
          { id: 8, lat: 27_051_000, lon: 18_781_000 },
          { id: 9, lat: 27_052_000, lon: 18_782_000, tags: { highway: 'crossing' } },
        ],
      },
      {
        ways: [{ id: 20, refs: [7, 8, 9], tags: { highway: 'footway', name: '小路' } }],
        relations: [
          {
            id: 30,
            members: [
              { type: 1, ref: 20, role: 'outer' },
              { type: 0, ref: 9, role: 'label' },
              { type: 2, ref: 31, role: '' },
            ],
            tags: { type: 'route' },
          },
        ],
      },
    ],
    { replicationTimestamp: 1_623_483_701, compress: false },
  );
  const osm = readOsm(bytes, 'test.osm.pbf');

  it('applies granularity and lat/lon offsets to plain and dense nodes', () => {
    // lat = (5e9 + 1000 * 27_050_000) / 1e9 = 32.05; lon = (1e11 + 1000 * 18_780_000) / 1e9 = 118.78
    expect(osm.nodes.get(7)).toEqual({ lon: 118.78, lat: 32.05 });
    expect(osm.nodes.get(8)).toEqual({ lon: 118.781, lat: 32.051 });
    expect(osm.nodes.get(9)).toEqual({ lon: 118.782, lat: 32.052 });
  });

  it('reads node tags from plain nodes and dense keys_vals', () => {
    expect(osm.nodeTags.get(7)).toEqual({ amenity: 'bench' });
    expect(osm.nodeTags.has(8)).toBe(false);
    expect(osm.nodeTags.get(9)).toEqual({ highway: 'crossing' });
  });

  it('reads delta-coded way refs and relation members from raw blobs', () => {
    expect(osm.ways).toEqual([
      { id: 20, refs: [7, 8, 9], tags: { highway: 'footway', name: '小路' } },
    ]);
    expect(osm.relations[0].members).toEqual([
      { type: 'way', ref: 20, role: 'outer' },
      { type: 'node', ref: 9, role: 'label' },
      { type: 'relation', ref: 31, role: '' },
    ]);
  });

  it('formats the replication timestamp like osm_base', () => {
    expect(osm.timestamp).toBe('2021-06-12T07:41:41Z');
  });

  it('gives the same result from zlib-compressed blobs', () => {
    const blocks = [{ nodes: [{ id: 1, lat: 320_500_000, lon: 1_187_800_000 }] }];
    const raw = readOsm(writeTestPbf(blocks, { compress: false }), 'a');
    const zlib = readOsm(writeTestPbf(blocks, { compress: true }), 'b');
    expect(detectOsmFormat(writeTestPbf(blocks))).toBe('pbf');
    expect(zlib).toEqual(raw);
    expect(raw.nodes.get(1)).toEqual({ lon: 118.78, lat: 32.05 });
  });
});
