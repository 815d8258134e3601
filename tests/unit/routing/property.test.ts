import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineM, offsetLonLat } from '../../../analysis/geo.ts';
import { type EdgeListEdge, graphFromEdgeList } from '../../../analysis/graph/from-edge-list.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import { cellLinks } from '../../../analysis/routing/cell-links.ts';
import { ShortestPathSearch } from '../../../analysis/routing/dijkstra.ts';
import { edgeIndex } from '../../../analysis/routing/edge-index.ts';
import { minutesToCost, travelProfile } from '../../../analysis/routing/profiles.ts';
import { nearestFacility, nodeMinutes } from '../../../analysis/routing/reach.ts';
import { surfaceEngine } from '../../../analysis/routing/surface.ts';
import { edgeTopology, isCanonicalEdge } from '../../../analysis/routing/topology.ts';

const BASE: [number, number] = [118.78, 32.04];
const INF = Number.POSITIVE_INFINITY;

/** Brute-force nearest point on any segment (same local frame and tie rule as the index). */
function bruteSnap(graph: RoadGraph, lon: number, lat: number, maxM: number) {
  const { frame, x, y } = edgeIndex(graph);
  const topo = edgeTopology(graph);
  const px = lon * frame.kx;
  const py = lat * frame.ky;
  let best = { edge: -1, t: 0, d2: maxM * maxM };
  for (let e = 0; e < graph.edgeCount; e++) {
    if (!isCanonicalEdge(topo, e)) continue;
    const u = topo.source[e];
    const v = graph.targets[e];
    const dx = x[v] - x[u];
    const dy = y[v] - y[u];
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - x[u]) * dx + (py - y[u]) * dy) / len2)) : 0;
    const d2 = (x[u] + t * dx - px) ** 2 + (y[u] + t * dy - py) ** 2;
    if (d2 < best.d2) best = { edge: e, t, d2 };
  }
  return best.edge < 0 ? null : { edge: best.edge, t: best.t, distanceM: Math.sqrt(best.d2) };
}

/** All-pairs shortest paths by Floyd–Warshall on the plain edge list. */
function floyd(graph: RoadGraph): Float64Array[] {
  const n = graph.nodeCount;
  const d = Array.from({ length: n }, (_, i) => new Float64Array(n).fill(INF).fill(0, i, i + 1));
  const { source } = edgeTopology(graph);
  for (let e = 0; e < graph.edgeCount; e++) {
    d[source[e]][graph.targets[e]] = Math.min(d[source[e]][graph.targets[e]], graph.costS[e]);
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  return d;
}

const point = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }));
const caseArb = fc.record({
  nodes: fc.uniqueArray(point, { minLength: 2, maxLength: 10, selector: ([a, b]) => `${a},${b}` }),
  edgeSeeds: fc.array(
    fc.record({
      a: fc.nat(),
      b: fc.nat(),
      oneway: fc.boolean(),
      factor: fc.double({ min: 1, max: 3, noNaN: true }),
    }),
    { minLength: 1, maxLength: 25 },
  ),
  origins: fc.array(point, { minLength: 1, maxLength: 3 }),
  minutes: fc.double({ min: 0, max: 12, noNaN: true }),
  speed: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
});

