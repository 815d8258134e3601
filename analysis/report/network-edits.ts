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
      const lines = edges.map((e) => [at(source[e]), at(graph.targets[e])]);
      const lengthM = edges.reduce((sum, e) => sum + graph.lengthM[e], 0);
      const middle = lines[Math.floor(lines.length / 2)];
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
