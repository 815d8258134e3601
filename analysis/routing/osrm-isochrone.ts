import { cellToLatLng } from 'h3-js';
import { InputError } from '../errors.ts';
import type { IsochroneCells, IsochroneGeoJson, IsochroneRequest } from './isochrone.ts';
import { cellIsochrones, type IsochroneFeature } from './isochrone-geometry.ts';
import {
  isOsrmTravelProfile,
  OSRM_TRAVEL_PROFILES,
  type OsrmRouting,
  osrmClientFor,
  osrmServes,
  tableMinutes,
} from './osrm-reach-source.ts';
import { travelProfile } from './profiles.ts';
import { checkMinutes } from './reach.ts';
import { DEFAULT_MAX_SNAP_M } from './snap.ts';
import type { UnreachableOrigin } from './surface.ts';

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
  const table = await osrmClientFor(routing, profile.name).table(
    request.origins.map((o): [number, number] => [o.lon, o.lat]),
    cells.map((h3): [number, number] => {
      const [lat, lon] = cellToLatLng(h3);
      return [lon, lat];
    }),
  );
  const { minutes, sourceOk } = tableMinutes(table, profile.name, maxSnapM);
  const unreachable: UnreachableOrigin[] = [];
  const best = new Float64Array(cells.length).fill(Number.POSITIVE_INFINITY);
  request.origins.forEach((origin, i) => {
    if (!sourceOk[i]) {
      const { id, lon, lat } = origin;
      unreachable.push({ id, lon, lat, reason: `farther than ${maxSnapM} m from every road` });
      return;
    }
    minutes[i].forEach((m, c) => {
      if (m !== null && m <= maxMinutes && m < best[c]) best[c] = m;
    });
  });
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
