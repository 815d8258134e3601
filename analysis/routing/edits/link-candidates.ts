import { haversineM, METRES_PER_DEGREE } from '../../geo.ts';
import { mainlandNodes } from '../../graph/components.ts';
import type { RoadGraph } from '../../graph/types.ts';
import { ShortestPathSearch } from '../dijkstra.ts';
import { snapLinkEnd } from './resolve.ts';
import type { NetworkOverlay } from './types.ts';

/** Two network nodes a new link could join. */
export interface NodePair {
  a: number;
  b: number;
  /** Straight distance between them. */
  lengthM: number;
  /** Network cost between them before the link; Infinity beyond the search budget. */
  networkM: number;
}

export interface CandidateOptions {
  maxLengthM: number;
  /** Keep a pair only when the network route is at least this much longer than the link. */
  minDetourM: number;
  /** Graph cost of a link of so many metres. */
  costOf: (metres: number) => number;
}

/** Links shorter than this are the same place twice (a node split by mapping), not a link. */
const MIN_LINK_M = 2;

/**
 * Node pairs of the mainland network at most maxLengthM apart in a straight line whose route on
 * the (edited) network costs at least link cost + minDetourM: the places a wall, a fence or a
 * missing crossing separates. Both ends must land on their own node when a scenario link is
 * drawn there (resolve.ts), so a suggestion replays exactly. Pairs come from a uniform grid of
 * maxLengthM cells; each node runs one search bounded at maxLengthM + minDetourM.
 */
export function linkCandidates(
  graph: RoadGraph,
  overlay: NetworkOverlay,
  options: CandidateOptions,
): NodePair[] {
  const { maxLengthM, minDetourM } = options;
  const mainland = mainlandNodes(graph);
  const usable = new Uint8Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    if (mainland[i] !== 1) continue;
    const end = snapLinkEnd(graph, [graph.nodeLon[i], graph.nodeLat[i]], '');
    if ('node' in end.position && end.position.node === i) usable[i] = 1;
  }
  const cellDeg = maxLengthM / METRES_PER_DEGREE;
  const lonScale = Math.cos(((graph.nodeLat[0] ?? 0) * Math.PI) / 180);
  const key = (x: number, y: number) => `${x}:${y}`;
  const grid = new Map<string, number[]>();
  const cellOf = (i: number) => [
    Math.floor((graph.nodeLon[i] * lonScale) / cellDeg),
    Math.floor(graph.nodeLat[i] / cellDeg),
  ];
  for (let i = 0; i < graph.nodeCount; i++) {
    if (usable[i] !== 1) continue;
    const [x, y] = cellOf(i);
    const list = grid.get(key(x, y));
    if (list) list.push(i);
    else grid.set(key(x, y), [i]);
  }
  const search = new ShortestPathSearch(graph);
  search.setOverlay(overlay);
  const pairs: NodePair[] = [];
  for (let a = 0; a < graph.nodeCount; a++) {
    if (usable[a] !== 1) continue;
    const [x, y] = cellOf(a);
    const near: { b: number; metres: number }[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const b of grid.get(key(x + dx, y + dy)) ?? []) {
          if (b <= a) continue;
          const metres = haversineM(
            graph.nodeLon[a],
            graph.nodeLat[a],
            graph.nodeLon[b],
            graph.nodeLat[b],
          );
          if (metres >= MIN_LINK_M && metres <= maxLengthM) near.push({ b, metres });
        }
      }
    }
    if (near.length === 0) continue;
    search.reset();
    search.seed(a, 0, 0);
    search.run(options.costOf(maxLengthM) + minDetourM);
    for (const { b, metres } of near) {
      const networkM = search.dist[b];
      if (networkM >= options.costOf(metres) + minDetourM)
        pairs.push({ a, b, lengthM: metres, networkM });
    }
  }
  return pairs;
}
