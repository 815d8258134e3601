import { cityCells } from '../coverage/city-cells.ts';
import type { CityInput } from '../coverage/types.ts';
import { mainlandNodes } from '../graph/components.ts';
import { secondsPerMetre } from '../graph/speeds.ts';
import type { RoadGraph } from '../graph/types.ts';
import { cellLinks } from '../routing/cell-links.ts';
import { ShortestPathSearch } from '../routing/dijkstra.ts';
import { linkCandidates, type NodePair } from '../routing/edits/link-candidates.ts';
import { buildOverlay } from '../routing/edits/overlay.ts';
import { OverlaySurface } from '../routing/edits/overlay-surface.ts';
import { resolveNetworkEdits } from '../routing/edits/resolve.ts';
import type { LinkSpec, NetworkOverlay } from '../routing/edits/types.ts';
import { minutesToCost, travelProfile } from '../routing/profiles.ts';
import type { SnappedOrigin } from '../routing/surface.ts';
import { edgeTopology, isCanonicalEdge } from '../routing/topology.ts';
import { applyScenario } from './scenario-apply.ts';
import { networkModifications } from './scenario-network.ts';
import type { AddLink, Scenario } from './scenario-types.ts';

/**
 * Suggests short walking links (gates, passages) that most raise the elders within a walking
 * threshold of a site, for a scenario (its sites and its network edits).
 *
 * Candidates: pairs of network nodes at most maxLengthM apart in a straight line but at least
 * minDetourM farther apart along the network (analysis/routing/edits/link-candidates.ts). Gains are exact: with D(x)
 * the time from the nearest site to node x on the current network, a link a–b of cost ℓ brings
 * a cell to min(best(c), D(a) + ℓ + surface_b(c), D(b) + ℓ + surface_a(c)); one small search
 * seeded at b with D(a) + ℓ (and at a with D(b) + ℓ) gives the new times, and the gain is the
 * elders of cells that newly fall within the threshold.
 *
 * Greedy: K rounds, each adds the candidate with the largest gain on the network including the
 * links chosen so far. Link gains can be complementary (two links in series), so coverage is not
 * submodular in the links and greedy has no constant-factor guarantee; the result states an
 * upper bound instead: the elders newly covered with every candidate added at once, which no
 * set of candidates can exceed (adding links never lengthens a route).
 */
export interface SuggestLinksOptions {
  minutes: number;
  maxLengthM: number;
  count: number;
  /** walk-elderly speed in m/s (default 1.0). */
  walkingSpeedMps?: number;
  minDetourM?: number;
}

export interface SuggestedLink {
  from: [number, number];
  to: [number, number];
  lengthM: number;
  /** Walking cost (≈ metres) between the ends on the scenario's network before any suggested
   * link; null beyond 5 km or when not connected. */
  networkM: number | null;
  /** Elders newly within the threshold when this link is added after the ones before it. */
  gainElders: number;
}

export interface SuggestLinksResult {
  minutes: number;
  maxLengthM: number;
  minDetourM: number;
  totalElders: number;
  coveredBefore: number;
  coveredAfter: number;
  candidates: number;
  links: SuggestedLink[];
  /** No set of the candidates covers more than this many additional elders. */
  upperBoundGain: number;
  /** The links as scenario modifications (ids link-1 …). */
  modifications: AddLink[];
  ms: number;
}

/** "Far apart along the network": the route between the ends is at least this much longer. */
export const DEFAULT_MIN_DETOUR_M = 50;
/** networkM is measured up to this cost (beyond: null, e.g. ends in unconnected pieces). */
const NETWORK_REPORT_LIMIT = 5000;

