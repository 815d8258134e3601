import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import { type CellLinks, cellLinks } from '../routing/cell-links.ts';
import { travelProfile } from '../routing/profiles.ts';
import { facilityReach } from '../routing/reach.ts';
import type { UnreachableOrigin } from '../routing/surface.ts';
import type { CityInput, ReachSource, ReachTable } from './types.ts';

export interface GraphReachSource {
  reach: ReachSource;
  /** Facilities farther than the snap limit from every road, per travel profile. */
  unreachable: Map<string, UnreachableOrigin[]>;
}

/**
 * Adapter from the routing engine (analysis/routing, read-only here) to the coverage engine:
 * per-facility reach over the city's graphs, linking only the population cells (the only cells
 * any metric reads). Graphs are loaded by the host (files in Node, fetch in the browser).
 */
export function graphReachSource(
  input: CityInput,
  graphs: Partial<Record<NetworkProfile, RoadGraph>>,
  options: { maxSnapM?: number } = {},
): GraphReachSource {
  const links = new Map<NetworkProfile, CellLinks>();
  const cells = input.cells.map((c) => c.h3);
  const origins = input.facilities.map((f) => ({ id: f.id, lon: f.lon, lat: f.lat }));
  const unreachable = new Map<string, UnreachableOrigin[]>();
  const reach: ReachSource = (request) => {
    const profile = travelProfile(
      request.profile,
      request.profile === 'walk-elderly' ? { speedMps: request.walkingSpeedMps } : {},
    );
    const graph = graphs[profile.network];
    if (graph === undefined)
      throw new Error(`no ${profile.network} graph given for ${request.profile}`);
    let linked = links.get(profile.network);
    if (linked === undefined) {
      linked = cellLinks(graph, {
        resolution: input.h3Resolution,
        cells,
        maxSnapM: options.maxSnapM,
      });
      links.set(profile.network, linked);
    }
    const result = facilityReach(graph, linked, origins, {
      profile,
      maxMinutes: request.maxMinutes,
    });
    unreachable.set(request.profile, result.unreachable);
    const table: ReachTable = {
      facilityId: result.rows.map((r) => r.facilityId),
      h3: result.rows.map((r) => r.h3),
      minutes: result.rows.map((r) => r.minutes),
    };
    return table;
  };
  return { reach, unreachable };
}
