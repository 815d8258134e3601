import highsWasmUrl from 'highs/runtime?url';
import type { OpenedCity } from '../../../analysis/city/open-city.ts';
import { isInputError } from '../../../analysis/errors.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import {
  describeLocation,
  type PlaceIndex,
  placeIndex,
} from '../../../analysis/report/describe-location.ts';
import { type LooseCollection, reportMapContext } from '../../../analysis/report/map-context.ts';
import {
  type NetworkEditShape,
  networkEditShapes,
} from '../../../analysis/report/network-edits.ts';
import type { FigureId } from '../../../analysis/report/types.ts';
import { snapLinkEnd } from '../../../analysis/routing/edits/resolve.ts';
import { loadHighsSolver } from '../../../analysis/siting/highs-solver.ts';
import type { SitingCandidate, SitingResult } from '../../../analysis/siting/optimise-types.ts';
import type { Scenario } from '../../../analysis/siting/scenario-types.ts';
import {
  DEFAULT_MIN_DETOUR_M,
  type SuggestLinksResult,
  suggestLinks,
} from '../../../analysis/siting/suggest-links.ts';
import { parseProfile } from '../../../analysis/standards/profiles.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import { cityContext } from '../../../analysis/workflows/analyse-scenario.ts';
import { type CompareColumn, compareScenarios } from '../../../analysis/workflows/compare.ts';
import { type EditGain, editGains } from '../../../analysis/workflows/edit-gains.ts';
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

export interface SuggestLinksRequest {
  minutes: number;
  maxLengthM: number;
  count: number;
  minDetourM?: number;
}

/** A network edit as the page lists and draws it: its shape, length and place in words. */
export interface NetworkEditView extends NetworkEditShape {
  place: string;
}

interface Session {
  city: OpenedCity;
  profile: StandardsProfile;
  graph: RoadGraph;
  graphOf: (network: NetworkProfile) => RoadGraph | undefined;
  live: LiveSession;
  places: Promise<PlaceIndex> | null;
}

/** Named roads and buildings of the city, read once per session (for places in words). */
function placesOf(s: Session): Promise<PlaceIndex> {
  if (s.places === null) {
    const read = async (name: string): Promise<LooseCollection | null> => {
      const text = await s.city.text(name);
      return text === undefined ? null : (JSON.parse(text) as LooseCollection);
    };
    s.places = Promise.all([read('roads.geojson'), read('buildings.geojson')]).then(
      ([roads, buildings]) =>
        placeIndex(reportMapContext(roads, buildings, s.city.manifest.bbox), s.city.input.units),
    );
  }
  return s.places;
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
        session = { city, profile, graph, graphOf, live, places: null };
        return { ...live.numbers(), ms: performance.now() - t0 };
      });
    },

    /** One edit: only the searches it touches are rerun. */
    scenarioEvaluate(scenario: Pick<Scenario, 'modifications'>): Promise<Answer<LiveUpdate>> {
      return wrap(() => current().live.evaluate(scenario));
    },

    /**
     * Short walking links that most raise coverage (the CLI's suggest-links, same function), on
     * the scenario's own sites and network edits, at the session profile's walking speed.
     */
    scenarioSuggestLinks(
      scenario: Pick<Scenario, 'modifications'>,
      request: SuggestLinksRequest,
    ): Promise<Answer<SuggestLinksResult>> {
      return wrap(() => {
        const { city, graph, profile } = current();
        return suggestLinks(city.input, graph, scenario, {
          minutes: request.minutes,
          maxLengthM: request.maxLengthM,
          count: request.count,
          minDetourM: request.minDetourM ?? DEFAULT_MIN_DETOUR_M,
          walkingSpeedMps: profile.settings.walkingSpeedMps,
        });
      });
    },

    /** Where a link end drawn at a point lands on a network (null: no road near enough). */
    scenarioSnapLinkEnd(
      point: [number, number],
      network: NetworkProfile,
    ): Promise<Answer<[number, number] | null>> {
      return wrap(() => {
        const graph = current().graphOf(network) ?? current().graph;
        try {
          const end = snapLinkEnd(graph, point, 'point');
          return [end.lon, end.lat] as [number, number];
        } catch (error) {
          if (isInputError(error)) return null;
          throw error;
        }
      });
    },

    /** The scenario's network edits with their shapes, lengths and places in words. */
    scenarioNetworkEdits(
      scenario: Pick<Scenario, 'modifications'>,
      lang: 'zh' | 'en',
    ): Promise<Answer<NetworkEditView[]>> {
      return wrap(async () => {
        const s = current();
        const lookup = (n: NetworkProfile) => (n === s.graph.network ? s.graph : s.graphOf(n));
        const places = await placesOf(s);
        return networkEditShapes(scenario, lookup).map((shape) => ({
          ...shape,
          place: describeLocation(places, shape.anchor[0], shape.anchor[1], lang).text,
        }));
      });
    },

    /** Elders each added site and network edit brings, per threshold (leave one out). */
    scenarioEditGains(
      scenario: Pick<Scenario, 'modifications' | 'programme'>,
    ): Promise<Answer<EditGain[]>> {
      return wrap(() => {
        const { city, live, profile } = current();
        return editGains(live, scenario, {
          baseline: city.input.facilities,
          profileId: profile.id,
          year: new Date().getFullYear(),
        });
      });
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
