import { cellToLatLng } from 'h3-js';
import { cityCells } from '../coverage/city-cells.ts';
import type { CityInput, IndexedReachTable, ReachRequest } from '../coverage/types.ts';
import { InputError } from '../errors.ts';
import type { TravelProfileName } from '../vocabulary.ts';
import { type FetchLike, OsrmClient, type OsrmTable } from './osrm.ts';
import { accessCost, costToMinutes, travelProfile } from './profiles.ts';
import { DEFAULT_MAX_SNAP_M } from './snap.ts';
import type { UnreachableOrigin } from './surface.ts';

/**
 * Reach from a user's OSRM server for the vehicle profiles (driving, e-bike), as the coverage
 * engine asks for it (analyseScenario's `osrm` option): one duration table facilities × the
 * city's population cells per travel profile, read with the local engine's rules so that the
 * two are interchangeable:
 *  - a facility or a cell farther than maxSnapM from where OSRM snaps it is unreachable / never
 *    reached (the `distance` of the table's `sources` / `destinations` waypoints);
 *  - the off-road legs to and from the snapped points are walked (1.0 m/s for ebike and drive,
 *    accessCost), since OSRM's durations run between the snapped points only.
 */
export type OsrmTravelProfile = Extract<TravelProfileName, 'drive' | 'ebike'>;
export const OSRM_TRAVEL_PROFILES: readonly OsrmTravelProfile[] = ['drive', 'ebike'];

/** The OSRM profile a server built with OSRM's own Lua profiles uses for each travel profile. */
export const DEFAULT_OSRM_PROFILES: Readonly<Record<OsrmTravelProfile, string>> = {
  drive: 'car',
  ebike: 'bike',
};

export interface OsrmRouting {
  url: string;
  fetch: FetchLike;
  /** OSRM profile per travel profile routed through the server (default DEFAULT_OSRM_PROFILES). */
  profiles?: Partial<Record<OsrmTravelProfile, string>>;
  timeoutMs?: number;
  maxTableSize?: number;
  maxSnapM?: number;
}

export function isOsrmTravelProfile(name: string): name is OsrmTravelProfile {
  return (OSRM_TRAVEL_PROFILES as readonly string[]).includes(name);
}

/** Whether these options route a travel profile through the server. */
export function osrmServes(options: OsrmRouting | undefined, travel: TravelProfileName): boolean {
  if (options === undefined || !isOsrmTravelProfile(travel)) return false;
  return options.profiles === undefined || options.profiles[travel] !== undefined;
}

/** A client for one travel profile (its OSRM profile name resolved). */
export function osrmClientFor(options: OsrmRouting, travel: OsrmTravelProfile): OsrmClient {
  return new OsrmClient(options.url, {
    fetch: options.fetch,
    profile: options.profiles?.[travel] ?? DEFAULT_OSRM_PROFILES[travel],
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.maxTableSize === undefined ? {} : { maxTableSize: options.maxTableSize }),
  });
}

/** Minutes with the off-road legs, or null when unreachable (no route, or beyond the snap limit). */
export function tableMinutes(
  table: OsrmTable,
  travel: OsrmTravelProfile,
  maxSnapM: number,
): { minutes: (number | null)[][]; sourceOk: boolean[] } {
  const profile = travelProfile(travel);
  const leg = (metres: number | null, side: string): number => {
    if (metres === null)
      throw new InputError(
        'E_OSRM_RESPONSE',
        `OSRM table answer has no ${side} waypoint distance (needed for the snap limit)`,
        { column: 'osrm' },
      );
    return metres <= maxSnapM ? accessCost(profile, metres) : Number.NaN;
  };
  const sourceLeg = table.sourceSnapM.map((m) => leg(m, 'sources'));
  const destinationLeg = table.destinationSnapM.map((m) => leg(m, 'destinations'));
  const minutes = table.durationsS.map((row, i) =>
    row.map((seconds, j) => {
      const cost = seconds === null ? Number.NaN : sourceLeg[i] + seconds + destinationLeg[j];
      return Number.isNaN(cost) ? null : costToMinutes(profile, cost);
    }),
  );
  return { minutes, sourceOk: sourceLeg.map((c) => !Number.isNaN(c)) };
}

/** Row budgets get the same relative slack as the local adapter (a row at the limit is kept). */
const BUDGET_SLACK = 1 + 1e-9;

