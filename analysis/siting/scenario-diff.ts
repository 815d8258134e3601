import type { SiteFacility } from './scenario-types.ts';

/**
 * What changed between two registers, by facility id, so a host reruns only the routing
 * searches an edit touches: `added` and `moved` need a new search, `removed` and `moved` need
 * their old reach withdrawn, `changed` (area, beds, type, name …) needs no routing at all,
 * only the metrics that read those properties.
 */
export interface FacilityDiff {
  added: string[];
  removed: string[];
  moved: string[];
  changed: string[];
}

/** Positions closer than this (degrees, ≈ 1 cm) are the same point: JSON round trips jitter. */
const SAME_POSITION_DEG = 1e-7;

export function diffFacilities(
  before: readonly SiteFacility[],
  after: readonly SiteFacility[],
): FacilityDiff {
  const diff: FacilityDiff = { added: [], removed: [], moved: [], changed: [] };
  const old = new Map(before.map((f) => [f.id, f]));
  const seen = new Set<string>();
  for (const next of after) {
    seen.add(next.id);
    const prev = old.get(next.id);
    if (prev === undefined) diff.added.push(next.id);
    else if (prev === next) continue;
    else if (
      Math.abs(prev.lon - next.lon) > SAME_POSITION_DEG ||
      Math.abs(prev.lat - next.lat) > SAME_POSITION_DEG
    ) {
      diff.moved.push(next.id);
    } else if (!sameProperties(prev, next)) diff.changed.push(next.id);
  }
  for (const prev of before) if (!seen.has(prev.id)) diff.removed.push(prev.id);
  return diff;
}

/** Ids whose reach must be (re)computed after the diff. */
export function facilitiesToRoute(diff: FacilityDiff): string[] {
  return [...diff.added, ...diff.moved];
}

/** Ids whose old reach must be withdrawn from a coverage state. */
export function facilitiesToWithdraw(diff: FacilityDiff): string[] {
  return [...diff.removed, ...diff.moved];
}

function sameProperties(a: SiteFacility, b: SiteFacility): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SiteFacility>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
