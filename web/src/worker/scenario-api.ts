import highsWasmUrl from 'highs/runtime?url';
import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import { type CityTexts, parseCityInput } from '../../../analysis/coverage/parse-city.ts';
import { graphReachSource } from '../../../analysis/coverage/routing-reach.ts';
import type { CityInput } from '../../../analysis/coverage/types.ts';
import { InputError, isInputError } from '../../../analysis/errors.ts';
import { graphBbox } from '../../../analysis/graph/stats.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import { estimateBudget } from '../../../analysis/programme/budget.ts';
import { programmeProfileFor } from '../../../analysis/programme/builtin.ts';
import { proposedRecord } from '../../../analysis/programme/register.ts';
import type { FigureId } from '../../../analysis/report/types.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { candidatesFromGrid, dedupeCandidates } from '../../../analysis/siting/candidates.ts';
import {
  citySitingModel,
  roadDistance,
  unitOfPoint,
} from '../../../analysis/siting/city-siting.ts';
import { loadHighsSolver } from '../../../analysis/siting/highs-solver.ts';
import { optimiseLscp, optimiseMclp } from '../../../analysis/siting/optimise.ts';
import type { SitingCandidate, SitingResult } from '../../../analysis/siting/optimise-types.ts';
import { applyScenario, resolveSettings } from '../../../analysis/siting/scenario-apply.ts';
import type { Scenario } from '../../../analysis/siting/scenario-types.ts';
import { builtInProfile, parseProfile } from '../../../analysis/standards/profiles.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import {
  buildReport,
  packDocx,
  type ReportFiles,
  type ReportRequest,
} from '../report/report-api.ts';
import { type CompareColumn, columnFromSummary } from '../scenario/compare.ts';
import { type LiveNumbers, LiveSession, type LiveUpdate } from '../scenario/live-session.ts';
import { openDuckDb } from './analysis/open-duckdb.ts';

/**
 * The scenario half of the worker (H13): live recompute of one-site edits (LiveSession over the
 * walk graph), full analyses for the compare view, and the site optimiser (HiGHS blocks the
 * thread it runs on, so it runs here, never on the page).
 */
export interface ScenarioOpenRequest {
  texts: CityTexts;
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
  /** Drawn candidates; empty = an H3 grid (res 9/10) near the roads. */
  candidates: SitingCandidate[];
  gridResolution: number;
}

export interface OptimiseOutcome {
  result: SitingResult;
  candidates: SitingCandidate[];
  candidateCount: number;
  modelMs: number;
}

type GraphLookup = (network: NetworkProfile) => RoadGraph | undefined;

