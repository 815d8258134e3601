import type { CityInput, ReachSource } from '../../../../analysis/coverage/types.ts';
import { isInputError } from '../../../../analysis/errors.ts';
import type { OsrmRouting } from '../../../../analysis/routing/osrm-reach-source.ts';
import { parseProfile } from '../../../../analysis/standards/profiles.ts';
import type { TravelProfile } from '../../../../analysis/standards/types.ts';
import { analyseScenario, cityContext } from '../../../../analysis/workflows/analyse-scenario.ts';
import type { OsrmSetting } from '../../settings/osrm-settings.ts';
import type { CityRef } from '../city-ref.ts';
import { cityGraphs, type GraphLookup, type HeldGraphs, openRef } from '../city-session.ts';
import { mark } from '../timeline.ts';
import {
  type CircleRequest,
  type CircleRows,
  osrmCircleRows,
  serviceCircleRows,
} from './circle-rows.ts';
import { openDuckDb, waitingDuckDbRunner } from './open-duckdb.ts';
import { type AnalysisOutcome, type SentOutcome, sendOutcome } from './outcome-wire.ts';

/**
 * The analysis half of the worker: the same entry points the `analyse` CLI calls
 * (parseCityInput → graphReachSource → analyseCity), with duckdb-wasm as the SQL engine, so the
 * page shows the numbers `npx carecircle analyse` prints for the same city folder and profile.
 */
export interface AnalysisRequest {
  /**
   * The city the page shows: the worker opens its folder itself (openCity, as the CLI does);
   * only a register or population the user imported comes along as text.
   */
  city: CityRef;
  /** A standards profile as data (built-in or an edited copy); validated here again. */
  profile: unknown;
  /** Travel profiles to report; walk-elderly is always added (as the CLI does). */
  travelProfiles: TravelProfile[];
  /**
   * URLs of the city's road graphs (as given to loadGraphs). When set, the run waits in the
   * worker until these are loaded, so the page can ask for the first analysis as soon as the
   * city is on screen instead of after a round trip through its (busy) main thread.
   */
  graphUrls?: string[];
  /** The user's OSRM server (Settings), off when absent: drive and ebike are routed on it. */
  osrm?: OsrmSetting;
}

export type AnalysisStage = 'db' | 'city' | 'routing' | 'sql';

export interface AnalysisProgress {
  stage: AnalysisStage;
  /** The travel profile being routed (stage 'routing'). */
  travelProfile?: TravelProfile;
  done: number;
  total: number;
}

export type AnalysisAnswer =
  | { ok: true; value: SentOutcome }
  | { ok: false; error: { code: string; message: string; userError: boolean } };

/** Resolves once every given graph URL is loaded (rejects if one fails to load). */
export type GraphWait = (urls: string[]) => Promise<void>;

/** The input of the last analysis, kept for the display layers (circles use its facilities). */
let last: { input: CityInput; graphOf: GraphLookup; osrm?: OsrmRouting } | null = null;

export function createAnalysisApi(held: HeldGraphs, waitForGraphs: GraphWait) {
  // The worker starts when the page asks for the road networks: start duckdb-wasm right away,
  // in parallel with them, rather than when the first analysis is asked for.
  openDuckDb().catch((error: unknown) => console.error('duckdb-wasm failed to start', error));
  return {
    /**
     * Starts duckdb-wasm (fetching and compiling its 34 MB module takes a second or two) while
     * the page is still loading graphs, so that the first analysis does not wait for it.
     */
    warmUp(): void {
      openDuckDb().catch((error: unknown) => console.error('duckdb-wasm failed to start', error));
    },

    /**
     * Opens (fetches and parses) a served city folder while the page is still loading it
     * itself: the first analysis of it then starts from the opened city (openRef keeps it).
     * A failure is left to the analysis, which opens it again and reports it.
     */
    openAhead(baseUrl: string): void {
      openRef({ kind: 'url', baseUrl, overrides: {} }, held).catch(() => undefined);
    },

    async runAnalysis(
      request: AnalysisRequest,
      onProgress?: (progress: AnalysisProgress) => void,
    ): Promise<AnalysisAnswer> {
      try {
        mark('analysis-asked');
        await waitForGraphs(request.graphUrls ?? []);
        return { ok: true, value: sendOutcome(await run(request, held, onProgress)) };
      } catch (error) {
        if (isInputError(error))
          return {
            ok: false,
            error: { code: error.code, message: error.message, userError: true },
          };
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'E_BUG', message, userError: false } };
      }
    },

    /** Per-cell rows of the service circles of one travel profile (for the map layers). */
    async serviceCircles(request: CircleRequest): Promise<CircleRows> {
      if (last === null) throw new Error('run the analysis first');
      // Drawn with the routing the last analysis used (the user's OSRM server, if set).
      const viaOsrm = await osrmCircleRows(last.input, last.graphOf, request, last.osrm);
      return viaOsrm ?? serviceCircleRows(last.input, last.graphOf, request);
    },
  };
}

async function run(
  request: AnalysisRequest,
  held: HeldGraphs,
  onProgress?: (progress: AnalysisProgress) => void,
): Promise<AnalysisOutcome> {
  const started = performance.now();
  const travel = [...new Set<TravelProfile>(['walk-elderly', ...request.travelProfiles])];
  const total = travel.length + 3;
  let done = 0;
  const step = (stage: AnalysisStage, travelProfile?: TravelProfile) => {
    mark(`analysis-${stage}${travelProfile === undefined ? '' : `:${travelProfile}`}`);
    onProgress?.({ stage, travelProfile, done: done++, total });
  };

  step('db');
  // The analysis starts before duckdb-wasm is open: routing needs no database.
  let dbMs = 0;
  void openDuckDb().then(
    () => {
      dbMs = performance.now() - started;
    },
    () => undefined,
  );
  const runner = waitingDuckDbRunner();
  const profile = parseProfile(request.profile, 'profile.json');
  const city = await openRef(request.city, held);
  const cityMs = performance.now() - started;
  step('city');

  let routingMs = 0;
  const timed =
    (routing: ReachSource): ReachSource =>
    async (reachRequest) => {
      step('routing', reachRequest.profile);
      const t0 = performance.now();
      const table = await routing(reachRequest);
      routingMs += performance.now() - t0;
      return table;
    };
  const osrm: OsrmRouting | undefined =
    request.osrm === undefined
      ? undefined
      : { ...request.osrm, fetch: (url, init) => fetch(url, init) };
  const { result, unreachable, unavailable } = await analyseScenario(
    cityContext(city, runner, profile),
    undefined,
    {
      travelProfiles: travel,
      wrapReach: timed,
      ...(osrm === undefined ? {} : { osrm }),
    },
  );
  step('sql');
  last = {
    input: city.input,
    graphOf: await cityGraphs(city),
    ...(osrm === undefined ? {} : { osrm }),
  };
  mark('analysis-done');
  return {
    result: { summary: result.summary, units: result.units, cells: result.cells },
    unreachable,
    unavailable,
    timings: { dbMs, cityMs, routingMs, totalMs: performance.now() - started },
  };
}
