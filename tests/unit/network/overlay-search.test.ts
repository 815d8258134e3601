import { describe, expect, it } from 'vitest';
import { graphFromEdgeList } from '../../../analysis/graph/from-edge-list.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import { ShortestPathSearch } from '../../../analysis/routing/dijkstra.ts';
import { buildOverlay } from '../../../analysis/routing/edits/overlay.ts';
import { edgeTopology } from '../../../analysis/routing/topology.ts';

/**
 * A path 0 —100— 1 —100— 2 —100— 3 (two-way, cost = metres) and a dead end 4 hanging 10 m off
 * node 3's far side, reachable only through 3: 4 is a "wall-cut" neighbour of node 0.
 */
function pathGraph(): RoadGraph {
  const nodes: [number, number][] = [0, 1, 2, 3, 4].map((i) => [118.78 + i * 0.001, 32.04]);
  const pairs: [number, number, number][] = [
    [0, 1, 100],
    [1, 2, 100],
    [2, 3, 100],
    [3, 4, 10],
  ];
  const edges = pairs.flatMap(([a, b, m]) => [
    { from: a, to: b, lengthM: m },
    { from: b, to: a, lengthM: m },
  ]);
  return graphFromEdgeList({ network: 'walk', nodes, edges });
}

function distances(graph: RoadGraph, overlay: ReturnType<typeof buildOverlay> | null, from = 0) {
  const search = new ShortestPathSearch(graph);
  search.setOverlay(overlay);
  search.seed(from, 0, 0);
  search.run(Number.POSITIVE_INFINITY, 'heap');
  const heap = Array.from(search.dist);
  search.reset();
  search.seed(from, 0, 0);
  search.run(1000);
  expect(Array.from(search.dist)).toEqual(heap); // bucket queue and heap agree
  return heap;
}

const edgeBetween = (g: RoadGraph, u: number, v: number) => {
  for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) if (g.targets[e] === v) return e;
  throw new Error('no edge');
};

describe('network overlay in the shortest-path search', () => {
  it('leaves the baseline distances unchanged with an empty overlay', () => {
    const g = pathGraph();
    const before = distances(g, null);
    expect(before).toEqual([0, 100, 200, 300, 310]);
    const overlay = buildOverlay(g, { links: [], closedEdges: [] });
    expect(distances(g, overlay)).toEqual(before);
  });

  it('a 20 m link from node 0 to node 4 brings 4 to 20, 3 to 30 and 2 to 130 (via 4–3)', () => {
    const g = pathGraph();
    const overlay = buildOverlay(g, {
      links: [
        { id: 'L1', from: { node: 0 }, to: { node: 4 }, lengthM: 20, costS: 20, steps: false },
      ],
      closedEdges: [],
    });
    expect(distances(g, overlay)).toEqual([0, 100, 130, 30, 20]);
  });

  it('a link landing inside an edge splits it at a virtual node (t = 0.25 of 1→2)', () => {
    const g = pathGraph();
    const e12 = edgeBetween(g, 1, 2);
    const overlay = buildOverlay(g, {
      links: [
        {
          id: 'L2',
          from: { node: 4 },
          to: { edge: e12, t: 0.25 },
          lengthM: 5,
          costS: 5,
          steps: false,
        },
      ],
      closedEdges: [],
    });
    expect(overlay.nodeCount).toBe(6);
    // From 4: virtual node at 5, node 1 at 5 + 25, node 2 at min(5 + 75, 10 + 100).
    const d = distances(g, overlay, 4);
    expect(d[5]).toBe(5);
    expect(d[1]).toBe(30);
    expect(d[2]).toBe(80);
    expect(d[0]).toBe(130);
  });

  it('a closed segment disconnects what lies beyond it, in both directions', () => {
    const g = pathGraph();
    const e23 = edgeBetween(g, 2, 3);
    const canonical = Math.min(e23, edgeTopology(g).reverse[e23]);
    const overlay = buildOverlay(g, { links: [], closedEdges: [canonical] });
    const d = distances(g, overlay);
    expect(d.slice(0, 3)).toEqual([0, 100, 200]);
    expect(d[3]).toBe(Number.POSITIVE_INFINITY);
    expect(d[4]).toBe(Number.POSITIVE_INFINITY);
    expect(distances(g, overlay, 4)[0]).toBe(Number.POSITIVE_INFINITY);
  });

  it('never writes to the baseline arrays', () => {
    const g = pathGraph();
    const copy = [Array.from(g.targets), Array.from(g.costS), Array.from(g.offsets)];
    const e = edgeBetween(g, 1, 2);
    const overlay = buildOverlay(g, {
      links: [
        { id: 'L', from: { node: 0 }, to: { edge: e, t: 0.5 }, lengthM: 9, costS: 9, steps: false },
      ],
      closedEdges: [Math.min(e, edgeTopology(g).reverse[e])],
    });
    distances(g, overlay);
    expect([Array.from(g.targets), Array.from(g.costS), Array.from(g.offsets)]).toEqual(copy);
  });
});
