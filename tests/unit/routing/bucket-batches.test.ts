import { describe, expect, it } from 'vitest';
import { seededUnit, syntheticGrid } from '../../../analysis/graph/synthetic-grid.ts';
import { ShortestPathSearch } from '../../../analysis/routing/dijkstra.ts';

// Bucket batches are ordered through a bitmap when dense and sorted when sparse, and a search
// that reached much of the graph is reset by a whole-array fill: none of that may change costs.
const grid = syntheticGrid({ rows: 60, cols: 60, seed: 3 });
const seeds = Array.from({ length: 40 }, (_, k) => Math.floor(seededUnit(k, 7) * grid.nodeCount));

function search(
  into: ShortestPathSearch,
  from: readonly number[],
  budget: number,
  queue: 'auto' | 'heap',
) {
  into.reset();
  from.forEach((node, label) => {
    into.seed(node, 3 * label, label);
  });
  into.run(budget, queue);
  return { dist: Float64Array.from(into.dist), reached: into.touchedCount };
}

describe('bucket batches', () => {
  it('give the heap search costs, for dense multi-source and sparse single-source runs', () => {
    const buckets = new ShortestPathSearch(grid);
    const heap = new ShortestPathSearch(grid);
    for (const [from, budget] of [
      [seeds, 900],
      [seeds.slice(0, 1), 300],
      [seeds, 3_000],
    ] as const) {
      const a = search(buckets, from, budget, 'auto');
      const b = search(heap, from, budget, 'heap');
      expect(a.reached).toBe(b.reached);
      expect(a.dist).toEqual(b.dist);
    }
  });

  it('a reused search (reset by fill after a large run) equals a fresh one', () => {
    const reused = new ShortestPathSearch(grid);
    const large = search(reused, seeds, 5_000, 'auto');
    expect(large.reached * 16).toBeGreaterThan(grid.nodeCount);
    const again = search(reused, seeds.slice(3, 4), 400, 'auto');
    const fresh = search(new ShortestPathSearch(grid), seeds.slice(3, 4), 400, 'auto');
    expect(again.reached).toBe(fresh.reached);
    expect(again.dist).toEqual(fresh.dist);
    expect(Array.from(reused.label)).toEqual(
      Array.from(fresh.dist, (d) => (Number.isFinite(d) ? 0 : -1)),
    );
  });
});
