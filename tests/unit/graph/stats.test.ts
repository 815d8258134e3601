import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../analysis/graph/build.ts';
import { graphStats } from '../../../analysis/graph/stats.ts';
import { readFixture } from './helpers.ts';

const SEGMENT_M = 111.19508; // 0.001° of latitude, see costs.test.ts

describe('graphStats', () => {
  const osm = readFixture('access-rules.osm');

  it('counts weakly connected components: every fixture way stands alone', () => {
    const stats = graphStats(buildGraph(osm, 'walk'));
    // Walkable ways: 1 2 4 6 7 8 9 11 13 14 15 16 17 18 19 23 24; 7 and 23 are 3-node rings.
    expect(stats.components).toBe(17);
    expect(stats.nodes).toBe(15 * 2 + 2 * 3);
    expect(stats.largestComponentNodes).toBe(3);
    expect(stats.bbox).toEqual([118.71, 32.04, 118.94, 32.041]);
  });

  it('counts a one-way segment once and a two-way segment once', () => {
    const drive = graphStats(buildGraph(osm, 'drive'));
    // Drive: ways 3 4 6 8 9 12 13 15 16 18 20 24 (one segment each) + roundabout 7 (3 segments).
    expect(drive.edges).toBe(3 * 1 + 9 * 2 + 3);
    const mixed = osm.ways.filter((w) => w.id === 3 || w.id === 9); // motorway (one-way) + living_street
    expect(graphStats(buildGraph({ ...osm, ways: mixed }, 'drive'))).toMatchObject({
      edges: 3,
      totalLengthKm: expect.closeTo((2 * SEGMENT_M) / 1000, 6),
    });
    const walk = graphStats(
      buildGraph({ ...osm, ways: osm.ways.filter((w) => w.id <= 2) }, 'walk'),
    );
    expect(walk.totalLengthKm).toBeCloseTo((2 * SEGMENT_M) / 1000, 6);
    const oneway = graphStats(
      buildGraph({ ...osm, ways: osm.ways.filter((w) => w.id === 6) }, 'drive'),
    );
    expect(oneway.edges).toBe(1);
    expect(oneway.totalLengthKm).toBeCloseTo(SEGMENT_M / 1000, 6);
  });

  it('handles an empty graph', () => {
    const empty = graphStats(buildGraph({ ...osm, ways: [] }, 'walk'));
    expect(empty).toMatchObject({ nodes: 0, edges: 0, components: 0, largestComponentNodes: 0 });
    expect(empty.bbox.every(Number.isNaN)).toBe(true);
  });
});
