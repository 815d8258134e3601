import { haversineM } from '../geo.ts';
import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import { resolveStretch } from '../routing/edits/stretch.ts';
import type { LinkKind } from '../routing/edits/types.ts';
import { edgeTopology } from '../routing/topology.ts';
import { networkModifications } from '../siting/scenario-network.ts';
import type { Scenario } from '../siting/scenario-types.ts';

/**
 * The street-network edits of a scenario as shapes: an added link is the straight line between
 * its ends, a closed link is the road stretch it names on the graph of its first network (so the
 * map, the report and the exports show the same stretch the routing closes). Pure.
 */
export interface NetworkEditShape {
  /** Position in the scenario's modification list. */
  index: number;
  id: string;
  kind: 'add-link' | 'close-link';
  networks: NetworkProfile[];
  linkType?: LinkKind;
  /** One or more polylines, WGS-84 [lon, lat]. */
  lines: [number, number][][];
  /** Length as routed (a link: straight × detour factor; a closure: the stretch's edges). */
  lengthM: number;
  /** A point on the edit to describe it by (the link's middle, the stretch's middle segment). */
  anchor: [number, number];
  costYuan?: number;
  name?: string;
}

/** A network edit in the report and its exports: its shape and what it brings. */
export interface ReportNetworkEdit extends NetworkEditShape {
  /** Thresholds (minutes) the gains are for, and the elders newly within each (leave one out). */
  thresholds: number[];
  gains: number[];
}

export function networkEditShapes(
  scenario: Pick<Scenario, 'modifications'>,
  graphOf: (network: NetworkProfile) => RoadGraph | undefined,
): NetworkEditShape[] {
  const out: NetworkEditShape[] = [];
  for (const { index, modification: m } of networkModifications(scenario)) {
    if (m.kind === 'add-link') {
      const lengthM = haversineM(m.from[0], m.from[1], m.to[0], m.to[1]) * (m.detourFactor ?? 1);
      out.push({
        index,
        id: m.id,
        kind: m.kind,
        networks: [...m.networks],
        linkType: m.linkType,
        lines: [[[...m.from], [...m.to]]],
        lengthM,
        anchor: [(m.from[0] + m.to[0]) / 2, (m.from[1] + m.to[1]) / 2],
        ...(m.costYuan === undefined ? {} : { costYuan: m.costYuan }),
        ...(m.name === undefined ? {} : { name: m.name }),
      });
    } else if (m.kind === 'close-link') {
      const graph = m.networks.map(graphOf).find((g) => g !== undefined);
      if (graph === undefined) continue;
      const edges = resolveStretch(graph, m, `modifications[${index}]`);
      const { source } = edgeTopology(graph);
      const at = (node: number): [number, number] => [graph.nodeLon[node], graph.nodeLat[node]];
      const lines = mergeLines(edges.map((e) => [source[e], graph.targets[e]])).map((nodes) =>
        nodes.map(at),
      );
      const lengthM = edges.reduce((sum, e) => sum + graph.lengthM[e], 0);
      const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), lines[0] ?? []);
      const k = Math.floor((longest.length - 1) / 2);
      const middle = longest.length < 2 ? undefined : [longest[k], longest[k + 1]];
      out.push({
        index,
        id: m.id,
        kind: m.kind,
        networks: [...m.networks],
        lines,
        lengthM,
        anchor:
          middle === undefined
            ? (m.at ?? m.from ?? [0, 0])
            : [(middle[0][0] + middle[1][0]) / 2, (middle[0][1] + middle[1][1]) / 2],
      });
    }
  }
  return out;
}

/**
 * Segments (node pairs) joined into polylines where they share an end node: a closed stretch is
 * one line in the exports, not one feature per graph segment. Order along each line follows the
 * road; a branching set stays as several lines.
 */
export function mergeLines(segments: readonly (readonly [number, number])[]): number[][] {
  const byNode = new Map<number, number[]>();
  segments.forEach(([a, b], k) => {
    for (const n of [a, b]) byNode.set(n, [...(byNode.get(n) ?? []), k]);
  });
  const used = new Uint8Array(segments.length);
  const extend = (line: number[]) => {
    for (;;) {
      const end = line[line.length - 1];
      const next = (byNode.get(end) ?? []).find((k) => used[k] === 0);
      if (next === undefined) return;
      used[next] = 1;
      const [a, b] = segments[next];
      line.push(a === end ? b : a);
    }
  };
  const out: number[][] = [];
  // Start at ends of the chain (a node on one unused segment), then whatever is left (loops).
  const order = [...segments.keys()].sort(
    (x, y) =>
      Math.min(byNode.get(segments[x][0])?.length ?? 0, byNode.get(segments[x][1])?.length ?? 0) -
      Math.min(byNode.get(segments[y][0])?.length ?? 0, byNode.get(segments[y][1])?.length ?? 0),
  );
  for (const k of order) {
    if (used[k] === 1) continue;
    used[k] = 1;
    const [a, b] = segments[k];
    const startsAtEnd = (byNode.get(a)?.length ?? 0) === 1;
    const line = startsAtEnd ? [a, b] : [b, a];
    extend(line);
    if (!startsAtEnd) {
      line.reverse();
      extend(line);
    }
    out.push(line);
  }
  return out;
}
