import { InputError } from '../errors.ts';

/**
 * Typed client for a user's own OSRM server (HTTP API v5: table and route services), e.g. for
 * driving circles over a whole county. `fetch` is injected so that the same code runs in a Web
 * Worker, in Node and against a fake in tests; the app calls it only when the user set a URL.
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
  timeoutMs?: number;
  /** Most coordinates per table request (osrm-routed --max-table-size, default 100). */
  maxTableSize?: number;
}

export interface OsrmTable {
  /** Seconds, [source][destination]; null where OSRM found no route. */
  durationsS: (number | null)[][];
  distancesM: (number | null)[][];
}

export interface OsrmRoute {
  durationS: number;
  distanceM: number;
  /** [lon, lat] vertices of the route (GeoJSON LineString coordinates). */
  coordinates: [number, number][];
}

interface OsrmBody {
  code?: string;
  message?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
  routes?: { duration: number; distance: number; geometry?: { coordinates: [number, number][] } }[];
}

export class OsrmClient {
  private readonly base: string;
  private readonly profile: string;
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
        column: 'profile',
      });
    }
    this.options = options;
  }

  /** Travel-time/distance matrix; large requests are split into blocks the server accepts. */
  async table(sources: readonly LonLat[], destinations: readonly LonLat[]): Promise<OsrmTable> {
    const durationsS = sources.map(() => destinations.map((): number | null => null));
    const distancesM = sources.map(() => destinations.map((): number | null => null));
    const block = Math.max(1, Math.floor((this.options.maxTableSize ?? 100) / 2));
    for (let s = 0; s < sources.length; s += block) {
      for (let d = 0; d < destinations.length; d += block) {
        const src = sources.slice(s, s + block);
        const dst = destinations.slice(d, d + block);
        const coords = [...src, ...dst];
        const query = [
          `sources=${src.map((_, i) => i).join(';')}`,
          `destinations=${dst.map((_, i) => src.length + i).join(';')}`,
          'annotations=duration,distance',
        ].join('&');
        const body = await this.request('table', coords, query);
        if (!Array.isArray(body.durations)) throw badResponse('table response has no durations');
        for (let i = 0; i < src.length; i++) {
          for (let j = 0; j < dst.length; j++) {
            durationsS[s + i][d + j] = body.durations?.[i]?.[j] ?? null;
            distancesM[s + i][d + j] = body.distances?.[i]?.[j] ?? null;
          }
        }
      }
    }
    return { durationsS, distancesM };
  }

  /** Fastest route through the points in order. */
  async route(points: readonly LonLat[]): Promise<OsrmRoute> {
    if (points.length < 2) {
      throw new InputError('E_OSRM_INPUT', 'a route needs at least two points', { column: 'from' });
    }
    const body = await this.request('route', points, 'overview=full&geometries=geojson');
    const route = body.routes?.[0];
    if (route === undefined) throw badResponse('route response has no routes');
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
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 30_000);
    let response: FetchResponseLike;
    let text: string;
    try {
      response = await this.options.fetch(url, { signal: controller.signal });
      text = await response.text();
    } catch (error) {
      const why = controller.signal.aborted ? 'timed out' : (error as Error).message;
      throw new InputError('E_OSRM_UNREACHABLE', `OSRM server ${this.base} unreachable: ${why}`, {
        column: 'osrm',
      });
    } finally {
      clearTimeout(timer);
    }
    let body: OsrmBody = {};
    try {
      body = JSON.parse(text) as OsrmBody;
    } catch {
      if (response.ok) throw badResponse(`not JSON: ${text.slice(0, 80)}`);
    }
    if (
      response.status === 404 ||
      body.code === 'InvalidService' ||
      body.code === 'InvalidVersion'
    ) {
      throw new InputError(
        'E_OSRM_PROFILE',
        `OSRM server ${this.base} does not serve ${service}/v1/${this.profile} (HTTP ${response.status}${body.message ? `: ${body.message}` : ''}); check the profile name`,
        { column: 'profile' },
      );
    }
    if (!response.ok || (body.code !== undefined && body.code !== 'Ok')) {
      const detail = body.code
        ? `${body.code}: ${body.message ?? ''}`
        : (response.statusText ?? '');
      throw new InputError(
        'E_OSRM_HTTP',
        `OSRM ${service} failed (HTTP ${response.status}) ${detail}`.trim(),
        {
          column: 'osrm',
        },
      );
    }
    return body;
  }
}

function badResponse(message: string): InputError {
  return new InputError('E_OSRM_RESPONSE', `unexpected OSRM response: ${message}`, {
    column: 'osrm',
  });
}
