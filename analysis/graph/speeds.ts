import type { OsmTags } from '../io/osm/types.ts';
import { isEbikeOnPedestrianWay } from './access.ts';
import type { NetworkProfile } from './types.ts';

/**
 * Reference speeds that define each graph's edge cost (costS, seconds). The values are the table
 * in analysis/graph/README.md; keep the two in step.
 *
 * walk: costS is seconds at 1.0 m/s, i.e. metres weighted by effort, so a travel profile walking
 * at v m/s uses costS / v. Steps count double: elderly people climb slowly and often stop.
 */
export const WALK_REFERENCE_MPS = 1.0;
export const STEPS_FACTOR = 2;

export const EBIKE_KMH = 15;
/** On footways/pedestrian streets where bicycle=yes: riding among pedestrians. */
export const EBIKE_PEDESTRIAN_KMH = 10;

/**
 * Typical urban driving speeds in China by highway class (km/h), including delays at junctions;
 * not speed limits.
 */
export const DRIVE_KMH: Readonly<Record<string, number>> = {
  motorway: 80,
  motorway_link: 40,
  trunk: 60,
  trunk_link: 30,
  primary: 40,
  primary_link: 30,
  secondary: 35,
  secondary_link: 25,
  tertiary: 30,
  tertiary_link: 20,
  unclassified: 25,
  residential: 20,
  road: 20,
  living_street: 10,
  service: 10,
};
const DRIVE_DEFAULT_KMH = 20;
/** A posted limit is a ceiling, not the speed driven in town: use 80 % of it. */
export const MAXSPEED_FACTOR = 0.8;
const KMH_PER_MPH = 1.609344;

/**
 * A maxspeed tag in km/h: "60", "60 km/h", "60 kmh", "30 mph"; the first of "60;80".
 * Undefined for anything else ("CN:urban", "none", "signals", "walk"), which falls back to the
 * class speed.
 */
export function parseMaxspeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?\s*$/i.exec(value.split(';')[0]);
  if (!match) return undefined;
  const speed = Number(match[1]) * (match[2]?.toLowerCase() === 'mph' ? KMH_PER_MPH : 1);
  return speed > 0 ? speed : undefined;
}

/** Driving speed on a way, km/h. */
export function driveSpeedKmh(tags: OsmTags): number {
  const posted = parseMaxspeed(tags.maxspeed);
  if (posted !== undefined) return MAXSPEED_FACTOR * posted;
  return DRIVE_KMH[tags.highway ?? ''] ?? DRIVE_DEFAULT_KMH;
}

/**
 * Seconds per metre on a way for a network: costS = lengthM × this. Only called for ways that
 * edgeAccess admits.
 */
export function secondsPerMetre(tags: OsmTags, network: NetworkProfile): number {
  switch (network) {
    case 'walk':
      return (tags.highway === 'steps' ? STEPS_FACTOR : 1) / WALK_REFERENCE_MPS;
    case 'ebike':
      return 3.6 / (isEbikeOnPedestrianWay(tags) ? EBIKE_PEDESTRIAN_KMH : EBIKE_KMH);
    case 'drive':
      return 3.6 / driveSpeedKmh(tags);
  }
}
