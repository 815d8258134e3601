import { describe, expect, it } from 'vitest';
import { type EdgeListEdge, graphFromEdgeList } from '../../../analysis/graph/from-edge-list.ts';
import { syntheticGrid } from '../../../analysis/graph/synthetic-grid.ts';
import { cellLinks } from '../../../analysis/routing/cell-links.ts';
import { cellsWithin, serviceCircles } from '../../../analysis/routing/circles.ts';
import { ShortestPathSearch } from '../../../analysis/routing/dijkstra.ts';
import { edgeIndex } from '../../../analysis/routing/edge-index.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { facilityReach, nearestFacility, nodeMinutes } from '../../../analysis/routing/reach.ts';
import { snapPoint } from '../../../analysis/routing/snap.ts';
import { surfaceEngine } from '../../../analysis/routing/surface.ts';
import { fixtureGraph, readFixture, toLonLat } from './fixture-graph.ts';

const line = readFixture('line-walk');
const lineGraph = fixtureGraph(line);
const elderly = travelProfile('walk-elderly');
const at = (x: number, y: number, id = 'F') => {
  const [lon, lat] = toLonLat(line, [x, y]);
  return { id, lon, lat };
};

describe('snapping', () => {
  it('snaps onto the middle of an edge, not to a node', () => {
    const [lon, lat] = toLonLat(line, [50, 20]);
    const snap = snapPoint(edgeIndex(lineGraph), lon, lat);
    expect(snap).not.toBeNull();
    expect(snap?.t).toBeCloseTo(0.5, 3);
    expect(snap?.distanceM).toBeCloseTo(20, 1);
    // Walking 20 m on and 50 m along at 1 m/s reaches node 1 in 70 s.
    const links = cellLinks(lineGraph, { resolution: 11 });
    const { minutes } = nodeMinutes(lineGraph, links, [at(50, 20)], {
      profile: elderly,
      maxMinutes: 5,
    });
    expect(minutes[1] * 60).toBeCloseTo(70, 1);
    expect(minutes[0] * 60).toBeCloseTo(70, 1);
  });

  it('reports points beyond the limit instead of snapping them', () => {
    const index = edgeIndex(lineGraph);
    const [lon, lat] = toLonLat(line, [100, -499]);
    expect(snapPoint(index, lon, lat)?.distanceM).toBeCloseTo(499, 0);
    const [farLon, farLat] = toLonLat(line, [100, -501]);
    expect(snapPoint(index, farLon, farLat)).toBeNull();
    expect(snapPoint(index, farLon, farLat, 600)?.distanceM).toBeCloseTo(501, 0);
  });
});

describe('conformance', () => {
  const links = cellLinks(lineGraph, { resolution: 11 });
  const options = { profile: elderly, maxMinutes: 10 };

  it('no origins: nothing reached', () => {
    expect(nearestFacility(lineGraph, links, [], options).cells).toEqual([]);
    expect(facilityReach(lineGraph, links, [], options).rows).toEqual([]);
    const circles = serviceCircles(lineGraph, [], {
      profile: elderly,
      minutes: [5, 10],
      resolution: 11,
    });
    expect(circles.split).toEqual([]);
    expect(circles.overlap).toEqual([]);
  });

  it('one origin: overlap equals split and union grows with the threshold', () => {
    const circles = serviceCircles(lineGraph, [at(0, 0)], {
      profile: elderly,
      minutes: [15, 5, 10],
      resolution: 11,
    });
    expect(circles.thresholds).toEqual([5, 10, 15]);
    expect(circles.overlap.map((r) => r.h3).sort()).toEqual(circles.split.map((r) => r.h3).sort());
    const sizes = circles.thresholds.map((m) => cellsWithin(circles.split, m).length);
    expect(sizes[0]).toBeGreaterThan(0);
    expect(sizes[0]).toBeLessThan(sizes[1]);
    expect(sizes[1]).toBeLessThanOrEqual(sizes[2]);
  });

  it('two origins: split assigns each cell to the nearer facility', () => {
    const { cells } = nearestFacility(
      lineGraph,
      links,
      [at(0, 0, 'A'), at(200, 100, 'B')],
      options,
    );
    const { rows } = facilityReach(lineGraph, links, [at(0, 0, 'A'), at(200, 100, 'B')], options);
    for (const cell of cells) {
      const best = Math.min(...rows.filter((r) => r.h3 === cell.h3).map((r) => r.minutes));
      expect(cell.minutes).toBeCloseTo(best, 9);
    }
    expect(new Set(cells.map((c) => c.facilityId))).toEqual(new Set(['A', 'B']));
  });

  it('a disconnected graph: the other component is never reached', () => {
    const fixture = readFixture('disconnected');
    const graph = fixtureGraph(fixture);
    const l = cellLinks(graph, { resolution: 11 });
    const [lon, lat] = toLonLat(fixture, [0, 0]);
    const { minutes } = nodeMinutes(graph, l, [{ id: 'A', lon, lat }], {
      profile: elderly,
      maxMinutes: 60,
    });
    expect(Number.isFinite(minutes[1])).toBe(true);
    expect(minutes[2]).toBe(Number.POSITIVE_INFINITY);
    expect(minutes[3]).toBe(Number.POSITIVE_INFINITY);
  });

  it('an origin far from every road is reported unreachable', () => {
    const far = at(0, 5000, 'FAR');
    const result = nearestFacility(lineGraph, links, [far, at(0, 0, 'NEAR')], options);
    expect(result.unreachable.map((u) => u.id)).toEqual(['FAR']);
    expect(result.unreachable[0].reason).toMatch(/500 m/);
    expect(result.cells.every((c) => c.facilityId === 'NEAR')).toBe(true);
    const bad = nearestFacility(
      lineGraph,
      links,
      [{ id: 'NAN', lon: Number.NaN, lat: 32 }],
      options,
    );
    expect(bad.unreachable[0].reason).toBe('invalid coordinate');
  });

  it('zero minutes: only the origin itself, no cells', () => {
    const { minutes } = nodeMinutes(lineGraph, links, [at(0, 0)], {
      profile: elderly,
      maxMinutes: 0,
    });
    expect(minutes[0]).toBe(0);
    expect(minutes[1]).toBe(Number.POSITIVE_INFINITY);
    const { cells } = nearestFacility(lineGraph, links, [at(0, 0)], {
      profile: elderly,
      maxMinutes: 0,
    });
    expect(cells.every((c) => c.minutes === 0)).toBe(true);
  });

  it('a oneway street for driving: going against it takes the long way round', () => {
    const fixture = readFixture('oneway-drive');
    const graph = fixtureGraph(fixture);
    const l = cellLinks(graph, { resolution: 11 });
    const drive = travelProfile('drive');
    const [lon, lat] = toLonLat(fixture, [100, 100]); // node 2
    const { minutes } = nodeMinutes(graph, l, [{ id: 'A', lon, lat }], {
      profile: drive,
      maxMinutes: 5,
    });
    // 2→3→0 is 20 s, 2→1 is against the oneway 1→2, so 1 comes via 0: 30 s.
    expect(minutes[3] * 60).toBeCloseTo(10, 6);
    expect(minutes[0] * 60).toBeCloseTo(20, 6);
    expect(minutes[1] * 60).toBeCloseTo(30, 6);
  });

  it('rejects bad profiles, speeds, minutes and mismatched networks with InputErrors', () => {
    expect(() => travelProfile('bus')).toThrow(expect.objectContaining({ code: 'E_BAD_PROFILE' }));
    expect(() => travelProfile('walk-elderly', { speedMps: 2 })).toThrow(
      expect.objectContaining({ code: 'E_BAD_SPEED' }),
    );
    expect(() => travelProfile('drive', { speedMps: 1 })).toThrow(
      expect.objectContaining({ code: 'E_BAD_SPEED' }),
    );
    expect(() =>
      nearestFacility(lineGraph, links, [], { profile: elderly, maxMinutes: -1 }),
    ).toThrow(expect.objectContaining({ code: 'E_BAD_MINUTES' }));
    expect(() =>
      nearestFacility(lineGraph, links, [], { profile: travelProfile('drive'), maxMinutes: 5 }),
    ).toThrow(expect.objectContaining({ code: 'E_PROFILE_NETWORK' }));
  });
});

