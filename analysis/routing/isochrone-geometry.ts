import { buffer, multiLineString } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cellsToMultiPolygon, getHexagonEdgeLengthAvg, gridDisk, latLngToCell } from 'h3-js';
import { haversineM } from '../geo.ts';
import type { RoadGraph } from '../graph/types.ts';
import type { TravelProfile } from './profiles.ts';
import type { OriginStart } from './reach.ts';
import { edgeTopology, isCanonicalEdge } from './topology.ts';

/** Properties of every isochrone feature we write (display and export). */
export interface IsochroneProperties {
  facilityId: string | null;
  minutes: number;
  profile: string;
  method: 'h3-union' | 'network-buffer';
  cells?: number;
}

export type IsochroneFeature = Feature<MultiPolygon | Polygon, IsochroneProperties>;

/**
 * One MultiPolygon per threshold: the union of the H3 cells reached within it. Holes (blocks
 * no road reaches in time, water) are kept, unlike isochrone APIs that return outer rings.
 * Thresholds come out largest first so that smaller circles draw on top; a threshold that
 * reaches no cell has no feature.
 */
export function cellIsochrones(
  rows: readonly { h3: string; minutes: number }[],
  thresholds: readonly number[],
  options: { profile: string; facilityId?: string | null },
): FeatureCollection<MultiPolygon, IsochroneProperties> {
  const sorted = [...new Set(thresholds)].sort((a, b) => b - a);
  return {
    type: 'FeatureCollection',
    features: sorted.flatMap((minutes) => {
      const cells = rows.filter((row) => row.minutes <= minutes).map((row) => row.h3);
      if (cells.length === 0) return []; // nothing within this threshold: no empty feature
      return {
        type: 'Feature',
        properties: {
          facilityId: options.facilityId ?? null,
          minutes,
          profile: options.profile,
          method: 'h3-union',
          cells: cells.length,
        },
        geometry: { type: 'MultiPolygon', coordinates: cellsToMultiPolygon(cells, true) },
      };
    }),
  };
}

/**
 * Reached parts of the network within `minutes`, as line coordinates: whole edges whose far
 * end is reached, the reachable stretch of edges the budget runs out on, and the stretch of
 * each origin's own edge around the point where it joins (reached before any node is).
 */
export function reachedEdgeLines(
  graph: RoadGraph,
  nodeMinutes: Float64Array,
  minutes: number,
  profile: TravelProfile,
  starts: readonly OriginStart[] = [],
): [number, number][][] {
  const topo = edgeTopology(graph);
  const lines: [number, number][][] = [];
  const { nodeLon, nodeLat, targets, costS } = graph;
  const toMinutes = 1 / profile.costPerSecond / 60;
  const at = (u: number, v: number, f: number): [number, number] => [
    nodeLon[u] + f * (nodeLon[v] - nodeLon[u]),
    nodeLat[u] + f * (nodeLat[v] - nodeLat[u]),
  ];
  const reachedShare = (startMinutes: number, edge: number) => {
    if (!(startMinutes <= minutes)) return 0;
    const edgeMinutes = costS[edge] * toMinutes;
    return edgeMinutes > 0 ? Math.min(1, (minutes - startMinutes) / edgeMinutes) : 1;
  };
  for (let e = 0; e < graph.edgeCount; e++) {
    if (!isCanonicalEdge(topo, e)) continue; // each segment once, both directions below
    const u = topo.source[e];
    const v = targets[e];
    const r = topo.reverse[e];
    const fromU = reachedShare(nodeMinutes[u], e);
    const fromV = r >= 0 ? reachedShare(nodeMinutes[v], r) : 0;
    if (fromU + fromV >= 1) {
      lines.push([at(u, v, 0), at(u, v, 1)]);
      continue;
    }
    if (fromU > 0) lines.push([at(u, v, 0), at(u, v, fromU)]);
    if (fromV > 0) lines.push([at(u, v, 1 - fromV), at(u, v, 1)]);
  }
  for (const start of starts) {
    const e = start.edge;
    const u = topo.source[e];
    const v = targets[e];
    const r = topo.reverse[e];
    if (!(start.minutes <= minutes)) continue;
    const share = (edge: number) => {
      const edgeMinutes = costS[edge] * toMinutes;
      return edgeMinutes > 0 ? (minutes - start.minutes) / edgeMinutes : 1;
    };
    const ahead = Math.min(1 - start.t, share(e));
    // Against a oneway edge only its own direction can be walked (as the search seeds it).
    const behind = r >= 0 ? Math.min(start.t, share(r)) : 0;
    lines.push([at(u, v, start.t - behind), at(u, v, start.t + ahead)]);
  }
  return lines;
}

/**
 * A buffer (default 50 m) around the reached network: the "network buffer" isochrone.
 *
 * Default engine 'h3': points every cell-edge along the reached roads are binned into fine H3
 * cells, grown by rings to the radius, and outlined with cellsToMultiPolygon (holes kept). It is
 * a few ms for a 15-minute circle; turf's geometric buffer ('turf') is exact-edged but takes
 * seconds (≈ 1 ms per segment in JSTS), so it is kept for small exports only.
 */
export function networkBufferIsochrone(
  graph: RoadGraph,
  nodeMinutes: Float64Array,
  minutes: number,
  options: {
    profile: TravelProfile;
    facilityId?: string | null;
    radiusM?: number;
    engine?: 'h3' | 'turf';
    /** Where the origins join the network (their own edge is reached first). */
    starts?: readonly OriginStart[];
  },
): IsochroneFeature | null {
  const lines = reachedEdgeLines(graph, nodeMinutes, minutes, options.profile, options.starts);
  if (lines.length === 0) return null;
  const radiusM = options.radiusM ?? 50;
  let geometry: MultiPolygon | Polygon;
  if (options.engine === 'turf') {
    const shape = buffer(multiLineString(lines), radiusM, { units: 'meters', steps: 4 });
    if (shape === undefined) return null;
    geometry = shape.geometry;
  } else {
    geometry = { type: 'MultiPolygon', coordinates: h3LineBuffer(lines, radiusM) };
  }
  return {
    type: 'Feature',
    properties: {
      facilityId: options.facilityId ?? null,
      minutes,
      profile: options.profile.name,
      method: 'network-buffer',
    },
    geometry,
  };
}

/** Fine H3 cells within ≈ radius of the lines, outlined (GeoJSON MultiPolygon coordinates). */
function h3LineBuffer(lines: [number, number][][], radiusM: number): number[][][][] {
  // Cell edge ≈ a quarter of the radius keeps the outline within ~10 % of the radius.
  let resolution = 9;
  while (resolution < 15 && getHexagonEdgeLengthAvg(resolution, 'm') > radiusM / 4) resolution++;
  const edgeM = getHexagonEdgeLengthAvg(resolution, 'm');
  const rings = Math.max(0, Math.round(radiusM / (edgeM * Math.sqrt(3))));
  const core = new Set<string>();
  for (const [[lon1, lat1], [lon2, lat2]] of lines) {
    const steps = Math.max(1, Math.ceil(haversineM(lon1, lat1, lon2, lat2) / edgeM));
    for (let k = 0; k <= steps; k++) {
      const f = k / steps;
      core.add(latLngToCell(lat1 + f * (lat2 - lat1), lon1 + f * (lon2 - lon1), resolution));
    }
  }
  const cells = new Set<string>();
  for (const cell of core) for (const near of gridDisk(cell, rings)) cells.add(near);
  return cellsToMultiPolygon([...cells], true);
}
