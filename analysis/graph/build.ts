import { haversineM } from '../geo.ts';
import type { OsmData } from '../io/osm/types.ts';
import { barrierStops, edgeAccess, wheelchairNodeBits, wheelchairWayBits } from './access.ts';
import { secondsPerMetre } from './speeds.ts';
import { highwayCode, type NetworkProfile, type RoadGraph } from './types.ts';

/** What building a graph left out or merged, for the caller to report (nothing is dropped silently). */
export interface BuildReport {
  /** Ways admitted by the network's access rules. */
  waysUsed: number;
  /** Way segments skipped because a node is missing from the extract (ways cut at its border). */
  segmentsMissingNode: number;
  /** Directed edges merged because two ways join the same two nodes (the cheapest is kept). */
  duplicateEdgesMerged: number;
}

export interface BuildGraphOptions {
  /** Filled in when given. */
  report?: BuildReport;
}

/**
 * Builds one network's road graph from OSM ways.
 *
 * Graph nodes are the OSM nodes used by a routable way, in ascending OSM id order; each segment
 * between consecutive way nodes gives one directed edge per allowed direction. Edges are sorted
 * by (source, target); when several ways give the same directed pair, the cheapest edge is kept.
 * The result depends only on the OSM content, not on the order of ways in the file, so a PBF and
 * an XML of the same extract give identical arrays.
 */
export function buildGraph(
  osm: OsmData,
  network: NetworkProfile,
  options: BuildGraphOptions = {},
): RoadGraph {
  const report: BuildReport = { waysUsed: 0, segmentsMissingNode: 0, duplicateEdgesMerged: 0 };

  // 1. Directed edges by OSM node id.
  const fromId: number[] = [];
  const toId: number[] = [];
  const length: number[] = [];
  const cost: number[] = [];
  const highway: number[] = [];
  const wheelchair: number[] = [];
  const used = new Set<number>();
  for (const way of osm.ways) {
    const access = edgeAccess(way.tags, network);
    if (access === null || (!access.forward && !access.backward)) continue;
    report.waysUsed++;
    const spm = secondsPerMetre(way.tags, network);
    const code = highwayCode(way.tags.highway ?? '');
    const wayBits = wheelchairWayBits(way.tags);
    for (let i = 0; i + 1 < way.refs.length; i++) {
      const a = way.refs[i];
      const b = way.refs[i + 1];
      if (a === b) continue; // repeated node: no segment
      const pa = osm.nodes.get(a);
      const pb = osm.nodes.get(b);
      if (pa === undefined || pb === undefined) {
        report.segmentsMissingNode++;
        continue;
      }
      const metres = haversineM(pa.lon, pa.lat, pb.lon, pb.lat);
      used.add(a);
      used.add(b);
      const bits =
        wayBits | wheelchairNodeBits(osm.nodeTags.get(a)) | wheelchairNodeBits(osm.nodeTags.get(b));
      if (access.forward) {
        fromId.push(a);
        toId.push(b);
        length.push(metres);
        cost.push(metres * spm);
        highway.push(code);
        wheelchair.push(bits);
      }
      if (access.backward) {
        fromId.push(b);
        toId.push(a);
        length.push(metres);
        cost.push(metres * spm);
        highway.push(code);
        wheelchair.push(bits);
      }
    }
  }

  // 2. Nodes in OSM id order.
  const nodeOsmId = Float64Array.from(used).sort();
  const n = nodeOsmId.length;
  const indexOf = new Map<number, number>();
  const nodeLon = new Float64Array(n);
  const nodeLat = new Float64Array(n);
  const barrier = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = nodeOsmId[i];
    indexOf.set(id, i);
    if (barrierStops(osm.nodeTags.get(id), network)) barrier[i] = 1;
    const p = osm.nodes.get(id);
    if (p === undefined) throw new Error(`bug: node ${id} vanished`);
    nodeLon[i] = p.lon;
    nodeLat[i] = p.lat;
  }

  // 3. Bucket edges by source (counting sort), then order each bucket by (target, cost, class).
  const raw = fromId.length;
  const source = new Uint32Array(raw);
  const target = new Uint32Array(raw);
  const counts = new Uint32Array(n + 1);
  for (let e = 0; e < raw; e++) {
    source[e] = indexOf.get(fromId[e]) ?? 0;
    target[e] = indexOf.get(toId[e]) ?? 0;
    counts[source[e] + 1]++;
  }
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const order = new Uint32Array(raw);
  const fill = counts.slice(0, n);
  for (let e = 0; e < raw; e++) order[fill[source[e]]++] = e;

  const offsets = new Uint32Array(n + 1);
  const targets: number[] = [];
  const keptEdges: number[] = [];
  for (let i = 0; i < n; i++) {
    const bucket = Array.from(order.subarray(counts[i], counts[i + 1]));
    bucket.sort((x, y) => target[x] - target[y] || cost[x] - cost[y] || highway[x] - highway[y]);
    let previous = -1;
    for (const e of bucket) {
      if (target[e] === previous) {
        report.duplicateEdgesMerged++;
        continue;
      }
      previous = target[e];
      targets.push(target[e]);
      keptEdges.push(e);
    }
    offsets[i + 1] = targets.length;
  }

  const m = keptEdges.length;
  const graph: RoadGraph = {
    network,
    nodeCount: n,
    edgeCount: m,
    nodeLon,
    nodeLat,
    nodeOsmId,
    offsets,
    targets: Uint32Array.from(targets),
    lengthM: new Float32Array(m),
    costS: new Float32Array(m),
    highway: new Uint8Array(m),
    // Wheelchair facts matter on foot only.
    ...(network === 'walk' ? { wheelchair: new Uint8Array(m) } : {}),
    barrier,
  };
  for (let k = 0; k < m; k++) {
    const e = keptEdges[k];
    graph.lengthM[k] = length[e];
    graph.costS[k] = cost[e];
    graph.highway[k] = highway[e];
    if (graph.wheelchair) graph.wheelchair[k] = wheelchair[e];
  }
  if (options.report) Object.assign(options.report, report);
  return graph;
}
