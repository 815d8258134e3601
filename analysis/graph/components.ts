import type { RoadGraph } from './types.ts';

/** Weakly connected components (edge direction ignored) of a road graph. */
export interface Components {
  /** Component label per node: 0 .. count-1, in order of each component's lowest node index. */
  label: Uint32Array;
  /** Node count per component label. */
  size: Uint32Array;
  count: number;
  /** Label of the component with the most nodes (-1 for an empty graph). */
  largest: number;
}

/**
 * Components smaller than this share of the largest one are "islands": sidewalks and paths mapped
 * without a node shared with the street, or a stub cut off by the extract's edge. Snapping onto an
 * island would strand a facility or a home, so the snapping index leaves them out.
 */
export const ISLAND_SHARE = 0.05;

export function graphComponents(g: RoadGraph): Components {
  const n = g.nodeCount;
  const parent = new Uint32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (let u = 0; u < n; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const ru = find(u);
      const rv = find(g.targets[e]);
      if (ru !== rv) parent[Math.max(ru, rv)] = Math.min(ru, rv);
    }
  }
  const label = new Uint32Array(n);
  const labelOfRoot = new Map<number, number>();
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let l = labelOfRoot.get(root);
    if (l === undefined) {
      l = sizes.length;
      labelOfRoot.set(root, l);
      sizes.push(0);
    }
    label[i] = l;
    sizes[l]++;
  }
  let largest = -1;
  for (let l = 0; l < sizes.length; l++) if (largest < 0 || sizes[l] > sizes[largest]) largest = l;
  return { label, size: Uint32Array.from(sizes), count: sizes.length, largest };
}

/** True per node when its component is not an island (see ISLAND_SHARE). */
export function mainlandNodes(g: RoadGraph, share = ISLAND_SHARE): Uint8Array {
  const { label, size, largest } = graphComponents(g);
  const keep = new Uint8Array(g.nodeCount);
  if (largest < 0) return keep;
  const minNodes = size[largest] * share;
  for (let i = 0; i < g.nodeCount; i++) {
    keep[i] = label[i] === largest || size[label[i]] >= minNodes ? 1 : 0;
  }
  return keep;
}
