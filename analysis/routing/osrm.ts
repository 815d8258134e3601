import { InputError } from '../errors.ts';

/**
 * Typed client for a user's own OSRM server (HTTP API v5: table, nearest and route services),
 * e.g. for driving circles over a whole county. `fetch` is injected so that the same code runs
 * in a Web Worker, in Node and against a fake in tests; the app calls it only when the user set
 * a URL. Every failure is an InputError with a stable code (see OSRM_ERROR_CODES in errors.ts).
 */
export interface FetchResponseLike {
  ok: boolean;
  status: number;
  statusText?: string;
  text(): Promise<string>;
}
export type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal },
) => Promise<FetchResponseLike>;

export type LonLat = readonly [number, number];

export interface OsrmOptions {
  fetch: FetchLike;
  /** OSRM profile segment of the URL: car / driving / bike / foot, as the server was built. */
  profile?: string;
  /** Per request (connect, answer and body); default 30 s. */
  timeoutMs?: number;
  /** Most coordinates per table request (osrm-routed --max-table-size, default 100). */
  maxTableSize?: number;
}

export const DEFAULT_OSRM_TIMEOUT_MS = 30_000;

export interface OsrmTable {
  /** Seconds, [source][destination]; null where OSRM found no route. */
  durationsS: (number | null)[][];
  distancesM: (number | null)[][];
  /** Metres from each input point to where OSRM snapped it (Waypoint.distance); null if absent. */
  sourceSnapM: (number | null)[];
  destinationSnapM: (number | null)[];
}

export interface OsrmRoute {
  durationS: number;
  distanceM: number;
  /** [lon, lat] vertices of the route (GeoJSON LineString coordinates). */
  coordinates: [number, number][];
}

export interface OsrmNearest {
  /** [lon, lat] of the snapped position. */
  location: [number, number];
  /** Metres from the input point to the snapped position. */
  distanceM: number;
  name: string;
}

/** OSRM's Waypoint object (docs/http.md): snapped location and distance from the input. */
interface OsrmWaypoint {
  location?: [number, number];
  distance?: number;
  name?: string;
}

interface OsrmBody {
  code?: string;
  message?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
  sources?: OsrmWaypoint[];
  destinations?: OsrmWaypoint[];
  waypoints?: OsrmWaypoint[];
  routes?: { duration: number; distance: number; geometry?: { coordinates: [number, number][] } }[];
}

/** OSRM codes that mean the URL names no service/profile this server has (docs/http.md). */
const PROFILE_CODES = new Set(['InvalidUrl', 'InvalidService', 'InvalidVersion']);

export class OsrmClient {
  readonly base: string;
  readonly profile: string;
  private readonly options: OsrmOptions;

  constructor(baseUrl: string, options: OsrmOptions) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new InputError('E_BAD_OSRM_URL', `"${baseUrl}" is not a URL`, { column: 'osrm' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError('E_BAD_OSRM_URL', `OSRM URL must be http(s), got ${url.protocol}`, {
        column: 'osrm',
      });
    }
    this.base = url.href.replace(/\/+$/, '');
    this.profile = options.profile ?? 'driving';
    if (!/^[A-Za-z0-9_-]+$/.test(this.profile)) {
      throw new InputError('E_OSRM_PROFILE', `bad OSRM profile name "${this.profile}"`, {
        column: 'osrm-profile',
      });
    }
    this.options = options;
  }

  /**
   * Travel-time/distance matrix; large requests are split into blocks of at most maxTableSize
   * coordinates (sources and destinations together), sources kept together where they fit.
   */
  async table(sources: readonly LonLat[], destinations: readonly LonLat[]): Promise<OsrmTable> {
    const durationsS = sources.map(() => destinations.map((): number | null => null));
    const distancesM = sources.map(() => destinations.map((): number | null => null));
    const sourceSnapM = sources.map((): number | null => null);
    const destinationSnapM = destinations.map((): number | null => null);
    const max = Math.max(2, this.options.maxTableSize ?? 100);
    const srcBlock = Math.max(1, Math.min(sources.length, Math.floor(max / 2)));
    const dstBlock = Math.max(1, max - srcBlock);
    for (let s = 0; s < sources.length; s += srcBlock) {
      for (let d = 0; d < destinations.length; d += dstBlock) {
        const src = sources.slice(s, s + srcBlock);
        const dst = destinations.slice(d, d + dstBlock);
        const coords = [...src, ...dst];
        const query = [
          `sources=${src.map((_, i) => i).join(';')}`,
          `destinations=${dst.map((_, i) => src.length + i).join(';')}`,
          'annotations=duration,distance',
        ].join('&');
        const body = await this.request('table', coords, query);
        const rows = body.durations;
        if (
          !Array.isArray(rows) ||
          rows.length !== src.length ||
          rows.some((row) => !Array.isArray(row) || row.length !== dst.length)
        ) {
          throw badResponse(this.base, `table durations are not ${src.length}×${dst.length}`);
        }
        for (let i = 0; i < src.length; i++) {
          for (let j = 0; j < dst.length; j++) {
            durationsS[s + i][d + j] = numberOrNull(rows[i][j], this.base);
            distancesM[s + i][d + j] = numberOrNull(body.distances?.[i]?.[j], this.base);
          }
          sourceSnapM[s + i] ??= numberOrNull(body.sources?.[i]?.distance, this.base);
        }
        for (let j = 0; j < dst.length; j++) {
          destinationSnapM[d + j] ??= numberOrNull(body.destinations?.[j]?.distance, this.base);
        }
      }
    }
    return { durationsS, distancesM, sourceSnapM, destinationSnapM };
  }