interface Session {
  input: CityInput;
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

export function createScenarioApi(graphOf: GraphLookup) {
  return {
    /** Parses the city, routes every baseline site once; later edits are incremental. */
    scenarioOpen(request: ScenarioOpenRequest): Promise<Answer<LiveNumbers & { ms: number }>> {
      return wrap(() => {
        const t0 = performance.now();
        const graph = graphOf('walk');
        if (graph === undefined) throw new Error('the walk graph is not loaded yet');
        const profile = parseProfile(request.profile, 'profile.json');
        const input = parseCityInput(request.texts);
        const { thresholdsMinutes, walkingSpeedMps } = profile.settings;
        const live = new LiveSession(
          input,
          graph,
          undefined,
          [...thresholdsMinutes],
          walkingSpeedMps,
          graphOf,
        );
        session = { input, profile, graph, live };
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
        const { input, profile } = current();
        const runner = await openDuckDb();
        const graphs: Partial<Record<NetworkProfile, RoadGraph>> = { walk: current().graph };
        const columns: CompareColumn[] = [];
        const runs: { name: string; scenario: Scenario | null }[] = [
          { name: 'baseline', scenario: null },
          ...scenarios.map((s, i) => ({ name: s.name ?? `#${i + 1}`, scenario: s })),
        ];
        for (const run of runs) {
          const facilities =
            run.scenario === null
              ? input.facilities
              : applyScenario(current().live.baselineFacilities(), run.scenario);
          const settings = resolveSettings(
            { walkingSpeedMps: profile.settings.walkingSpeedMps, profile: profile.id },
            run.scenario ?? { modifications: [] },
          );
          // A set-profile modification evaluates against that built-in profile (as the CLI).
          const base = settings.profile === profile.id ? profile : builtInProfile(settings.profile);
          const travel = settings.travelProfile ?? 'walk-elderly';
          const network = travelProfile(travel).network;
          graphs[network] ??= graphOf(network);
          if (graphs[network] === undefined) {
            throw new InputError('E_NO_GRAPH', `the ${network} road network is not loaded`);
          }
          const city: CityInput = { ...input, facilities };
          const scenarioProfile = {
            ...base,
            settings: { ...base.settings, walkingSpeedMps: settings.walkingSpeedMps },
          };
          const reach = graphReachSource(city, graphs).reach;
          const result = await analyseCity(city, runner, {
            profile: scenarioProfile,
            reach,
            travelProfiles: [travel],
            skipCells: true,
          });
          columns.push(
            columnFromSummary(
              run.name,
              result.summary,
              budgetOf(run.scenario, facilities, settings.profile),
              travel,
            ),
          );
        }
        return columns;
      });
    },

    /** Committee report (baseline + one scenario): HTML, XLSX, GeoJSON and the SVG figures. */
    scenarioReport(request: ReportRequest): Promise<Answer<ReportFiles>> {
      return wrap(async () => {
        const { input, profile, graph } = current();
        return buildReport(request, { input, profile, graph, runner: await openDuckDb() });
      });
    },

    /** The .docx of the last report, with the figures rasterised by the page. */
    scenarioReportDocx(pngs: Partial<Record<FigureId, Uint8Array>>): Promise<Answer<Uint8Array>> {
      return wrap(() => packDocx(pngs));
    },

    /** MCLP (N new sites) or partial cover (a coverage target), exact with HiGHS when small. */
    scenarioOptimise(request: OptimiseRequest): Promise<Answer<OptimiseOutcome>> {
      return wrap(async () => {
        const { input, graph, profile } = current();
        const t0 = performance.now();
        const unitOf = unitOfPoint(input);
        const options = { distanceToRoadM: roadDistance(graph, 150), maxSnapM: 150, unitOf };
        const candidates =
          request.candidates.length > 0
            ? request.candidates.map((c) => ({
                ...c,
                ...(unitOf(c.lon, c.lat) ? { unitId: unitOf(c.lon, c.lat) } : {}),
              }))
            : dedupeCandidates(
                candidatesFromGrid(graphBbox(graph), request.gridResolution, options),
                30,
              );
        const model = citySitingModel(input, graph, candidates, {
          profile: travelProfile('walk-elderly', { speedMps: profile.settings.walkingSpeedMps }),
          minutes: request.minutes,
        });
        const modelMs = performance.now() - t0;
        const solver = await loadHighsSolver({ locateFile: () => highsWasmUrl });
        const result =
          request.mode === 'mclp'
            ? optimiseMclp(model, request.newSites, { solver })
            : optimiseLscp(model, request.targetShare, { solver });
        const chosen = new Set(result.chosen);
        return {
          result,
          candidates: candidates.filter((c) => chosen.has(c.id)),
          candidateCount: candidates.length,
          modelMs,
        };
      });
    },
  };
}

function budgetOf(
  scenario: Scenario | null,
  facilities: CityInput['facilities'],
  profileId: string,
): CompareColumn['budget'] {
  if (scenario === null) return null;
  const year = new Date().getFullYear();
  const added = new Set(
    scenario.modifications.flatMap((m) => (m.kind === 'add-site' ? [m.id] : [])),
  );
  const open = new Set(facilities.map((f) => f.id));
  // Statuses set in the scenario (issue 7) win; a new site without one is a proposed project.
  const own = new Map((scenario.programme?.records ?? []).map((r) => [r.id, r]));
  const sites = [
    ...[...added].map((id) => own.get(id) ?? proposedRecord(id, { year })),
    ...[...own.values()].filter((r) => !added.has(r.id) && r.baseline !== true),
  ].filter((r) => open.has(r.id));
  const estimate = estimateBudget({ facilities, sites }, programmeProfileFor(profileId));
  const { sites: count, costYuan, subsidyYuan, localYuan } = estimate.total;
  return { sites: count, costYuan, subsidyYuan, localYuan };
}
