import type { ShortestPathSearch } from '../dijkstra.ts';
import type { OverlayElement } from './types.ts';

/**
 * What each site's last search reached, kept so that a street edit re-searches only the sites it
 * can affect (the rules are analysis/routing/README.md, "Edited networks"):
 *  - touch rule (any element): a site is affected when its last search reached one of the
 *    element's baseline nodes within the budget, or it is snapped onto an edge the element
 *    splits or closes. A route can only start using a new element, or lose one, by arriving at
 *    one of those nodes first.
 *  - improvement rule (only links added between two baseline nodes, nothing removed): a site is
 *    affected only when some added link a–b of cost c shortens a route on the old distances,
 *    d(a) + c < d(b) (or the other way) within the budget. On any improved route, the first
 *    added link it uses must improve its far end on the old distances (else the old route to
 *    that end is as short, and the improvement lies further on), so no other site changes.
 */
export class ReachMemory {
  private readonly nodes = new Map<string, Uint32Array>();
  /** Cost at nodes[k], NaN for the ends standing in for a reached virtual node. */
  private readonly costs = new Map<string, Float64Array>();
  private readonly snapEdges = new Map<string, number[]>();

  constructor(private readonly baselineNodes: number) {}

  /** Records a finished search (`segmentEnds`: the baseline ends of a virtual node). */
  remember(
    id: string,
    edges: number[],
    search: ShortestPathSearch,
    segmentEnds: (node: number) => readonly number[],
  ): void {
    const nodes: number[] = [];
    const costs: number[] = [];
    for (let k = 0; k < search.touchedCount; k++) {
      const node = search.touched[k];
      if (node < this.baselineNodes) {
        nodes.push(node);
        costs.push(search.dist[node]);
      } else {
        // A virtual node stands for its segment: a later edit on it names the segment's ends.
        for (const end of segmentEnds(node)) {
          nodes.push(end);
          costs.push(Number.NaN);
        }
      }
    }
    this.nodes.set(id, Uint32Array.from(nodes));
    this.costs.set(id, Float64Array.from(costs));
    this.snapEdges.set(id, edges);
  }

  /** A site that reaches nothing (off the network). */
  rememberNothing(id: string, edges: number[]): void {
    this.nodes.set(id, new Uint32Array(0));
    this.costs.set(id, new Float64Array(0));
    this.snapEdges.set(id, edges);
  }

  forget(id: string): void {
    this.nodes.delete(id);
    this.costs.delete(id);
    this.snapEdges.delete(id);
  }

  /** [edge snapped onto on the baseline, edge snapped onto now]. */
  snapEdgesOf(id: string): number[] {
    return this.snapEdges.get(id) ?? [-1, -1];
  }

  /** Touch rule: ids among `ids` whose reach the elements can alter. */
  touchedBy(ids: Iterable<string>, elements: readonly OverlayElement[]): string[] {
    if (elements.length === 0) return [];
    const nodes = new Set<number>();
    const edges = new Set<number>();
    for (const element of elements) {
      for (const node of element.nodes) nodes.add(node);
      for (const edge of element.edges) edges.add(edge);
    }
    const out: string[] = [];
    for (const id of ids) {
      if (this.snapEdgesOf(id).some((e) => edges.has(e))) {
        out.push(id);
        continue;
      }
      const reached = this.nodes.get(id) ?? new Uint32Array(0);
      for (let k = 0; k < reached.length; k++) {
        if (nodes.has(reached[k])) {
          out.push(id);
          break;
        }
      }
    }
    return out;
  }

  /** Improvement rule: ids whose routes some added node-to-node link shortens within budget. */
  improvedBy(
    ids: Iterable<string>,
    links: readonly { a: number; b: number; costS: number }[],
    budget: number,
  ): string[] {
    // No link, no improvement: skip reading every site's reach (O(all reached nodes)).
    if (links.length === 0) return [];
    const ends = new Set(links.flatMap((l) => [l.a, l.b]));
    const out: string[] = [];
    for (const id of ids) {
      const nodes = this.nodes.get(id) ?? new Uint32Array(0);
      const costs = this.costs.get(id) ?? new Float64Array(0);
      const d = new Map<number, number>();
      for (let k = 0; k < nodes.length; k++) {
        if (ends.has(nodes[k]) && costs[k] <= budget) d.set(nodes[k], costs[k]);
      }
      const at = (node: number) => d.get(node) ?? Number.POSITIVE_INFINITY;
      const improves = links.some(({ a, b, costS }) => {
        const viaA = at(a) + costS;
        const viaB = at(b) + costS;
        return (viaA <= budget && viaA < at(b)) || (viaB <= budget && viaB < at(a));
      });
      if (improves) out.push(id);
    }
    return out;
  }
}