describe('bucket queue', () => {
  it('rescans a node improved within the bucket being drained', () => {
    // Bucket width becomes 10 (filler edges); node 1 is first scanned at 5, then improved to 2
    // via node 2 within the same bucket, and must be scanned again so that node 0 gets 12.
    const edges: EdgeListEdge[] = [
      { from: 3, to: 1, lengthM: 5, costS: 5 },
      { from: 3, to: 2, lengthM: 1, costS: 1 },
      { from: 2, to: 1, lengthM: 1, costS: 1 },
      { from: 1, to: 0, lengthM: 10, costS: 10 },
    ];
    for (let k = 0; k < 40; k++)
      edges.push({ from: 4 + (k % 5), to: 4 + ((k + 1) % 5), lengthM: 10, costS: 10 });
    const nodes = Array.from({ length: 9 }, (_, i): [number, number] => [118.78 + i * 1e-4, 32.04]);
    const graph = graphFromEdgeList({ network: 'walk', nodes, edges });
    const search = new ShortestPathSearch(graph);
    expect(search.delta).toBe(10);
    search.reset();
    search.seed(3, 0, 0);
    search.run(100);
    expect([...search.dist.subarray(0, 4)]).toEqual([12, 2, 1, 0]);
  });
});

describe('cell passes', () => {
  it('node-list and full-sweep cell evaluation give the same surface', () => {
    const graph = syntheticGrid({ rows: 6, cols: 6, spacingM: 100, seed: 3 });
    const links = cellLinks(graph, { resolution: 11 });
    const origins = [0, 20].map((n) => ({
      id: `N${n}`,
      lon: graph.nodeLon[n],
      lat: graph.nodeLat[n],
    }));
    const run = (pass: 'nodes' | 'sweep') => {
      surfaceEngine(links).cellPass = pass;
      return nearestFacility(graph, links, origins, { profile: elderly, maxMinutes: 6 }).cells;
    };
    const viaNodes = run('nodes');
    expect(viaNodes.length).toBeGreaterThan(100);
    expect(run('sweep')).toEqual(viaNodes);
    surfaceEngine(links).cellPass = 'auto';
  });
});

describe('empty graph', () => {
  it('reports every origin unreachable and reaches nothing', () => {
    const graph = graphFromEdgeList({ network: 'walk', nodes: [], edges: [] });
    const links = cellLinks(graph, { resolution: 10 });
    expect(links.cells).toEqual([]);
    const result = nearestFacility(graph, links, [at(0, 0)], { profile: elderly, maxMinutes: 15 });
    expect(result.cells).toEqual([]);
    expect(result.unreachable.map((u) => u.id)).toEqual(['F']);
  });
});