  /** Where OSRM snaps a point (its nearest street segment for this profile). */
  async nearest(point: LonLat): Promise<OsrmNearest> {
    const body = await this.request('nearest', [point], 'number=1');
    const waypoint = body.waypoints?.[0];
    const location = waypoint?.location;
    if (
      waypoint === undefined ||
      !Array.isArray(location) ||
      location.length !== 2 ||
      typeof waypoint.distance !== 'number'
    ) {
      throw badResponse(this.base, 'nearest response has no waypoint with location and distance');
    }
    return {
      location: [location[0], location[1]],
      distanceM: waypoint.distance,
      name: waypoint.name ?? '',
    };
  }

  /** Fastest route through the points in order. */
  async route(points: readonly LonLat[]): Promise<OsrmRoute> {
    if (points.length < 2) {
      throw new InputError('E_OSRM_INPUT', 'a route needs at least two points', { column: 'from' });
    }
    const body = await this.request('route', points, 'overview=full&geometries=geojson');
    const route = body.routes?.[0];
    if (route === undefined) throw badResponse(this.base, 'route response has no routes');
    return {
      durationS: route.duration,
      distanceM: route.distance,
      coordinates: route.geometry?.coordinates ?? [],
    };
  }

  private async request(
    service: string,
    points: readonly LonLat[],
    query: string,
  ): Promise<OsrmBody> {
    for (const [lon, lat] of points) {
      if (
        !Number.isFinite(lon) ||
        !Number.isFinite(lat) ||
        Math.abs(lat) > 90 ||
        Math.abs(lon) > 180
      ) {
        throw new InputError('E_BAD_COORD', `bad coordinate ${lon},${lat}`, { column: 'from' });
      }
    }
    const coords = points.map(([lon, lat]) => `${lon.toFixed(6)},${lat.toFixed(6)}`).join(';');
    const url = `${this.base}/${service}/v1/${this.profile}/${coords}?${query}`;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_OSRM_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: FetchResponseLike;
    let text: string;
    try {
      response = await this.options.fetch(url, { signal: controller.signal });
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) {
        throw new InputError(
          'E_OSRM_TIMEOUT',
          `OSRM server ${this.base} did not answer ${service} within ${timeoutMs / 1000} s (--osrm-timeout)`,
          { column: 'osrm' },
        );
      }
      throw new InputError(
        'E_OSRM_UNREACHABLE',
        `OSRM server ${this.base} unreachable: ${reason(error)}`,
        { column: 'osrm' },
      );
    } finally {
      clearTimeout(timer);
    }
    let body: OsrmBody | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) body = parsed as OsrmBody;
    } catch {
      // Not JSON: reported below with the HTTP status and the start of the body.
    }
    if (response.status === 404 || (body?.code !== undefined && PROFILE_CODES.has(body.code))) {
      const said = body?.code ? ` ${body.code}${body.message ? `: ${body.message}` : ''}` : '';
      throw new InputError(
        'E_OSRM_PROFILE',
        `OSRM server ${this.base} does not serve ${service}/v1/${this.profile} (HTTP ${response.status}${said}); check --osrm-profile (the profile the server was built with, e.g. car, bike, foot)`,
        { column: 'osrm-profile' },
      );
    }
    if (body === null) {
      throw badResponse(
        this.base,
        `${service} answer is not JSON (HTTP ${response.status}): ${text.slice(0, 80)}`,
      );
    }
    if (!response.ok || body.code !== 'Ok') {
      const code = body.code ?? 'no code';
      throw badResponse(
        this.base,
        `${service} failed (HTTP ${response.status}) ${code}${body.message ? `: ${body.message}` : ''}`,
      );
    }
    return body;
  }
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return detail === undefined ? message : `${message} (${detail})`;
}

function numberOrNull(value: unknown, base: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw badResponse(base, `expected a number ≥ 0, got ${JSON.stringify(value)}`);
  return value;
}

function badResponse(base: string, message: string): InputError {
  return new InputError(
    'E_OSRM_RESPONSE',
    `unexpected answer from OSRM server ${base}: ${message}`,
    {
      column: 'osrm',
    },
  );
}
