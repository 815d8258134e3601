import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { haversineM, offsetLonLat } from '../../../analysis/geo.ts';
import { type EdgeListEdge, graphFromEdgeList } from '../../../analysis/graph/from-edge-list.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';

/**
 * A hand-made graph in metres around a base point. Edge: [from, to, costFactor = 1,
 * costS = lengthM × factor, oneway = false]; two-way edges become two directed edges.
 */
export interface RoutingFixture {
  description: string;
  network: NetworkProfile;
  base: [number, number];
  nodes: [number, number][];
  edges: [number, number, number?, number?, boolean?][];
  profile: string;
  speed?: number;
  origins: [number, number][];
  maxMinutes: number;
  expectedNodeMinutes: (number | null)[];
}

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/routing/', import.meta.url));

export function readFixture(name: string): RoutingFixture {
  return JSON.parse(readFileSync(`${FIXTURE_DIR}${name}.json`, 'utf8')) as RoutingFixture;
}

export function toLonLat(fixture: { base: [number, number] }, [x, y]: [number, number]) {
  return offsetLonLat(fixture.base[0], fixture.base[1], x, y);
}

export function fixtureGraph(fixture: RoutingFixture): RoadGraph {
  const nodes = fixture.nodes.map((p) => toLonLat(fixture, p));
  const edges: EdgeListEdge[] = [];
  for (const [from, to, factor = 1, cost, oneway = false] of fixture.edges) {
    const lengthM = haversineM(nodes[from][0], nodes[from][1], nodes[to][0], nodes[to][1]);
    const costS = cost ?? lengthM * factor;
    edges.push({ from, to, lengthM, costS });
    if (!oneway) edges.push({ from: to, to: from, lengthM, costS });
  }
  return graphFromEdgeList({ network: fixture.network, nodes, edges });
}
