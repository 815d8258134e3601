import highsWasmUrl from 'highs/runtime?url';
import type { OpenedCity } from '../../../analysis/city/open-city.ts';
import { isInputError } from '../../../analysis/errors.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import type { FigureId } from '../../../analysis/report/types.ts';
import { loadHighsSolver } from '../../../analysis/siting/highs-solver.ts';
import type { SitingCandidate, SitingResult } from '../../../analysis/siting/optimise-types.ts';
import type { Scenario } from '../../../analysis/siting/scenario-types.ts';
import { parseProfile } from '../../../analysis/standards/profiles.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import { cityContext } from '../../../analysis/workflows/analyse-scenario.ts';
import { type CompareColumn, compareScenarios } from '../../../analysis/workflows/compare.ts';
import {
  type LiveNumbers,
  LiveSession,
  type LiveUpdate,
} from '../../../analysis/workflows/live-session.ts';
import { optimiseCity } from '../../../analysis/workflows/optimise-city.ts';
import {
  buildReport,
  packDocx,
  type ReportFiles,
  type ReportRequest,
} from '../report/report-api.ts';
import { openDuckDb } from './analysis/open-duckdb.ts';
import type { CityRef } from './city-ref.ts';
import { cityGraphs, type HeldGraphs, openRef } from './city-session.ts';

/**
 * The scenario half of the worker: I/O around the workflows of analysis/workflows (the live
 * session of one-site edits, compare, report input) and the site optimiser (HiGHS blocks the
 * thread it runs on, so it runs here, never on the page).
 */
export interface ScenarioOpenRequest {
  city: CityRef;
  profile: unknown;
}

export type Answer<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; userError: boolean } };

export interface OptimiseRequest {
  mode: 'mclp' | 'lscp';
  newSites: number;
  targetShare: number;
  minutes: number;
  /** Drawn candidates; empty = buildings and an H3 grid near the roads (as the CLI). */
  candidates: SitingCandidate[];
  gridResolution: number;
  /** HiGHS time limit in seconds (default 10, as the CLI). */
  timeLimitS?: number;
}

export interface OptimiseOutcome {
  /** The result as a scenario (add-site modifications, its origin recorded). */
  scenario: Scenario;
  result: SitingResult;
  candidates: SitingCandidate[];
  candidateCount: number;
  modelMs: number;
}

interface Session {
  city: OpenedCity;
  profile: StandardsProfile;
  graph: RoadGraph;
  live: LiveSession;
}

let session: Session | null = null;

function wrap<T>(work: () => T | Promise<T>): Promise<Answer<T>> {
  return Promise.resolve()
    .then(work)
    .then(
      (value): Answer<T> => ({ ok: true, value }),
      (error: unknown): Answer<T> => {
        if (isInputError(error))
          return {
            ok: false,
            error: { code: error.code, message: error.message, userError: true },
          };
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'E_BUG', message, userError: false } };
      },
    );
}

function current(): Session {
  if (session === null) throw new Error('scenario session not opened');
  return session;
}

export function createScenarioApi(held: HeldGraphs) {
  return {
    /** Parses the city, routes every baseline site once; later edits are incremental. */
    scenarioOpen(request: ScenarioOpenRequest): Promise<Answer<LiveNumbers & { ms: number }>> {
      return wrap(async () => {
        const t0 = performance.now();
        const profile = parseProfile(request.profile, 'profile.json');
        const city = await openRef(request.city, held);
        const graphOf = await cityGraphs(city);
        const graph = await city.graph('walk');
        const { thresholdsMinutes, walkingSpeedMps } = profile.settings;
        const live = new LiveSession(
          city.input,
          graph,
          undefined,
          [...thresholdsMinutes],
          walkingSpeedMps,
          graphOf,
        );
        session = { city, profile, graph, live };
        return { ...live.numbers(), ms: performance.now() - t0 };
      });
    },

    /** One edit: only the searches it touches are rerun. */
    scenarioEvaluate(scenario: Pick<Scenario, 'modifications'>): Promise<Answer<LiveUpdate>> {
      return wrap(() => current().live.evaluate(scenario));
    },

    /** Full analyses (SQL, findings) of the baseline and each scenario, for the compare view. */
    scenarioCompare(scenarios: Scenario[]): Promise<Answer<CompareColumn[]>> {
      return wrap(async () => {
        const { city, profile } = current();
        const context = cityContext(city, await openDuckDb(), profile);
        return compareScenarios(context, scenarios, { year: new Date().getFullYear() });
      });
    },

    /** Committee report (baseline + one scenario): HTML, XLSX, GeoJSON and the SVG figures. */
    scenarioReport(request: ReportRequest): Promise<Answer<ReportFiles>> {
      return wrap(async () => {
        const { city, profile } = current();
        return buildReport(request, city, cityContext(city, await openDuckDb(), profile));
      });
    },

    /** The .docx of the last report, with the figures rasterised by the page. */
    scenarioReportDocx(pngs: Partial<Record<FigureId, Uint8Array>>): Promise<Answer<Uint8Array>> {
      return wrap(() => packDocx(pngs));
    },

    /** MCLP (N new sites) or partial cover (a coverage target), exact with HiGHS when small. */
    scenarioOptimise(request: OptimiseRequest): Promise<Answer<OptimiseOutcome>> {
      return wrap(async () => {
        const { city, profile } = current();
        const t0 = performance.now();
        const solver = await loadHighsSolver({ locateFile: () => highsWasmUrl });
        const outcome = await optimiseCity(city, profile, solver, {
          problem: request.mode,
          newSites: request.newSites,
          targetShare: request.targetShare,
          minutes: request.minutes,
          candidates: request.candidates,
          gridResolution: request.gridResolution,
          ...(request.timeLimitS === undefined ? {} : { timeLimitS: request.timeLimitS }),
        });
        return {
          result: outcome.result,
          candidates: outcome.chosenSites,
          candidateCount: outcome.candidates.considered,
          modelMs: performance.now() - t0,
          scenario: outcome.scenario,
        };
      });
    },
  };
}
