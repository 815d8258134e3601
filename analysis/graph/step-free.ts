import type { NetworkProfile, RoadGraph } from './types.ts';
import { highwayCode } from './types.ts';

const STEPS = highwayCode('steps');
const derived = new WeakMap<RoadGraph, RoadGraph>();
const derivedGraphs = new WeakSet<RoadGraph>();

/**
 * The walk graph as wheelchair and walker users can use it: without highway=steps and without
 * the edges it marks against them (wheelchair=no, ramps steeper than 1:12, raised kerbs; see
 * access.ts). Nodes keep their numbers, so positions and node ids mean the same; only the edges
 * are renumbered. A graph built without marks loses its steps only. Made once per graph.
 */
export function stepFreeGraph(walk: RoadGraph): RoadGraph {
  const known = derived.get(walk);
  if (known !== undefined) return known;
  const keep = (e: number) => walk.highway[e] !== STEPS && (walk.wheelchair?.[e] ?? 0) === 0;
  let m = 0;
  for (let e = 0; e < walk.edgeCount; e++) if (keep(e)) m++;
  const offsets = new Uint32Array(walk.nodeCount + 1);
  const targets = new Uint32Array(m);
  const lengthM = new Float32Array(m);
  const costS = new Float32Array(m);
  const highway = new Uint8Array(m);
  let k = 0;
  for (let u = 0; u < walk.nodeCount; u++) {
    for (let e = walk.offsets[u]; e < walk.offsets[u + 1]; e++) {
      if (!keep(e)) continue;
      targets[k] = walk.targets[e];
      lengthM[k] = walk.lengthM[e];
      costS[k] = walk.costS[e];
      highway[k] = walk.highway[e];
      k++;
    }
    offsets[u + 1] = k;
  }
  const graph: RoadGraph = {
    network: walk.network,
    nodeCount: walk.nodeCount,
    edgeCount: m,
    nodeLon: walk.nodeLon,
    nodeLat: walk.nodeLat,
    nodeOsmId: walk.nodeOsmId,
    offsets,
    targets,
    lengthM,
    costS,
    highway,
    ...(walk.wheelchair === undefined ? {} : { wheelchair: new Uint8Array(m) }),
    ...(walk.barrier === undefined ? {} : { barrier: walk.barrier }),
  };
  derived.set(walk, graph);
  derivedGraphs.add(graph);
  return graph;
}

/** True for a graph stepFreeGraph made (routers check that a profile got the graph it needs). */
export function isStepFreeGraph(graph: RoadGraph): boolean {
  return derivedGraphs.has(graph);
}

interface RoutedBy {
  network: NetworkProfile;
  stepFree: boolean;
}

/** The graph a travel profile routes on, given the graph of its network. */
export function profileGraph(base: RoadGraph, profile: RoutedBy): RoadGraph {
  return profile.stepFree ? stepFreeGraph(base) : base;
}

/** The same, from the graphs at hand (undefined: its network has none). */
export function routingGraph(
  graphs: Partial<Record<NetworkProfile, RoadGraph>>,
  profile: RoutedBy,
): RoadGraph | undefined {
  const graph = graphs[profile.network];
  return graph === undefined ? undefined : profileGraph(graph, profile);
}
