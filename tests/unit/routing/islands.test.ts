import { describe, expect, it } from 'vitest';
import { graphComponents, mainlandNodes } from '../../../analysis/graph/components.ts';
import { graphFromEdgeList } from '../../../analysis/graph/from-edge-list.ts';
import { edgeIndex } from '../../../analysis/routing/edge-index.ts';
import { snapPoint } from '../../../analysis/routing/snap.ts';

// A 60-node street along latitude 32.0 (≈ 9.4 m apart; islands are < 5 % of it, here < 3 nodes) and, 20 m north of its middle, a lone
// two-node sidewalk piece that shares no node with the street.
const streetNodes = Array.from({ length: 60 }, (_, i) => [118.7 + i * 0.0001, 32.0] as const);
const island = [
  [118.7014, 32.00018],
  [118.7015, 32.00018],
] as const;
const edges = [];
for (let i = 0; i < 59; i++) {
  edges.push({ from: i, to: i + 1, lengthM: 9.4 }, { from: i + 1, to: i, lengthM: 9.4 });
}
edges.push({ from: 60, to: 61, lengthM: 9.4 }, { from: 61, to: 60, lengthM: 9.4 });
const graph = graphFromEdgeList({ network: 'walk', nodes: [...streetNodes, ...island], edges });

describe('island components', () => {
  it('labels components and marks the small one as an island', () => {
    const components = graphComponents(graph);
    expect(components.count).toBe(2);
    expect(components.size[components.largest]).toBe(60);
    const mainland = mainlandNodes(graph);
    expect(Array.from(mainland.subarray(0, 60)).every((v) => v === 1)).toBe(true);
    expect(Array.from(mainland.subarray(60))).toEqual([0, 0]);
  });

  it('snaps a point beside the island onto the street, not onto the island', () => {
    // 2 m from the island, 22 m from the street.
    const snap = snapPoint(edgeIndex(graph), 118.70145, 32.0002);
    expect(snap).not.toBeNull();
    expect(snap?.distanceM).toBeGreaterThan(20);
    expect(snap?.distanceM).toBeLessThan(24);
  });

  it('keeps components of similar size (a river with no bridge in the extract)', () => {
    const halves = graphFromEdgeList({
      network: 'walk',
      nodes: [
        [118.7, 32.0],
        [118.701, 32.0],
        [118.7, 32.01],
        [118.701, 32.01],
      ],
      edges: [
        { from: 0, to: 1, lengthM: 94 },
        { from: 2, to: 3, lengthM: 94 },
      ],
    });
    expect(Array.from(mainlandNodes(halves))).toEqual([1, 1, 1, 1]);
    expect(snapPoint(edgeIndex(halves), 118.7005, 32.0099)?.distanceM).toBeLessThan(20);
  });
});
