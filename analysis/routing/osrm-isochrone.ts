import { cellToLatLng } from 'h3-js';
import { InputError } from '../errors.ts';
import type { ServiceCircles } from './circles.ts';
import type { IsochroneCells, IsochroneGeoJson, IsochroneRequest } from './isochrone.ts';
import { cellIsochrones, type IsochroneFeature } from './isochrone-geometry.ts';
import {
  isOsrmTravelProfile,
  OSRM_TRAVEL_PROFILES,
  type OsrmRouting,
  type OsrmTravelProfile,
  osrmClientFor,
  osrmServes,
  tableMinutes,
} from './osrm-reach-source.ts';
import { travelProfile } from './profiles.ts';
import { checkMinutes, type NearestRow, type ReachRow } from './reach.ts';
import { DEFAULT_MAX_SNAP_M } from './snap.ts';
import type { Origin, UnreachableOrigin } from './surface.ts';

/**
 * `isochrone` with the times from a user's OSRM server: the same request and the same output as
 * the local engine (cells with the minimum minutes over all origins, or their H3 union), over
 * the cells the caller names (the city's network area). Only cell geometry: the road buffer
 * needs node times, which OSRM does not give.
 */
export async function osrmIsochrone(
  routing: OsrmRouting,
  cells: readonly string[],
  request: IsochroneRequest,
): Promise<IsochroneCells | IsochroneGeoJson> {
  const profile = travelProfile(request.profile, { speedMps: request.speedMps });
  if (!isOsrmTravelProfile(profile.name) || !osrmServes(routing, profile.name)) {
    throw new InputError(
      'E_BAD_OPTION',
      `--osrm routes ${OSRM_TRAVEL_PROFILES.join(' and ')} only, not ${profile.name}`,
      { column: 'profile' },
    );
  }
  if (request.geometry === 'buffer') {
    throw new InputError(
      'E_BAD_OPTION',
      'with --osrm only --geometry cells is possible (OSRM gives no times along roads)',
      { column: 'geometry' },
    );
  }
  if (request.minutes.length === 0) {
    throw new InputError('E_BAD_MINUTES', 'give at least one threshold in minutes', {
      column: 'minutes',
    });
  }
  request.minutes.forEach(checkMinutes);
  const thresholds = [...new Set(request.minutes)].sort((a, b) => a - b);
  const maxMinutes = thresholds[thresholds.length - 1];
  const resolution = request.resolution ?? 10;
  const maxSnapM = request.maxSnapM ?? routing.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  const { minutes, unreachable } = await osrmCellMinutes(
    routing,
    profile.name,
    request.origins,
    cells,
    maxSnapM,
  );
  const best = new Float64Array(cells.length).fill(Number.POSITIVE_INFINITY);
  for (const row of minutes) {
    if (row === null) continue;
    row.forEach((m, c) => {
      if (m !== null && m <= maxMinutes && m < best[c]) best[c] = m;
    });
  }
  const rows = cells
    .map((h3, c) => ({ h3, minutes: best[c] }))
    .filter((r) => r.minutes !== Number.POSITIVE_INFINITY)
    .sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0))
    .map((r) => ({ h3: r.h3, minutes: Number(r.minutes.toFixed(2)) }));
  if (request.format !== 'geojson') {
    return {
      profile: profile.name,
      speedMps: profile.walkSpeedMps,
      resolution,
      thresholds,
      origins: request.origins.map(({ lon, lat }): [number, number] => [lon, lat]),
      cells: rows,
      unreachable,
    };
  }
  const collection = cellIsochrones(rows, thresholds, { profile: profile.name });
  return {
    type: 'FeatureCollection',
    features: collection.features as IsochroneFeature[],
    unreachable,
  };
}

/**
 * Minutes from each origin to each cell (off-road legs included), null where unreachable; an
 * origin beyond the snap limit gets a null row and is listed as unreachable.
 */
export async function osrmCellMinutes(
  routing: OsrmRouting,
  travel: OsrmTravelProfile,
  origins: readonly Origin[],
  cells: readonly string[],
  maxSnapM: number,
): Promise<{ minutes: ((number | null)[] | null)[]; unreachable: UnreachableOrigin[] }> {
  const table = await osrmClientFor(routing, travel).table(
    origins.map((o): [number, number] => [o.lon, o.lat]),
    cells.map((h3): [number, number] => {
      const [lat, lon] = cellToLatLng(h3);
      return [lon, lat];
    }),
  );
  const { minutes, sourceOk } = tableMinutes(table, travel, maxSnapM);
  const unreachable: UnreachableOrigin[] = [];
  origins.forEach(({ id, lon, lat }, i) => {
    if (!sourceOk[i])
      unreachable.push({ id, lon, lat, reason: `farther than ${maxSnapM} m from every road` });
  });
  return { minutes: minutes.map((row, i) => (sourceOk[i] ? row : null)), unreachable };
}

/**
 * `serviceCircles` with OSRM's times over the given cells: the split view (each cell once, its
 * nearest facility; ties to the first facility) and the overlap view (every facility × cell
 * within the largest threshold, by facility then H3), in the local engine's shapes.
 */
export async function osrmServiceCircles(
  routing: OsrmRouting,
  travel: OsrmTravelProfile,
  origins: readonly Origin[],
  cells: readonly string[],
  options: { minutes: readonly number[]; resolution: number; maxSnapM?: number },
): Promise<ServiceCircles> {
  const thresholds = [...new Set(options.minutes)].sort((a, b) => a - b);
  thresholds.forEach(checkMinutes);
  const maxMinutes = thresholds.length > 0 ? thresholds[thresholds.length - 1] : 0;
  const maxSnapM = options.maxSnapM ?? routing.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  const { minutes, unreachable } = await osrmCellMinutes(routing, travel, origins, cells, maxSnapM);
  const byH3 = (a: { h3: string }, b: { h3: string }) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0);
  const best = new Float64Array(cells.length).fill(Number.POSITIVE_INFINITY);
  const owner = new Int32Array(cells.length).fill(-1);
  const overlap: ReachRow[] = [];
  minutes.forEach((row, i) => {
    if (row === null) return;
    const rows: ReachRow[] = [];
    row.forEach((m, c) => {
      if (m === null || m > maxMinutes) return;
      rows.push({ facilityId: origins[i].id, h3: cells[c], minutes: m });
      if (m < best[c]) {
        best[c] = m;
        owner[c] = i;
      }
    });
    overlap.push(...rows.sort(byH3));
  });
  const split: NearestRow[] = [];
  owner.forEach((i, c) => {
    if (i >= 0) split.push({ h3: cells[c], minutes: best[c], facilityId: origins[i].id });
  });
  split.sort(byH3);
  const empty = thresholds.length === 0;
  return {
    profile: travel,
    resolution: options.resolution,
    thresholds,
    split: empty ? [] : split,
    overlap: empty ? [] : overlap,
    unreachable,
  };
}
