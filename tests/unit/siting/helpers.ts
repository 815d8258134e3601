import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';

/** Small deterministic PRNG (mulberry32) so random instances are reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export function facility(
  id: string,
  lon: number,
  lat: number,
  extra: Partial<SiteFacility> = {},
): SiteFacility {
  return {
    id,
    name: `站点 ${id}`,
    type: 'community_station',
    lon,
    lat,
    floorAreaM2: 120,
    beds: 0,
    floorLevel: 1,
    illustrative: true,
    ...extra,
  };
}

/** All k-subsets of 0..n-1 (small n only). */
export function* subsets(
  n: number,
  k: number,
  start = 0,
  prefix: number[] = [],
): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let j = start; j < n; j++) yield* subsets(n, k, j + 1, [...prefix, j]);
}