export function suggestLinks(
  input: CityInput,
  graph: RoadGraph,
  scenario: Pick<Scenario, 'modifications'>,
  options: SuggestLinksOptions,
): SuggestLinksResult {
  const t0 = performance.now();
  const profile = travelProfile('walk-elderly', { speedMps: options.walkingSpeedMps });
  const budget = minutesToCost(profile, options.minutes);
  const minDetourM = options.minDetourM ?? DEFAULT_MIN_DETOUR_M;
  const facilities = applyScenario(input.facilities, scenario);
  const links = cellLinks(graph, {
    resolution: input.h3Resolution,
    cells: cityCells(input.cells).h3,
  });
  const weights = Float64Array.from(input.cells, (c) => c.elders60);
  const totalElders = weights.reduce((s, w) => s + w, 0);
  const base = resolveNetworkEdits(graph, networkModifications(scenario)).spec;
  const engine = new OverlaySurface(links);
  const withLinks = (extra: readonly LinkSpec[]): NetworkOverlay =>
    buildOverlay(graph, { links: [...base.links, ...extra], closedEdges: base.closedEdges });

  /** Times from the nearest site on a network: per node (D) and which cells are covered. */
  const measure = (overlay: NetworkOverlay) => {
    engine.setOverlay(overlay);
    engine.compute(engine.snap(facilities).snapped, profile, budget);
    const covered = new Uint8Array(links.cells.length);
    let weight = 0;
    for (let k = 0; k < engine.touchedCellCount; k++) {
      const c = engine.touchedCells[k];
      if (engine.cellCost[c] <= budget) {
        covered[c] = 1;
        weight += weights[c];
      }
    }
    return { D: engine.search.dist.slice(0, graph.nodeCount), covered, weight, overlay };
  };
  const costOf = (metres: number) => metres * secondsPerMetre({ highway: 'footway' }, 'walk');
  const start = measure(withLinks([]));
  const candidates = linkCandidates(graph, start.overlay, {
    maxLengthM: options.maxLengthM,
    minDetourM,
    costOf,
  });
  const anchors = anchorEdges(graph, start.overlay);
  const specOf = (p: NodePair, id: string): LinkSpec => ({
    id,
    from: { node: p.a },
    to: { node: p.b },
    lengthM: p.lengthM,
    costS: costOf(p.lengthM),
    steps: false,
  });

  /** Elders newly covered if pair p is added to the measured network. */
  const gainOf = (p: NodePair, state: ReturnType<typeof measure>): number => {
    const cost = costOf(p.lengthM);
    const origins: SnappedOrigin[] = [];
    const seed = (node: number, offset: number) => {
      const anchor = anchors[node];
      if (offset > budget || anchor === undefined) return;
      // A pseudo-origin at the node whose access leg costs exactly `offset`.
      const distanceM = (offset * profile.accessSpeedMps) / profile.costPerSecond;
      origins.push({ label: 0, id: '', snap: { ...anchor, distanceM } });
    };
    seed(p.b, state.D[p.a] + cost);
    seed(p.a, state.D[p.b] + cost);
    if (origins.length === 0) return 0;
    engine.compute(origins, profile, budget);
    let gain = 0;
    for (let k = 0; k < engine.touchedCellCount; k++) {
      const c = engine.touchedCells[k];
      if (state.covered[c] === 0 && engine.cellCost[c] <= budget) gain += weights[c];
    }
    return gain;
  };

  const chosen: { pair: NodePair; gain: number }[] = [];
  let state = start;
  for (let round = 0; round < options.count; round++) {
    let best: { pair: NodePair; gain: number } | null = null;
    for (const pair of candidates) {
      if (Math.min(state.D[pair.a], state.D[pair.b]) + costOf(pair.lengthM) > budget) continue;
      const gain = gainOf(pair, state);
      if (gain > (best?.gain ?? 0)) best = { pair, gain };
    }
    if (best === null) break;
    chosen.push(best);
    state = measure(withLinks(chosen.map((c, k) => specOf(c.pair, `link-${k + 1}`))));
  }
  const all = measure(withLinks(candidates.map((p, k) => specOf(p, `c${k}`))));
  const at = (node: number): [number, number] => [graph.nodeLon[node], graph.nodeLat[node]];
  const search = new ShortestPathSearch(graph);
  search.setOverlay(start.overlay);
  const networkBetween = (a: number, b: number): number | null => {
    search.reset();
    search.seed(a, 0, 0);
    search.run(NETWORK_REPORT_LIMIT);
    return Number.isFinite(search.dist[b]) ? search.dist[b] : null;
  };
  const suggested = chosen.map(({ pair, gain }) => ({
    from: at(pair.a),
    to: at(pair.b),
    lengthM: pair.lengthM,
    networkM: networkBetween(pair.a, pair.b),
    gainElders: gain,
  }));
  return {
    minutes: options.minutes,
    maxLengthM: options.maxLengthM,
    minDetourM,
    totalElders,
    coveredBefore: start.weight,
    coveredAfter: state.weight,
    candidates: candidates.length,
    links: suggested,
    upperBoundGain: all.weight - start.weight,
    modifications: suggested.map((link, k) => ({
      kind: 'add-link',
      id: `link-${k + 1}`,
      linkType: 'passage',
      from: link.from,
      to: link.to,
      networks: ['walk'],
    })),
    ms: performance.now() - t0,
  };
}

/** Per mainland node, an open canonical segment it ends (for pseudo-origins placed there). */
function anchorEdges(
  graph: RoadGraph,
  overlay: NetworkOverlay,
): ({ edge: number; t: number } | undefined)[] {
  const anchors: ({ edge: number; t: number } | undefined)[] = new Array(graph.nodeCount);
  const mainland = mainlandNodes(graph);
  const topology = edgeTopology(graph);
  for (let u = 0; u < graph.nodeCount; u++) {
    if (mainland[u] !== 1) continue;
    for (let e = graph.offsets[u]; e < graph.offsets[u + 1] && anchors[u] === undefined; e++) {
      if (overlay.closed?.[e] === 1) continue;
      if (isCanonicalEdge(topology, e)) anchors[u] = { edge: e, t: 0 };
      else anchors[u] = { edge: topology.reverse[e], t: 1 };
    }
  }
  return anchors;
}
