import type { RoadGraph } from '../../analysis/graph/types.ts';
import type { Origin } from '../../analysis/routing/surface.ts';

/** Placeholder until the pgRouting side-by-side is written: reports why it did not run. */
export async function pgRoutingSideBySide(
  _graph: RoadGraph,
  _origins: readonly Origin[],
  _maxCost: number,
): Promise<Record<string, unknown> & { pgrouting_ratio: number | null }> {
  return { pgrouting_ratio: null, pgrouting_note: 'not implemented' };
}
