import { InputError } from '../errors.ts';
import type { NetworkProfile } from '../graph/types.ts';

/**
 * A travel profile maps a user's choice (walk-elderly at 0.8 m/s, ebike…) onto one of the
 * three stored networks. Graph costs are seconds at the network's reference speed (walk graph:
 * 1.0 m/s, steps already slowed), so a walking profile only rescales: time = costS / speed.
 */
import { TRAVEL_PROFILES, type TravelProfileName, WALKING_SPEED_RANGE_MPS } from '../vocabulary.ts';

export { TRAVEL_PROFILES, type TravelProfileName };

export interface TravelProfile {
  name: TravelProfileName;
  network: NetworkProfile;
  /** Graph cost units per real second: the walking speed for walk graphs, 1 otherwise. */
  costPerSecond: number;
  /**
   * Speed (m/s) of the straight off-network leg between a point and its snapped road position.
   * Walk profiles walk it at their own speed; for ebike and drive the access leg is walked at
   * 1.0 m/s (people walk to the vehicle / the curb), not ridden.
   */
  accessSpeedMps: number;
  /** Walking speed in m/s for walk profiles, null for vehicle profiles. */
  walkSpeedMps: number | null;
  /**
   * Wheelchair and walker users: routed on the walk graph without steps and without the edges
   * it marks against them (stepFreeGraph), and without links that have steps.
   */
  stepFree: boolean;
}

/**
 * What a profile routes on: one of the stored networks, or the walk graph without steps (a
 * graph derived from it, with its own edge numbering, cell links and snapping).
 */
export type RouteNetwork = NetworkProfile | 'walk-step-free';

export function routeNetwork(profile: Pick<TravelProfile, 'network' | 'stepFree'>): RouteNetwork {
  return profile.stepFree ? 'walk-step-free' : profile.network;
}

/**
 * Wheelchair users move at about the speed the standards assume for elders (1.0 m/s; walker
 * users slower, down to the range's 0.5), so by default the two profiles differ only by the
 * network: the difference in coverage is what depends on steps.
 */
const DEFAULT_WALK_SPEED: Record<'walk-elderly' | 'wheelchair' | 'walk', number> = {
  'walk-elderly': 1.0,
  wheelchair: 1.0,
  walk: 1.25,
};

/** Profiles that walk at the standards profile's elderly walking speed (its setting). */
export function followsElderlySpeed(name: TravelProfileName): boolean {
  return name === 'walk-elderly' || name === 'wheelchair';
}

/**
 * A profile at the standards profile's elderly speed where it follows it, else at its own
 * (also when no speed is given).
 */
export function travelProfileAt(name: string, elderlySpeedMps?: number): TravelProfile {
  const follows = isTravelProfileName(name) && followsElderlySpeed(name);
  return travelProfile(
    name,
    follows && elderlySpeedMps !== undefined ? { speedMps: elderlySpeedMps } : {},
  );
}
const VEHICLE_ACCESS_SPEED_MPS = 1.0;

export function isTravelProfileName(name: string): name is TravelProfileName {
  return (TRAVEL_PROFILES as readonly string[]).includes(name);
}

/** Resolves and validates a profile; `speedMps` is only allowed for walking profiles. */
export function travelProfile(name: string, options: { speedMps?: number } = {}): TravelProfile {
  if (!isTravelProfileName(name)) {
    throw new InputError(
      'E_BAD_PROFILE',
      `unknown travel profile "${name}"; use one of ${TRAVEL_PROFILES.join(', ')}`,
      { column: 'profile' },
    );
  }
  const { speedMps } = options;
  if (name === 'ebike' || name === 'drive') {
    if (speedMps !== undefined) {
      throw new InputError(
        'E_BAD_SPEED',
        `--speed applies to walking profiles only; ${name} speeds come from the graph`,
        { column: 'speed' },
      );
    }
    return {
      name,
      network: name,
      costPerSecond: 1,
      accessSpeedMps: VEHICLE_ACCESS_SPEED_MPS,
      walkSpeedMps: null,
      stepFree: false,
    };
  }
  const speed = speedMps ?? DEFAULT_WALK_SPEED[name];
  const [low, high] = WALKING_SPEED_RANGE_MPS;
  if (!Number.isFinite(speed) || speed < low || speed > high) {
    throw new InputError(
      'E_BAD_SPEED',
      `walking speed ${speed} m/s is outside ${low}–${high} m/s`,
      { column: 'speed' },
    );
  }
  return {
    name,
    network: 'walk',
    costPerSecond: speed,
    accessSpeedMps: speed,
    walkSpeedMps: speed,
    stepFree: name === 'wheelchair',
  };
}

/** Graph cost budget for a number of minutes under a profile. */
export function minutesToCost(profile: TravelProfile, minutes: number): number {
  return minutes * 60 * profile.costPerSecond;
}

/** Minutes for a graph cost under a profile. */
export function costToMinutes(profile: TravelProfile, cost: number): number {
  return cost / profile.costPerSecond / 60;
}

/** Graph cost of walking an off-network distance under a profile. */
export function accessCost(profile: TravelProfile, distanceM: number): number {
  return (distanceM / profile.accessSpeedMps) * profile.costPerSecond;
}