describe('Dijkstra surfaces equal a brute-force reference on random small graphs', () => {
  it('node and cell minutes match Floyd–Warshall with brute-force snapping', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const nodes = c.nodes.map(([px, py]) => offsetLonLat(BASE[0], BASE[1], px, py));
        const seen = new Set<string>();
        const edges: EdgeListEdge[] = [];
        for (const s of c.edgeSeeds) {
          const a = s.a % nodes.length;
          const b = s.b % nodes.length;
          if (a === b || seen.has(`${a}-${b}`) || seen.has(`${b}-${a}`)) continue;
          seen.add(`${a}-${b}`);
          const lengthM = haversineM(nodes[a][0], nodes[a][1], nodes[b][0], nodes[b][1]);
          edges.push({ from: a, to: b, lengthM, costS: lengthM * s.factor });
          if (!s.oneway) edges.push({ from: b, to: a, lengthM, costS: lengthM * s.factor });
        }
        if (edges.length === 0) return;
        const graph = graphFromEdgeList({ network: 'walk', nodes, edges });
        const profile = travelProfile('walk-elderly', { speedMps: c.speed });
        const links = cellLinks(graph, { resolution: 11, maxSnapM: 150 });
        const origins = c.origins.map(([px, py], i) => {
          const [lon, lat] = offsetLonLat(BASE[0], BASE[1], px, py);
          return { id: `O${i}`, lon, lat };
        });
        const options = { profile, maxMinutes: c.minutes };
        const maxCost = minutesToCost(profile, c.minutes);
        const access = (m: number) => m; // walk graph: cost units are metres at any speed
        const fw = floyd(graph);
        const { source, reverse } = edgeTopology(graph);
        const snaps = origins.map((o) => bruteSnap(graph, o.lon, o.lat, 150));

        // Node costs: min over origins and their two seeds.
        const expectedNode = new Float64Array(graph.nodeCount).fill(INF);
        for (const s of snaps) {
          if (s === null) continue;
          const e = s.edge;
          const seeds: [number, number][] = [
            [graph.targets[e], access(s.distanceM) + (1 - s.t) * graph.costS[e]],
          ];
          if (reverse[e] >= 0)
            seeds.push([source[e], access(s.distanceM) + s.t * graph.costS[reverse[e]]]);
          else if (s.t === 0) seeds.push([source[e], access(s.distanceM)]);
          for (const [node, cost] of seeds)
            for (let j = 0; j < graph.nodeCount; j++)
              expectedNode[j] = Math.min(expectedNode[j], cost + fw[node][j]);
        }
        const got = nodeMinutes(graph, links, origins, options);
        expect(got.unreachable.length).toBe(snaps.filter((s) => s === null).length);
        for (let j = 0; j < graph.nodeCount; j++) {
          const want = expectedNode[j] <= maxCost ? expectedNode[j] : INF;
          const have = got.minutes[j] * 60 * c.speed;
          if (want === INF) expect(have).toBe(INF);
          else expect(have).toBeCloseTo(want, 6);
        }

        // Cell costs: via either end of the cell's segment, or along the origin's own segment.
        // Both ways of finding cells after a search (node lists, full sweep) must agree.
        surfaceEngine(links).cellPass = c.speed < 1 ? 'nodes' : 'sweep';
        const { cells } = nearestFacility(graph, links, origins, options);
        const gotCells = new Map(cells.map((row) => [row.h3, row.minutes * 60 * c.speed]));
        links.cells.forEach((h3, k) => {
          const e = links.edge[k];
          let want = INF;
          if (e >= 0) {
            const t = links.t[k];
            const r = reverse[e];
            const back = r >= 0 ? graph.costS[r] : t === 1 ? 0 : INF;
            want = Math.min(
              expectedNode[source[e]] + t * graph.costS[e],
              expectedNode[graph.targets[e]] + (1 - t) * back,
            );
            for (const s of snaps) {
              if (s === null || s.edge !== e) continue;
              const along =
                t >= s.t ? (t - s.t) * graph.costS[e] : r >= 0 ? (s.t - t) * graph.costS[r] : INF;
              want = Math.min(want, access(s.distanceM) + along);
            }
            want += access(links.offNetworkM[k]);
          }
          const have = gotCells.get(h3);
          if (want > maxCost + 1e-9)
            expect(have === undefined || have >= maxCost - 1e-6).toBe(true);
          else if (want < maxCost - 1e-6) expect(have).toBeCloseTo(want, 4);
        });
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});

describe('bucket queue and heap agree', () => {
  it('both queues give Floyd–Warshall distances from a node', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const nodes = c.nodes.map(([px, py]) => offsetLonLat(BASE[0], BASE[1], px, py));
        const edges: EdgeListEdge[] = c.edgeSeeds.map((s) => {
          const a = s.a % nodes.length;
          const b = s.b % nodes.length;
          return { from: a, to: b, lengthM: 1, costS: Math.round(s.factor * 4 - 4) / 2 };
        });
        const graph = graphFromEdgeList({ network: 'walk', nodes, edges });
        const fw = floyd(graph);
        const start = pick % graph.nodeCount;
        const search = new ShortestPathSearch(graph);
        for (const queue of ['auto', 'heap'] as const) {
          search.reset();
          search.seed(start, 0, 0);
          search.run(c.minutes, queue);
          for (let j = 0; j < graph.nodeCount; j++) {
            const want = fw[start][j] <= c.minutes ? fw[start][j] : INF;
            expect(search.dist[j] <= c.minutes ? search.dist[j] : INF).toBeCloseTo(want, 9);
          }
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
