import { describe, expect, it } from 'vitest';
import { decodeGraph, encodeGraph } from '../../../analysis/graph/binary.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import { graphStats } from '../../../web/src/worker/graph-stats.ts';

/** 0 <-> 1 (100 m, two-way), 1 -> 2 (50 m, one-way). */
function tinyGraph(): RoadGraph {
  return {
    network: 'drive',
    nodeCount: 3,
    edgeCount: 3,
    nodeLon: new Float64Array([118.78, 118.781, 118.782]),
    nodeLat: new Float64Array([32.04, 32.04, 32.04]),
    nodeOsmId: new Float64Array([1, 2, 3]),
    offsets: new Uint32Array([0, 1, 3, 3]),
    targets: new Uint32Array([1, 0, 2]),
    lengthM: new Float32Array([100, 100, 50]),
    costS: new Float32Array([10, 10, 5]),
    highway: new Uint8Array([5, 5, 5]),
  };
}

describe('graphStats', () => {
  it('counts a two-way street once and a one-way street once', () => {
    const bytes = encodeGraph(tinyGraph());
    const stats = graphStats(decodeGraph(bytes), bytes.byteLength);
    expect(stats).toEqual({
      network: 'drive',
      nodes: 3,
      edges: 3,
      lengthKm: 0.15,
      bytes: bytes.byteLength,
    });
  });
});
