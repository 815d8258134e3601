import { type AnalysisResult, analyseCity } from '../../../../analysis/coverage/analyse-city.ts';
import { type CityTexts, parseCityInput } from '../../../../analysis/coverage/parse-city.ts';
import { graphReachSource } from '../../../../analysis/coverage/routing-reach.ts';
import type { CityInput, ReachSource } from '../../../../analysis/coverage/types.ts';
import { isInputError } from '../../../../analysis/errors.ts';
import type { NetworkProfile, RoadGraph } from '../../../../analysis/graph/types.ts';
import { parseProfile } from '../../../../analysis/standards/profiles.ts';
import type { TravelProfile } from '../../../../analysis/standards/types.ts';
import { type CircleRequest, type CircleRows, serviceCircleRows } from './circle-rows.ts';
import { openDuckDb } from './open-duckdb.ts';

/**
 * The analysis half of the worker: the same entry points the `analyse` CLI calls
 * (parseCityInput → graphReachSource → analyseCity), with duckdb-wasm as the SQL engine, so the
 * page shows the numbers `npx carecircle analyse` prints for the same city folder and profile.
 */
export interface AnalysisRequest {
  /**
   * The city as the files of its folder (city.json, population.csv, units.geojson,
   * facilities.geojson): what the page shows, including an imported register or a city built
   * in the browser, parsed by the same parseCityInput as the CLI.
   */
  texts: CityTexts;
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
}

export type AnalysisStage = 'db' | 'city' | 'routing' | 'sql';

export interface AnalysisProgress {
  stage: AnalysisStage;
  /** The travel profile being routed (stage 'routing'). */
  travelProfile?: TravelProfile;
  done: number;
  total: number;
}

export interface AnalysisOutcome {
  result: AnalysisResult;
  /** Facilities farther than the snap limit from every road, per travel profile. */
  unreachable: Record<string, string[]>;
  timings: { dbMs: number; cityMs: number; routingMs: number; totalMs: number };
}

export type AnalysisAnswer =
  | { ok: true; value: AnalysisOutcome }
  | { ok: false; error: { code: string; message: string; userError: boolean } };

type GraphLookup = (network: NetworkProfile) => RoadGraph | undefined;
/** Resolves once every given graph URL is loaded (rejects if one fails to load). */
export type GraphWait = (urls: string[]) => Promise<void>;

/** The input of the last analysis, kept for the display layers (circles use its facilities). */
let lastInput: CityInput | null = null;

export function createAnalysisApi(graphOf: GraphLookup, waitForGraphs: GraphWait) {
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

    async runAnalysis(
      request: AnalysisRequest,
      onProgress?: (progress: AnalysisProgress) => void,
    ): Promise<AnalysisAnswer> {
      try {
        await waitForGraphs(request.graphUrls ?? []);
        return { ok: true, value: await run(request, graphOf, onProgress) };
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
    serviceCircles(request: CircleRequest): CircleRows {
      if (lastInput === null) throw new Error('run the analysis first');
      return serviceCircleRows(lastInput, graphOf, request);
    },
  };
}

async function run(
  request: AnalysisRequest,
  graphOf: GraphLookup,
  onProgress?: (progress: AnalysisProgress) => void,
): Promise<AnalysisOutcome> {
  const started = performance.now();
  const travel = [...new Set<TravelProfile>(['walk-elderly', ...request.travelProfiles])];
  const total = travel.length + 3;
  let done = 0;
  const step = (stage: AnalysisStage, travelProfile?: TravelProfile) =>
    onProgress?.({ stage, travelProfile, done: done++, total });

  step('db');
  const runnerPromise = openDuckDb();
  const profile = parseProfile(request.profile, 'profile.json');
  const city = parseCityInput(request.texts);
  const cityMs = performance.now() - started;
  const runner = await runnerPromise;
  const dbMs = performance.now() - started;
  step('city');

  const graphs: Partial<Record<NetworkProfile, RoadGraph>> = {};
  for (const t of travel) {
    const network: NetworkProfile = t === 'walk-elderly' ? 'walk' : t;
    const graph = graphOf(network);
    if (graph === undefined) throw new Error(`the ${network} graph is not loaded yet`);
    graphs[network] = graph;
  }
  const routing = graphReachSource(city, graphs);
  let routingMs = 0;
  const reach: ReachSource = async (reachRequest) => {
    step('routing', reachRequest.profile);
    const t0 = performance.now();
    const table = await routing.reach(reachRequest);
    routingMs += performance.now() - t0;
    return table;
  };
  const result = await analyseCity(city, runner, { profile, reach, travelProfiles: travel });
  step('sql');
  lastInput = city;
  const unreachable: Record<string, string[]> = {};
  for (const [name, list] of routing.unreachable) unreachable[name] = list.map((u) => u.id);
  return {
    result,
    unreachable,
    timings: { dbMs, cityMs, routingMs, totalMs: performance.now() - started },
  };
}
