import type { RoadGraph } from '../graph/types.ts';

/**
 * Bounded multi-source Dijkstra on the CSR arrays with a binary heap.
 *
 * The heap keeps (key, node) pairs in two parallel typed arrays and uses lazy deletion (an
 * improved node is pushed again; stale entries are skipped when popped). Keeping keys inline
 * means sift operations touch only the heap's own contiguous memory instead of dist[] at random
 * node ids: on a 500k-node graph with thousands of sources that is several times faster than an
 * indexed decrease-key heap, whose work is dominated by cache misses.
 *
 * One `ShortestPathSearch` owns all buffers for one graph and is reused across searches: a
 * search allocates nothing (the heap only grows, rarely) and resets only the nodes the previous
 * search touched, so a 15-minute surface costs time proportional to what it reaches.
 */
export class ShortestPathSearch {
  readonly graph: RoadGraph;
  /** Cost from the nearest seed, Infinity when not reached (valid until the next run). */
  readonly dist: Float64Array;
  /** Label (seed's origin index) of the nearest seed, -1 when not reached. */
  readonly label: Int32Array;
  /** Nodes reached by the last run: touched[0 .. touchedCount-1]. */
  readonly touched: Uint32Array;
  touchedCount = 0;
  private heapKey: Float64Array;
  private heapNode: Uint32Array;
  private heapSize = 0;

  constructor(graph: RoadGraph) {
    this.graph = graph;
    const n = graph.nodeCount;
    this.dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.label = new Int32Array(n).fill(-1);
    this.touched = new Uint32Array(n);
    const capacity = Math.max(16, Math.min(n, 1 << 16));
    this.heapKey = new Float64Array(capacity);
    this.heapNode = new Uint32Array(capacity);
  }

  /** Forgets the previous run (only the nodes it touched). */
  reset(): void {
    const { dist, label, touched } = this;
    for (let k = 0; k < this.touchedCount; k++) {
      const node = touched[k];
      dist[node] = Number.POSITIVE_INFINITY;
      label[node] = -1;
    }
    this.touchedCount = 0;
    this.heapSize = 0;
  }

  /** Offers a seed: node reached at `cost` by origin `label`. Call after reset(), before run(). */
  seed(node: number, cost: number, label: number): void {
    if (!(cost < this.dist[node])) return;
    if (this.dist[node] === Number.POSITIVE_INFINITY) this.touched[this.touchedCount++] = node;
    this.dist[node] = cost;
    this.label[node] = label;
    this.push(cost, node);
  }

  /** Settles every node whose cost is ≤ maxCost. */
  run(maxCost: number): void {
    const { dist, label, touched } = this;
    const { offsets, targets, costS } = this.graph;
    while (this.heapSize > 0) {
      const du = this.heapKey[0];
      const u = this.heapNode[0];
      this.pop();
      // Stale entry (improved since pushed) or a seed over budget.
      if (du > dist[u] || du > maxCost) continue;
      const lu = label[u];
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        const v = targets[e];
        const dv = du + costS[e];
        if (dv < dist[v] && dv <= maxCost) {
          if (dist[v] === Number.POSITIVE_INFINITY) touched[this.touchedCount++] = v;
          dist[v] = dv;
          label[v] = lu;
          this.push(dv, v);
        }
      }
    }
  }

  private push(key: number, node: number): void {
    if (this.heapSize === this.heapKey.length) this.grow();
    const keys = this.heapKey;
    const nodes = this.heapNode;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk <= key) break;
      keys[i] = pk;
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  private pop(): void {
    const keys = this.heapKey;
    const nodes = this.heapNode;
    const size = --this.heapSize;
    if (size === 0) return;
    const key = keys[size];
    const node = nodes[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      const ck = keys[child];
      if (ck >= key) break;
      keys[i] = ck;
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  private grow(): void {
    const keys = new Float64Array(this.heapKey.length * 2);
    const nodes = new Uint32Array(this.heapNode.length * 2);
    keys.set(this.heapKey);
    nodes.set(this.heapNode);
    this.heapKey = keys;
    this.heapNode = nodes;
  }
}
