import type { OsmTags } from '../io/osm/types.ts';
import { type NetworkProfile, WHEELCHAIR_KERB, WHEELCHAIR_NO, WHEELCHAIR_STEEP } from './types.ts';

/**
 * Which ways each travel profile may use, and in which directions. The rules are the table in
 * analysis/graph/README.md; keep the two in step.
 */
export interface EdgeAccess {
  /** Along the way's node order. */
  forward: boolean;
  /** Against the way's node order. */
  backward: boolean;
}

const BOTH: EdgeAccess = { forward: true, backward: true };

/** Highway classes usable without any explicit permission tag. */
const WALK_CLASSES = new Set([
  'footway',
  'path',
  'pedestrian',
  'living_street',
  'steps',
  'residential',
  'service',
  'unclassified',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'track',
  'corridor',
  'cycleway',
  'road',
]);
/** Walking is allowed on these only with foot=yes/designated/permissive (motor roads). */
const WALK_WITH_PERMISSION = new Set([
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'bridleway',
]);

const EBIKE_CLASSES = new Set([
  'cycleway',
  'path',
  'track',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'road',
]);
/** Pedestrian spaces: e-bikes only with bicycle=yes/designated/permissive (see speeds.ts: slower). */
const EBIKE_WITH_PERMISSION = new Set([
  'footway',
  'pedestrian',
  'corridor',
  'bridleway',
  'trunk',
  'trunk_link',
]);

const DRIVE_CLASSES = new Set([
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
  'road',
]);

/** Values of access-type tags that grant passage (destination/customers: allowed to reach a place). */
const GRANTS = new Set(['yes', 'designated', 'permissive', 'destination', 'customers']);
/** Values that refuse passage to the general public. */
const DENIES = new Set(['no', 'private', 'agricultural', 'forestry', 'delivery', 'use_sidepath']);

/**
 * The verdict of the most specific access tag present, most specific first
 * (e.g. ['foot', 'access']): 'yes', 'no', or undefined when none of them says anything known.
 */
function verdict(tags: OsmTags, keys: readonly string[]): 'yes' | 'no' | undefined {
  for (const key of keys) {
    const value = tags[key];
    if (value === undefined) continue;
    // Conditional or multi-valued tags ("yes;no") are read by their first value.
    const first = value.split(';')[0].trim();
    if (GRANTS.has(first)) return 'yes';
    if (DENIES.has(first)) return 'no';
  }
  return undefined;
}

/** Direction(s) a car may use; null for reversible ways, whose direction changes with time. */
function driveDirections(tags: OsmTags): EdgeAccess | null {
  const oneway = tags.oneway;
  if (oneway === 'yes' || oneway === 'true' || oneway === '1') {
    return { forward: true, backward: false };
  }
  if (oneway === '-1' || oneway === 'reverse') return { forward: false, backward: true };
  if (oneway === 'reversible') return null;
  if (oneway === 'no' || oneway === 'false' || oneway === '0') return BOTH;
  const junction = tags.junction;
  if (junction === 'roundabout' || junction === 'circular' || tags.highway === 'motorway') {
    return { forward: true, backward: false };
  }
  return BOTH;
}

/**
 * Whether a way is part of a network, and in which directions; null when it is not routable.
 * Walking and e-biking ignore oneway (a oneway street is two-way on foot, and the project's
 * e-bike rule follows the issue: oneway matters only for driving).
 */
