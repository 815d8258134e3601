/**
 * A directed road graph in compressed sparse row (CSR) form, one per network profile.
 *
 * Every OSM node used by a routable way becomes a graph node; every way segment between two
 * consecutive nodes becomes one directed edge per allowed direction, so edges are straight
 * lines and a point can be snapped onto them exactly.
 */
export type NetworkProfile = 'walk' | 'ebike' | 'drive';

export interface RoadGraph {
  network: NetworkProfile;
  nodeCount: number;
  edgeCount: number;
  /** WGS-84 coordinates per node. */
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  /** OSM node id per node (as float64: OSM ids fit in 2^53). */
  nodeOsmId: Float64Array;
  /** Edges leaving node i are offsets[i] .. offsets[i+1]-1. Length nodeCount + 1. */
  offsets: Uint32Array;
  /** Head node of each edge. */
  targets: Uint32Array;
  /** Geodesic length of each edge in metres. */
  lengthM: Float32Array;
  /** Travel time of each edge in seconds at the network's reference speed (see speeds.ts). */
  costS: Float32Array;
  /** Highway class code of each edge (HIGHWAY_CLASSES index). */
  highway: Uint8Array;
  /**
   * Walk graphs: per edge, what is mapped against wheelchair and walker users (WHEELCHAIR_* bits,
   * 0 = nothing). Absent in graphs built without it (older files, edge lists): then only
   * highway=steps is known.
   */
  wheelchair?: Uint8Array;
  /**
   * Per node: 1 when a barrier mapped on it (barrier=*) stops this network (access.ts,
   * barrierStops). The graph is routed through barriers unless a scenario honours them; absent in
   * graphs built without it.
   */
  barrier?: Uint8Array;
}

/** The way says wheelchair=no. */
export const WHEELCHAIR_NO = 1;
/** The way's incline is steeper than 1:12 (8.33 %), the steepest ramp GB 50763 allows. */
export const WHEELCHAIR_STEEP = 2;
/** A raised kerb is mapped on one of the segment's nodes (barrier=kerb + kerb=raised). */
export const WHEELCHAIR_KERB = 4;

/** Highway classes kept in the graph, in code order (code = index). Append only: codes are stored. */
export const HIGHWAY_CLASSES = [
  'other',
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
  'tertiary',
  'tertiary_link',
  'unclassified',
  'residential',
  'living_street',
  'service',
  'pedestrian',
  'footway',
  'path',
  'cycleway',
  'steps',
  'track',
  'road',
  'corridor',
  'bridleway',
] as const;

export type HighwayClass = (typeof HIGHWAY_CLASSES)[number];

export function highwayCode(name: string): number {
  const code = (HIGHWAY_CLASSES as readonly string[]).indexOf(name);
  return Math.max(0, code);
}
