import { describe, expect, it } from 'vitest';
import { edgeAccess } from '../../../analysis/graph/access.ts';
import { buildGraph } from '../../../analysis/graph/build.ts';
import type { NetworkProfile } from '../../../analysis/graph/types.ts';
import { directions, readFixture } from './helpers.ts';

/**
 * tests/fixtures/osm/access-rules.osm: way k runs from node 10k+1 to 10k+2 (way 7 and 23 are
 * rings 1→2→3→1). Expected directions per network: walk, ebike, drive.
 */
type Dir = '' | 'both' | 'fwd' | 'bwd';
const EXPECTED: Array<[way: number, what: string, walk: Dir, ebike: Dir, drive: Dir]> = [
  [1, 'footway', 'both', '', ''],
  [2, 'steps', 'both', '', ''],
  [3, 'motorway (implied oneway)', '', '', 'fwd'],
  [4, 'trunk foot=yes', 'both', '', 'both'],
  [5, 'residential access=private', '', '', ''],
  [6, 'residential oneway=yes', 'both', 'both', 'fwd'],
  [7, 'roundabout', 'both', 'both', 'fwd'],
  [8, 'residential oneway=-1', 'both', 'both', 'bwd'],
  [9, 'living_street', 'both', 'both', 'both'],
  [10, 'cycleway foot=no', '', 'both', ''],
  [11, 'pedestrian bicycle=yes', 'both', 'both', ''],
  [12, 'trunk', '', '', 'both'],
  [13, 'primary maxspeed=60', 'both', 'both', 'both'],
  [14, 'residential access=no foot=yes', 'both', '', ''],
  [15, 'residential bicycle=no', 'both', '', 'both'],
  [16, 'service access=destination', 'both', 'both', 'both'],
  [17, 'path bicycle=no', 'both', '', ''],
  [18, 'secondary maxspeed=30 mph', 'both', 'both', 'both'],
  [19, 'tertiary oneway=reversible', 'both', 'both', ''],
  [20, 'motorway oneway=no', '', '', 'both'],
  [21, 'construction', '', '', ''],
  [22, 'building (no highway)', '', '', ''],
  [23, 'pedestrian area=yes', 'both', '', ''],
  [24, 'residential maxspeed=CN:urban', 'both', 'both', 'both'],
];
const NETWORKS: NetworkProfile[] = ['walk', 'ebike', 'drive'];

describe('access rules on the hand-made fixture', () => {
  const osm = readFixture('access-rules.osm');
  const graphs = Object.fromEntries(NETWORKS.map((n) => [n, buildGraph(osm, n)]));

  for (const [way, what, ...expected] of EXPECTED) {
    it(`way ${way}: ${what}`, () => {
      NETWORKS.forEach((network, i) => {
        const g = graphs[network];
        const got = directions(g, 10 * way + 1, 10 * way + 2);
        expect({ network, got }).toEqual({ network, got: expected[i] });
      });
    });
  }

  it('a roundabout is one-way for cars around its whole ring', () => {
    const g = graphs.drive;
    expect([directions(g, 71, 72), directions(g, 72, 73), directions(g, 73, 71)]).toEqual([
      'fwd',
      'fwd',
      'fwd',
    ]);
  });

  it('a pedestrian square is walked around its outline', () => {
    const g = graphs.walk;
    expect([directions(g, 231, 232), directions(g, 232, 233), directions(g, 233, 231)]).toEqual([
      'both',
      'both',
      'both',
    ]);
  });

  it('graphs contain no node of an excluded way', () => {
    expect(graphs.walk.nodeOsmId).not.toContain(51); // access=private
    expect(graphs.drive.nodeOsmId).not.toContain(11); // footway
    expect(graphs.ebike.nodeOsmId).not.toContain(21); // steps
  });
});

describe('edgeAccess details', () => {
  it('the most specific access tag decides', () => {
    expect(edgeAccess({ highway: 'service', access: 'no', motor_vehicle: 'yes' }, 'drive')).toEqual(
      {
        forward: true,
        backward: true,
      },
    );
    expect(edgeAccess({ highway: 'service', motorcar: 'no', access: 'yes' }, 'drive')).toBeNull();
    expect(edgeAccess({ highway: 'residential', vehicle: 'no' }, 'ebike')).toBeNull();
    expect(
      edgeAccess({ highway: 'residential', vehicle: 'no', bicycle: 'yes' }, 'ebike'),
    ).not.toBeNull();
  });

  it('oneway=no cancels an implied roundabout oneway; walking ignores oneway', () => {
    const tags = { highway: 'primary', junction: 'roundabout', oneway: 'no' };
    expect(edgeAccess(tags, 'drive')).toEqual({ forward: true, backward: true });
    expect(edgeAccess({ highway: 'primary', oneway: 'yes' }, 'walk')).toEqual({
      forward: true,
      backward: true,
    });
  });

  it('steps are never for e-bikes, even with bicycle=yes', () => {
    expect(edgeAccess({ highway: 'steps', bicycle: 'yes' }, 'ebike')).toBeNull();
  });
});
