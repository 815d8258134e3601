import type { RoadGraph } from '../../graph/types.ts';

/**
 * Street-network edits of a scenario, resolved onto one network's graph. The baseline graph is
 * never changed: an edited network is the baseline CSR plus a few added edges (over virtual
 * nodes numbered after the baseline's) and a mask of closed baseline edges (see overlay.ts).
 */
export const LINK_KINDS = ['gate', 'passage', 'footbridge', 'crossing'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A place on the network: an existing node, or a position t ∈ (0, 1) along a canonical edge. */
export type NetworkPosition = { node: number } | { edge: number; t: number };

/** One walkable link between two network positions, both directions, with its graph cost. */
export interface LinkSpec {
  id: string;
  from: NetworkPosition;
  to: NetworkPosition;
  lengthM: number;
  /** Graph cost units of the network (walk: seconds at 1.0 m/s). */
  costS: number;
  /** The link has steps (a footbridge's stairs): closed to profiles that avoid steps. */
  steps: boolean;
}

/** The edits of one network in scenario order, already resolved onto its graph. */
export interface NetworkEditSpec {
  links: LinkSpec[];
  /** Canonical baseline edges made impassable (both directions). */
  closedEdges: number[];
}

/**
 * Positions inserted into a baseline edge u→v: nodes[0] = u, nodes[last] = v, virtual nodes in
 * between in ascending t. The edge itself stays in the graph; the pieces between consecutive
 * chain nodes are added edges.
 */
export interface EdgeChain {
  nodes: Uint32Array;
  t: Float64Array;
}

/** One edit as the live update sees it: the baseline nodes and edges it touches. */
export interface OverlayElement {
  /** Identity for diffing two overlays (same key = same element with the same effect). */
  key: string;
  /** Baseline nodes a route must pass to use (or lose) this element. */
  nodes: number[];
  /** Canonical baseline edges it splits or closes. */
  edges: number[];
  /** A link whose two ends are baseline nodes: the edge a–b it adds (both directions). */
  link?: { a: number; b: number; costS: number };
}

export interface NetworkOverlay {
  baseline: RoadGraph;
  /** Baseline nodes + virtual nodes. */
  nodeCount: number;
  /** Coordinates of virtual node baseline.nodeCount + k. */
  virtualLon: Float64Array;
  virtualLat: Float64Array;
  /** Per baseline edge: 1 = impassable. null when nothing is closed. */
  closed: Uint8Array | null;
  /** Added edges leaving node i: extraOffsets[i] .. extraOffsets[i+1]-1 (over nodeCount). */
  extraOffsets: Uint32Array;
  extraTargets: Uint32Array;
  extraCost: Float64Array;
  /** Chains of the edges that links split, by canonical baseline edge. */
  chains: ReadonlyMap<number, EdgeChain>;
  elements: readonly OverlayElement[];
  spec: NetworkEditSpec;
}
