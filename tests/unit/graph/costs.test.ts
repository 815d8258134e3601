import { describe, expect, it } from 'vitest';
import { type BuildReport, buildGraph } from '../../../analysis/graph/build.ts';
import { parseMaxspeed } from '../../../analysis/graph/speeds.ts';
import { HIGHWAY_CLASSES } from '../../../analysis/graph/types.ts';
import type { OsmData } from '../../../analysis/io/osm/types.ts';
import { edgeIndex, readFixture } from './helpers.ts';

/**
 * Every fixture segment runs 0.001° due north. On a sphere of radius R = 6,371,008.8 m that is
 * R × 0.001 × π / 180 = 111.19508 m, whatever the longitude.
 */
const SEGMENT_M = 111.19508;

describe('edge lengths and costs on the hand-made fixture', () => {
  const osm = readFixture('access-rules.osm');
  const walk = buildGraph(osm, 'walk');
  const ebike = buildGraph(osm, 'ebike');
  const drive = buildGraph(osm, 'drive');
  const cost = (g: typeof walk, way: number) => g.costS[edgeIndex(g, 10 * way + 1, 10 * way + 2)];

  it('lengths are the haversine distance', () => {
    expect(walk.lengthM[edgeIndex(walk, 11, 12)]).toBeCloseTo(SEGMENT_M, 3);
    expect(drive.lengthM[edgeIndex(drive, 132, 131)]).toBeCloseTo(SEGMENT_M, 3);
  });

  it('walk: seconds at 1 m/s, steps doubled', () => {
    expect(cost(walk, 1)).toBeCloseTo(SEGMENT_M, 3);
    expect(cost(walk, 2)).toBeCloseTo(2 * SEGMENT_M, 3);
  });

  it('ebike: 15 km/h, 10 km/h on a pedestrian street with bicycle=yes', () => {
    expect(cost(ebike, 9)).toBeCloseTo(SEGMENT_M / (15 / 3.6), 3);
    expect(cost(ebike, 11)).toBeCloseTo(SEGMENT_M / (10 / 3.6), 3);
  });

  it('drive: class speed, or 0.8 × a parseable maxspeed', () => {
    expect(cost(drive, 3)).toBeCloseTo(SEGMENT_M / (80 / 3.6), 3); // motorway
    expect(cost(drive, 9)).toBeCloseTo(SEGMENT_M / (10 / 3.6), 3); // living_street
    expect(cost(drive, 13)).toBeCloseTo(SEGMENT_M / ((0.8 * 60) / 3.6), 3); // maxspeed=60
    const mph30 = 0.8 * 30 * 1.609344;
    expect(cost(drive, 18)).toBeCloseTo(SEGMENT_M / (mph30 / 3.6), 3); // maxspeed=30 mph
    expect(cost(drive, 24)).toBeCloseTo(SEGMENT_M / (20 / 3.6), 3); // CN:urban → residential 20
  });

  it('stores the highway class of each edge', () => {
    const e = edgeIndex(drive, 131, 132);
    expect(HIGHWAY_CLASSES[drive.highway[e]]).toBe('primary');
  });
});

describe('parseMaxspeed', () => {
  it.each([
    ['50', 50],
    ['60 km/h', 60],
    ['60kmh', 60],
    ['30 mph', 30 * 1.609344],
    ['40;60', 40],
    ['CN:urban', undefined],
    ['none', undefined],
    ['0', undefined],
    [undefined, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseMaxspeed(value)).toBe(expected);
  });
});

describe('graph construction', () => {
  const twoWays = (order: 'ab' | 'ba'): OsmData => {
    const nodes = new Map([
      [30, { lon: 118.0, lat: 32.0 }],
      [10, { lon: 118.001, lat: 32.0 }],
      [20, { lon: 118.002, lat: 32.0 }],
    ]);
    const a = { id: 1, refs: [30, 10, 20, 99], tags: { highway: 'residential' } };
    // Way 2 duplicates segment 30–10 as steps (slower): the residential edge must win.
    const b = { id: 2, refs: [10, 30, 30], tags: { highway: 'steps' } };
    return { nodes, nodeTags: new Map(), ways: order === 'ab' ? [a, b] : [b, a], relations: [] };
  };

  it('orders nodes by OSM id and edges by (source, target); file order does not matter', () => {
    const g = buildGraph(twoWays('ab'), 'walk');
    expect([...g.nodeOsmId]).toEqual([10, 20, 30]);
    expect([...g.offsets]).toEqual([0, 2, 3, 4]);
    expect([...g.targets]).toEqual([1, 2, 0, 0]);
    expect(buildGraph(twoWays('ba'), 'walk')).toEqual(g);
  });

  it('merges duplicate edges keeping the cheapest, reports missing nodes', () => {
    const report = {} as BuildReport;
    const g = buildGraph(twoWays('ba'), 'walk', { report });
    expect(report).toEqual({ waysUsed: 2, segmentsMissingNode: 1, duplicateEdgesMerged: 2 });
    const e = g.offsets[2]; // 30 → 10
    expect(HIGHWAY_CLASSES[g.highway[e]]).toBe('residential');
    expect(g.costS[e]).toBeCloseTo(g.lengthM[e], 4);
  });

  it('gives an empty graph when nothing is routable', () => {
    const g = buildGraph(
      { nodes: new Map(), nodeTags: new Map(), ways: [], relations: [] },
      'drive',
    );
    expect(g.nodeCount).toBe(0);
    expect([...g.offsets]).toEqual([0]);
  });
});
