import { highwayCode, type RoadGraph } from '../../graph/types.ts';
import { edgeTopology } from '../topology.ts';
import type {
  EdgeChain,
  NetworkEditSpec,
  NetworkOverlay,
  NetworkPosition,
  OverlayElement,
} from './types.ts';

export interface OverlayOptions {
  /** Close every highway=steps edge and every link with steps (the walk-assisted profile). */
  closeSteps?: boolean;
  /**
   * Wheelchair and walker users: closeSteps, and every edge the graph marks against them
   * (graph.wheelchair: wheelchair=no, ramps steeper than 1:12, raised kerbs). A graph without
   * those marks closes steps only.
   */
  wheelchair?: boolean;
  /** Leave out links with steps only (step-free profiles route on stepFreeGraph already). */
  noStepLinks?: boolean;
}

const STEPS = highwayCode('steps');

/**
 * Builds the edited network over a baseline graph without copying it: the baseline CSR is read
 * as is, closed edges are a mask, and a link landing inside an edge adds a virtual node there
 * (the edge stays; its two pieces are added, so routes are those of the split graph). Cost:
 * O(nodes) for the added-edge offsets, O(edges) for the mask when something is closed.
 */
export function buildOverlay(
  graph: RoadGraph,
  spec: NetworkEditSpec,
  options: OverlayOptions = {},
): NetworkOverlay {
  const { source, reverse } = edgeTopology(graph);
  const n = graph.nodeCount;
  let closed: Uint8Array | null = null;
  const close = (e: number) => {
    closed ??= new Uint8Array(graph.edgeCount);
    closed[e] = 1;
    if (reverse[e] >= 0) closed[reverse[e]] = 1;
  };
  for (const e of spec.closedEdges) close(e);
  const noSteps = options.closeSteps === true || options.wheelchair === true;
  if (noSteps) {
    for (let e = 0; e < graph.edgeCount; e++) if (graph.highway[e] === STEPS) close(e);
  }
  const marks = options.wheelchair ? graph.wheelchair : undefined;
  if (marks) for (let e = 0; e < graph.edgeCount; e++) if (marks[e] !== 0) close(e);

  // Virtual nodes: one per distinct position inside an edge, numbered in order of appearance.
  const virtualIds = new Map<string, number>();
  const virtualLon: number[] = [];
  const virtualLat: number[] = [];
  const perEdge = new Map<number, { t: number; node: number }[]>();
  const nodeOf = (p: NetworkPosition): number => {
    if ('node' in p) return p.node;
    const key = `${p.edge}:${p.t}`;
    const known = virtualIds.get(key);
    if (known !== undefined) return known;
    const id = n + virtualLon.length;
    const u = source[p.edge];
    const v = graph.targets[p.edge];
    virtualLon.push(graph.nodeLon[u] + p.t * (graph.nodeLon[v] - graph.nodeLon[u]));
    virtualLat.push(graph.nodeLat[u] + p.t * (graph.nodeLat[v] - graph.nodeLat[u]));
    virtualIds.set(key, id);
    const list = perEdge.get(p.edge) ?? [];
    list.push({ t: p.t, node: id });
    perEdge.set(p.edge, list);
    return id;
  };

  const from: number[] = [];
  const to: number[] = [];
  const cost: number[] = [];
  const elements: OverlayElement[] = [];
  for (const link of spec.links) {
    const a = nodeOf(link.from);
    const b = nodeOf(link.to);
    const touched = [link.from, link.to];
    elements.push({
      key: `link:${link.id}:${positionKey(link.from)}:${positionKey(link.to)}:${link.costS}`,
      nodes: touched.flatMap((p) =>
        'node' in p ? [p.node] : [source[p.edge], graph.targets[p.edge]],
      ),
      edges: touched.flatMap((p) => ('edge' in p ? [p.edge] : [])),
      ...('node' in link.from && 'node' in link.to
        ? { link: { a: link.from.node, b: link.to.node, costS: link.costS } }
        : {}),
    });
    if (link.steps && (noSteps || options.noStepLinks === true)) continue;
    from.push(a, b);
    to.push(b, a);
    cost.push(link.costS, link.costS);
  }
  for (const e of spec.closedEdges) {
    elements.push({ key: `close:${e}`, nodes: [source[e], graph.targets[e]], edges: [e] });
  }

  const chains = new Map<number, EdgeChain>();
  for (const [e, points] of perEdge) {
    points.sort((p, q) => p.t - q.t);
    const u = source[e];
    const v = graph.targets[e];
    const nodes = Uint32Array.from([u, ...points.map((p) => p.node), v]);
    const t = Float64Array.from([0, ...points.map((p) => p.t), 1]);
    chains.set(e, { nodes, t });
    if (closed?.[e]) continue; // the pieces of a closed road are closed too
    const r = reverse[e];
    for (let k = 0; k + 1 < nodes.length; k++) {
      const dt = t[k + 1] - t[k];
      from.push(nodes[k]);
      to.push(nodes[k + 1]);
      cost.push(dt * graph.costS[e]);
      if (r >= 0) {
        from.push(nodes[k + 1]);
        to.push(nodes[k]);
        cost.push(dt * graph.costS[r]);
      }
    }
  }

  const nodeCount = n + virtualLon.length;
  const extraOffsets = new Uint32Array(nodeCount + 1);
  for (const f of from) extraOffsets[f + 1]++;
  for (let i = 0; i < nodeCount; i++) extraOffsets[i + 1] += extraOffsets[i];
  const fill = extraOffsets.slice(0, nodeCount);
  const extraTargets = new Uint32Array(from.length);
  const extraCost = new Float64Array(from.length);
  for (let k = 0; k < from.length; k++) {
    const at = fill[from[k]]++;
    extraTargets[at] = to[k];
    extraCost[at] = cost[k];
  }
  return {
    baseline: graph,
    nodeCount,
    virtualLon: Float64Array.from(virtualLon),
    virtualLat: Float64Array.from(virtualLat),
    closed,
    extraOffsets,
    extraTargets,
    extraCost,
    chains,
    elements,
    spec,
  };
}

export function positionKey(p: NetworkPosition): string {
  return 'node' in p ? `n${p.node}` : `e${p.edge}@${p.t}`;
}

/** Longitude/latitude of an overlay node (baseline or virtual). */
export function overlayNodeLonLat(overlay: NetworkOverlay, node: number): [number, number] {
  const g = overlay.baseline;
  if (node < g.nodeCount) return [g.nodeLon[node], g.nodeLat[node]];
  const k = node - g.nodeCount;
  return [overlay.virtualLon[k], overlay.virtualLat[k]];
}

/** The overlay of an unedited network (used by profiles that only close edges). */
export function emptySpec(): NetworkEditSpec {
  return { links: [], closedEdges: [] };
}

/**
 * Elements in one overlay and not the other (by key): what a live update must account for
 * when the scenario's network goes from `before` to `after` (null: the baseline).
 */
export function changedElements(
  before: NetworkOverlay | null,
  after: NetworkOverlay | null,
): { added: OverlayElement[]; removed: OverlayElement[] } {
  const keysBefore = new Set(before?.elements.map((e) => e.key) ?? []);
  const keysAfter = new Set(after?.elements.map((e) => e.key) ?? []);
  return {
    removed: before?.elements.filter((e) => !keysAfter.has(e.key)) ?? [],
    added: after?.elements.filter((e) => !keysBefore.has(e.key)) ?? [],
  };
}