export function edgeAccess(tags: OsmTags, network: NetworkProfile): EdgeAccess | null {
  const highway = tags.highway;
  if (highway === undefined) return null;
  if (tags.area === 'yes' && highway !== 'pedestrian' && network !== 'walk') {
    // An area's outline is not a road for vehicles; pedestrians do walk around squares.
    return null;
  }
  switch (network) {
    case 'walk': {
      const say = verdict(tags, ['foot', 'access']);
      if (say === 'no') return null;
      if (WALK_CLASSES.has(highway)) return BOTH;
      if (WALK_WITH_PERMISSION.has(highway) && verdict(tags, ['foot']) === 'yes') return BOTH;
      return null;
    }
    case 'ebike': {
      if (highway === 'steps' || highway.startsWith('motorway')) return null;
      const say = verdict(tags, ['bicycle', 'vehicle', 'access']);
      if (say === 'no') return null;
      if (EBIKE_CLASSES.has(highway)) return BOTH;
      if (EBIKE_WITH_PERMISSION.has(highway) && verdict(tags, ['bicycle']) === 'yes') return BOTH;
      return null;
    }
    case 'drive': {
      if (!DRIVE_CLASSES.has(highway)) return null;
      if (verdict(tags, ['motorcar', 'motor_vehicle', 'vehicle', 'access']) === 'no') return null;
      return driveDirections(tags);
    }
  }
}

/** True when an e-bike uses a pedestrian space by explicit permission (ridden slowly). */
export function isEbikeOnPedestrianWay(tags: OsmTags): boolean {
  const highway = tags.highway ?? '';
  return (
    highway === 'footway' ||
    highway === 'pedestrian' ||
    highway === 'corridor' ||
    highway === 'bridleway'
  );
}

/** 1:12, the steepest ramp GB 50763 (无障碍设计规范) allows. */
const MAX_RAMP_GRADE = 1 / 12;

/** An incline tag as a grade (0.1 = 10 %), or undefined for "up", "down" and unreadable values. */
export function inclineGrade(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*(%|°)\s*$/.exec(value.split(';')[0]);
  if (!match) return undefined;
  const number = Math.abs(Number(match[1]));
  return match[2] === '%' ? number / 100 : Math.tan((number * Math.PI) / 180);
}

/** WHEELCHAIR_* bits a way carries (wheelchair=no, a ramp steeper than 1:12). */
export function wheelchairWayBits(tags: OsmTags): number {
  let bits = 0;
  if (tags.wheelchair === 'no') bits |= WHEELCHAIR_NO;
  const grade = inclineGrade(tags.incline);
  if (grade !== undefined && grade > MAX_RAMP_GRADE + 1e-9) bits |= WHEELCHAIR_STEEP;
  return bits;
}

/** WHEELCHAIR_KERB when a node is a raised kerb (barrier=kerb with kerb=raised, or kerb=raised). */
export function wheelchairNodeBits(tags: OsmTags | undefined): number {
  if (tags === undefined) return 0;
  return tags.kerb === 'raised' ? WHEELCHAIR_KERB : 0;
}

/** Node barriers that stop each network unless an access tag on the node lets it through. */
const WALLS = ['wall', 'fence', 'city_wall', 'hedge', 'retaining_wall', 'jersey_barrier'];
const BARRIER_STOPS: Record<NetworkProfile, Set<string>> = {
  walk: new Set(WALLS),
  ebike: new Set([...WALLS, 'stile', 'turnstile', 'full-height_turnstile', 'kissing_gate']),
  drive: new Set([
    ...WALLS,
    'bollard',
    'block',
    'cycle_barrier',
    'stile',
    'turnstile',
    'full-height_turnstile',
    'kissing_gate',
    'chain',
  ]),
};
const ACCESS_KEYS: Record<NetworkProfile, string[]> = {
  walk: ['foot', 'access'],
  ebike: ['bicycle', 'vehicle', 'access'],
  drive: ['motorcar', 'motor_vehicle', 'vehicle', 'access'],
};

/**
 * True when a node's barrier stops a network: an access tag on the node decides when present
 * (a gate with access=private is a locked compound gate); otherwise the barrier type does
 * (walls and fences stop everyone, bollards stop cars, turnstiles stop bikes and cars; gates and
 * lift gates let everyone through). Nodes without barrier=* never stop anyone.
 */
export function barrierStops(tags: OsmTags | undefined, network: NetworkProfile): boolean {
  const barrier = tags?.barrier;
  if (tags === undefined || barrier === undefined || barrier === 'no') return false;
  const say = verdict(tags, ACCESS_KEYS[network]);
  if (say !== undefined) return say === 'no';
  return BARRIER_STOPS[network].has(barrier);
}