export interface OsrmReachSource {
  /** Answers requests for the travel profiles the server serves (see `serves`). */
  reach: (request: ReachRequest) => Promise<IndexedReachTable>;
  serves: (travel: TravelProfileName) => boolean;
  /** Facilities farther than the snap limit from where OSRM snaps them, per travel profile. */
  unreachable: Map<string, UnreachableOrigin[]>;
}

export function osrmReachSource(input: CityInput, options: OsrmRouting): OsrmReachSource {
  const maxSnapM = options.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  const unreachable = new Map<string, UnreachableOrigin[]>();
  const cells = cityCells(input.cells).h3;
  // One table per travel profile: later requests (other budgets) reuse it.
  const tables = new Map<OsrmTravelProfile, Promise<((number | null)[] | null)[]>>();

  const minutesOf = (travel: OsrmTravelProfile): Promise<((number | null)[] | null)[]> => {
    let pending = tables.get(travel);
    if (pending === undefined) {
      pending = fetchMinutes(travel);
      tables.set(travel, pending);
    }
    return pending;
  };

  const fetchMinutes = async (travel: OsrmTravelProfile): Promise<((number | null)[] | null)[]> => {
    const lost: UnreachableOrigin[] = [];
    const sources: number[] = [];
    input.facilities.forEach((f, k) => {
      const valid = Number.isFinite(f.lon) && Number.isFinite(f.lat) && Math.abs(f.lat) <= 90;
      if (valid) sources.push(k);
      else lost.push({ id: f.id, lon: f.lon, lat: f.lat, reason: 'invalid coordinate' });
    });
    // A cell may repeat in a malformed list: each distinct cell is asked once.
    const distinct = [...new Set(cells)];
    const column = new Map(distinct.map((h3, j) => [h3, j]));
    const table = await osrmClientFor(options, travel).table(
      sources.map((k): [number, number] => [input.facilities[k].lon, input.facilities[k].lat]),
      distinct.map((h3): [number, number] => {
        const [lat, lon] = cellToLatLng(h3);
        return [lon, lat];
      }),
    );
    const { minutes, sourceOk } = tableMinutes(table, travel, maxSnapM);
    const byFacility: ((number | null)[] | null)[] = input.facilities.map(() => null);
    sources.forEach((k, i) => {
      const f = input.facilities[k];
      if (!sourceOk[i]) {
        lost.push({
          id: f.id,
          lon: f.lon,
          lat: f.lat,
          reason: `farther than ${maxSnapM} m from every road (OSRM ${travel})`,
        });
        return;
      }
      byFacility[k] = cells.map((h3) => minutes[i][column.get(h3) as number]);
    });
    unreachable.set(travel, lost);
    return byFacility;
  };

  const reach = async (request: ReachRequest): Promise<IndexedReachTable> => {
    if (!isOsrmTravelProfile(request.profile) || !osrmServes(options, request.profile))
      throw new Error(`OSRM reach asked for ${request.profile}, which it does not serve`);
    const byFacility = await minutesOf(request.profile);
    const rowLimit = request.facilityMinutes * BUDGET_SLACK;
    const facility: number[] = [];
    const cell: number[] = [];
    const minutes: number[] = [];
    const nearestByType = new Map<string, Float64Array>();
    byFacility.forEach((row, k) => {
      if (row === null) return; // unreachable: no rows, and no entry for its type (as locally)
      const type = input.facilities[k].type;
      let nearest = nearestByType.get(type);
      if (nearest === undefined) {
        nearest = new Float64Array(cells.length).fill(Number.POSITIVE_INFINITY);
        nearestByType.set(type, nearest);
      }
      row.forEach((m, c) => {
        if (m === null) return;
        if (request.facilityMinutes > 0 && m <= rowLimit) {
          facility.push(k);
          cell.push(c);
          minutes.push(m);
        }
        if (m <= request.maxMinutes && m < (nearest as Float64Array)[c])
          (nearest as Float64Array)[c] = m;
      });
    });
    return {
      facility: Int32Array.from(facility),
      cell: Int32Array.from(cell),
      minutes: Float64Array.from(minutes),
      nearestByType,
    };
  };

  return { reach, serves: (travel) => osrmServes(options, travel), unreachable };
}
