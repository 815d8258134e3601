import type { CityInput } from '../../../../analysis/coverage/types.ts';
import { profileGraph } from '../../../../analysis/graph/step-free.ts';
import type { NetworkProfile, RoadGraph } from '../../../../analysis/graph/types.ts';
import { networkAreaCells } from '../../../../analysis/routing/cell-links.ts';
import { serviceCircles } from '../../../../analysis/routing/circles.ts';
import { osrmServiceCircles } from '../../../../analysis/routing/osrm-isochrone.ts';
import {
  isOsrmTravelProfile,
  type OsrmRouting,
  osrmServes,
} from '../../../../analysis/routing/osrm-reach-source.ts';
import { travelProfileAt } from '../../../../analysis/routing/profiles.ts';
import type { NearestRow, ReachRow } from '../../../../analysis/routing/reach.ts';
import type { TravelProfile } from '../../../../analysis/standards/types.ts';
import { type Band, dissolvedBands } from '../../map/analysis-layers/circle-geometry.ts';

export interface CircleRequest {
  profile: TravelProfile;
  /** Elderly walking speed of the standards profile (walk-elderly and wheelchair). */
  walkingSpeedMps: number;
  thresholds: number[];
}

export interface CircleRows {
  profile: TravelProfile;
  thresholds: number[];
  /** Each reached cell once, with its nearest facility (dissolved union and split views). */
  split: NearestRow[];
  /** Every (facility, cell) pair within the largest threshold (overlap view, 300 m reach). */
  overlap: ReachRow[];
  /**
   * The dissolved view's outlines, one per threshold (largest first), made here: dissolving
   * tens of thousands of cells took seconds of the page's main thread on a county.
   */
  bands: Band[];
  unreachable: string[];
}

/**
 * Service circles for display, over every cell of the network's area (not only the populated
 * ones the coverage metrics read), so that circles show their true extent on the map.
 */
export function serviceCircleRows(
  input: CityInput,
  graphOf: (network: NetworkProfile) => RoadGraph | undefined,
  request: CircleRequest,
): CircleRows {
  const profile = travelProfileAt(request.profile, request.walkingSpeedMps);
  const base = graphOf(profile.network);
  const graph = base === undefined ? undefined : profileGraph(base, profile);
  if (graph === undefined) throw new Error(`the ${profile.network} graph is not loaded yet`);
  const origins = input.facilities.map((f) => ({ id: f.id, lon: f.lon, lat: f.lat }));
  const circles = serviceCircles(graph, origins, {
    profile,
    minutes: request.thresholds,
    resolution: input.h3Resolution,
  });
  return {
    profile: request.profile,
    thresholds: circles.thresholds,
    split: circles.split,
    overlap: circles.overlap,
    bands: dissolvedBands(circles.split, circles.thresholds),
    unreachable: circles.unreachable.map((u) => u.id),
  };
}

/**
 * The circles of a profile the user's OSRM server routes (as the last analysis did), over the
 * same network area as the local circles; null when the server does not route this profile.
 */
export async function osrmCircleRows(
  input: CityInput,
  graphOf: (network: NetworkProfile) => RoadGraph | undefined,
  request: CircleRequest,
  osrm: OsrmRouting | undefined,
): Promise<CircleRows | null> {
  if (!isOsrmTravelProfile(request.profile) || !osrmServes(osrm, request.profile)) return null;
  const area = graphOf(request.profile) ?? graphOf('walk');
  if (area === undefined) throw new Error('no road graph is loaded yet to bound the circles');
  const origins = input.facilities.map((f) => ({ id: f.id, lon: f.lon, lat: f.lat }));
  const circles = await osrmServiceCircles(
    osrm as OsrmRouting,
    request.profile,
    origins,
    networkAreaCells(area, input.h3Resolution),
    { minutes: request.thresholds, resolution: input.h3Resolution },
  );
  return {
    profile: request.profile,
    thresholds: circles.thresholds,
    split: circles.split,
    overlap: circles.overlap,
    bands: dissolvedBands(circles.split, circles.thresholds),
    unreachable: circles.unreachable.map((u) => u.id),
  };
}
