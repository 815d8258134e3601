import type { OsmTags } from '../io/osm/types.ts';

/**
 * Storeys and floor area of a building (METHOD.md §1). Gross floor area = footprint × storeys
 * above ground. Where `building:levels` is missing a default is assumed: in central Nanjing most
 * housing is 6-storey walk-up blocks (1980s–2000s 多层住宅), so homes default to 6; houses and
 * bungalows to 2; other buildings to 3 (they carry no population; only facility placement
 * reads them).
 */
export const DEFAULT_RESIDENTIAL_LEVELS = 6;
const DEFAULT_LEVELS_BY_KIND: Record<string, number> = {
  house: 2,
  detached: 2,
  bungalow: 1,
  terrace: 3,
  semidetached_house: 2,
  farm: 2,
};
export const DEFAULT_OTHER_LEVELS = 3;

export interface LevelsEstimate {
  levels: number;
  estimated: boolean;
}

/** Parses "6", "6.5", "6;7" or "6-7" into a storey count; null when unusable. */
export function parseLevels(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(value);
  if (match === null) return null;
  const levels = Math.round(Number(match[1]));
  return levels >= 1 && levels <= 200 ? levels : null;
}

export function estimateLevels(
  tags: OsmTags,
  residential: boolean,
  options: { defaultResidentialLevels?: number } = {},
): LevelsEstimate {
  const tagged = parseLevels(tags['building:levels']);
  if (tagged !== null) return { levels: tagged, estimated: false };
  const kind = tags.building ?? 'yes';
  const byKind = DEFAULT_LEVELS_BY_KIND[kind];
  if (byKind !== undefined) return { levels: byKind, estimated: true };
  const levels = residential
    ? (options.defaultResidentialLevels ?? DEFAULT_RESIDENTIAL_LEVELS)
    : DEFAULT_OTHER_LEVELS;
  return { levels, estimated: true };
}

export function floorAreaM2(footprintM2: number, levels: number): number {
  return footprintM2 * levels;
}
