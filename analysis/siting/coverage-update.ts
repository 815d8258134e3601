import type { CoverageState } from './coverage-state.ts';
import { type FacilityDiff, facilitiesToRoute, facilitiesToWithdraw } from './scenario-diff.ts';

/** One facility's reach as cell indices of the state and travel minutes. */
export interface IndexedReach {
  cells: ArrayLike<number>;
  minutes: ArrayLike<number>;
}

/**
 * Brings a coverage state from one register to the next: withdraws removed and moved sites,
 * then asks `reachOf` (the host's routing search) only for added and moved ones.
 * Returns the ids that were routed, so a host can report how much work an edit took.
 */
export function updateCoverage(
  state: CoverageState,
  diff: FacilityDiff,
  reachOf: (facilityId: string) => IndexedReach,
): string[] {
  for (const id of facilitiesToWithdraw(diff)) state.removeFacility(id);
  const routed = facilitiesToRoute(diff);
  for (const id of routed) {
    const reach = reachOf(id);
    state.addFacility(id, reach.cells, reach.minutes);
  }
  return routed;
}
