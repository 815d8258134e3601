import type { AnalysisResult } from '../coverage/analyse-city.ts';
import { analyseCity } from '../coverage/analyse-city.ts';
import { overlayReachSource } from '../coverage/overlay-reach.ts';
import { graphReachSource } from '../coverage/routing-reach.ts';
import type { CityInput, IndexedReachTable, ReachSource } from '../coverage/types.ts';
import type { SqlRunner } from '../db/sql-runner.ts';
import { stepFreeGraph } from '../graph/step-free.ts';
import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import { type EditNote, overlayFor } from '../routing/edits/resolve.ts';
import type { NetworkOverlay } from '../routing/edits/types.ts';
import { type OsrmRouting, osrmReachSource, osrmServes } from '../routing/osrm-reach-source.ts';
import { type RouteNetwork, travelProfile } from '../routing/profiles.ts';
import { applyScenario, resolveSettings } from '../siting/scenario-apply.ts';
import { networkModifications } from '../siting/scenario-network.ts';
import type { Scenario, SiteFacility } from '../siting/scenario-types.ts';
import { builtInProfile } from '../standards/profiles.ts';
import type { StandardsProfile } from '../standards/types.ts';
import type { TravelProfileName } from '../vocabulary.ts';

/**
 * Analyses one scenario of a city: applies its modifications to the baseline register, resolves
 * its settings (walking speed, standards profile, travel profile), swaps in the profile a
 * `set-profile` names, routes every network the profile's rules and the reported travel
 * profiles need, and runs the coverage engine. The baseline is the empty scenario: there is no
 * second code path for it. The CLI (`analyse`, `report`, `batch`) and the web worker call this.
 */
export interface ScenarioContext {
  input: CityInput;
  /** The city's road graph of a network (loaded once by the host). */
  graph: (network: NetworkProfile) => Promise<RoadGraph>;
  /** Networks the city has graphs for. */
  networks: readonly NetworkProfile[];
  runner: SqlRunner;
  /** The profile the baseline is evaluated against (built-in or the user's edited copy). */
  profile: StandardsProfile;
  /** Resolves a `set-profile` id (default: the built-in profiles). */
  profileById?: (id: string) => StandardsProfile;
}

export interface ScenarioAnalysisOptions {
  /** Travel profiles to report coverage for (walk-elderly always, plus the scenario's own). */
  travelProfiles?: readonly TravelProfileName[];
  skipCells?: boolean;
  /** Wraps the routing of each travel profile (progress, timings). */
  wrapReach?: (reach: ReachSource) => ReachSource;
  /** Routes the vehicle profiles (drive, ebike) on a user's OSRM server instead of the graphs. */
  osrm?: OsrmRouting;
}

export interface ScenarioAnalysis {
  /** The register after the scenario (the baseline's own objects where untouched). */
  facilities: SiteFacility[];
  /** The profile actually evaluated (after set-profile and set-walking-speed). */
  profile: StandardsProfile;
  walkingSpeedMps: number;
  /** The travel profile coverage is measured with in this scenario. */
  travel: TravelProfileName;
  result: AnalysisResult;
  /** Facilities farther than the snap limit from every road, per travel profile. */
  unreachable: Record<string, string[]>;
  /**
   * Travel profiles the scenario needs on networks the city has no graph for, or whose graph
   * cannot represent the scenario's set-barrier choice (see networkNotes), or that an OSRM
   * server routes while the scenario edits streets (the server's network cannot be edited).
   */
  unavailable: TravelProfileName[];
  /** Street-network edits the graphs cannot represent (their networks are not evaluated). */
  networkNotes: EditNote[];
  /** Networks routed on an edited network (add-link / close-link). */
  editedNetworks: NetworkProfile[];
}

export const BASELINE: Pick<Scenario, 'modifications'> = { modifications: [] };

/** Network each travel profile routes on. */
export function networkOf(travel: TravelProfileName): NetworkProfile {
  return travelProfile(travel).network;
}

/** Travel profiles the profile's rules route on. */
export function ruleTravelProfiles(profile: StandardsProfile): TravelProfileName[] {
  const out = new Set<TravelProfileName>(['walk-elderly']);
  for (const rule of profile.rules) {
    if (
      (rule.kind === 'coverage_share' || rule.kind === 'hotspot_coverage') &&
      rule.enabled !== false
    )
      out.add(rule.travelProfile);
  }
  return [...out];
}

/** Profile and settings a scenario is evaluated with. */
export function scenarioProfile(
  context: Pick<ScenarioContext, 'profile' | 'profileById'>,
  scenario: Pick<Scenario, 'modifications'>,
): { profile: StandardsProfile; walkingSpeedMps: number; travel: TravelProfileName } {
  const base = context.profile;
  const settings = resolveSettings(
    { walkingSpeedMps: base.settings.walkingSpeedMps, profile: base.id },
    scenario,
  );
  const chosen =
    settings.profile === base.id ? base : (context.profileById ?? builtInProfile)(settings.profile);
  // A set-profile keeps a walking speed the scenario set; otherwise the new profile's own.
  const speedSet = scenario.modifications.some((m) => m.kind === 'set-walking-speed');
  const walkingSpeedMps = speedSet ? settings.walkingSpeedMps : chosen.settings.walkingSpeedMps;
  return {
    profile: { ...chosen, settings: { ...chosen.settings, walkingSpeedMps } },
    walkingSpeedMps,
    travel: settings.travelProfile ?? 'walk-elderly',
  };
}

export async function analyseScenario(
  context: ScenarioContext,
  scenario: Pick<Scenario, 'modifications'> = BASELINE,
  options: ScenarioAnalysisOptions = {},
): Promise<ScenarioAnalysis> {
  const facilities = applyScenario(context.input.facilities, scenario);
  const { profile, walkingSpeedMps, travel } = scenarioProfile(context, scenario);
  // Wheelchair and walker users are reported next to walk-elderly wherever there are streets to
  // walk: the difference is the coverage that depends on steps.
  const wanted = new Set<TravelProfileName>([
    'walk-elderly',
    ...(context.networks.includes('walk') ? (['wheelchair'] as const) : []),
    travel,
    ...(options.travelProfiles ?? []),
    ...ruleTravelProfiles(profile),
  ]);
  const viaOsrm = (t: TravelProfileName) => osrmServes(options.osrm, t);
  const graphs: Partial<Record<NetworkProfile, RoadGraph>> = {};
  for (const name of wanted) {
    const network = networkOf(name);
    if (context.networks.includes(network) && !viaOsrm(name))
      graphs[network] ??= await context.graph(network);
  }
  // Street-network edits: each network is routed on its overlay (the baseline graph is never
  // changed). A network whose set-barrier choice its graph cannot represent is left unrouted,
  // so the findings that need it are not evaluable rather than computed on the wrong network.
  const edits = networkModifications(scenario);
  const overlays: Partial<Record<RouteNetwork, NetworkOverlay>> = {};
  const networkNotes: EditNote[] = [];
  for (const network of Object.keys(graphs) as NetworkProfile[]) {
    const { overlay, notes } = overlayFor(graphs[network] as RoadGraph, edits);
    if (overlay !== null) overlays[network] = overlay;
    if (notes.length > 0) delete graphs[network];
    networkNotes.push(...notes);
  }
  const editedNetworks = (['walk', 'ebike', 'drive'] as const).filter(
    (n) => overlays[n] !== undefined && graphs[n] !== undefined,
  );
  if (graphs.walk !== undefined && [...wanted].some((t) => travelProfile(t).stepFree)) {
    const stepFree = overlayFor(stepFreeGraph(graphs.walk), edits, { noStepLinks: true }).overlay;
    if (stepFree !== null) overlays['walk-step-free'] = stepFree;
  }
  const city: CityInput = { ...context.input, facilities };
  const routing =
    editedNetworks.length > 0
      ? overlayReachSource(city, graphs, overlays)
      : graphReachSource(city, graphs);
  const osrm = options.osrm === undefined ? undefined : osrmReachSource(city, options.osrm);
  // The server's network cannot be edited: a profile whose network the scenario edits is then
  // not evaluable rather than routed as if the edit were not there.
  const edited = (t: TravelProfileName) =>
    edits.some((e) => e.modification.networks.includes(networkOf(t)));
  const routable = (t: TravelProfileName) =>
    viaOsrm(t) ? !edited(t) : graphs[networkOf(t)] !== undefined;
  const unavailable = [...wanted].filter((t) => !routable(t));
  // A network the city lacks reaches nothing; findings that need it are not evaluable.
  const available: ReachSource = (request) =>
    !routable(request.profile)
      ? NO_REACH
      : osrm !== undefined && viaOsrm(request.profile)
        ? osrm.reach(request)
        : routing.reach(request);
  const reach = options.wrapReach?.(available) ?? available;
  const travelProfiles = [...wanted].filter(routable);
  const result = await analyseCity(city, context.runner, {
    profile,
    reach,
    travelProfiles,
    networks: travelProfiles,
    ...(options.skipCells === undefined ? {} : { skipCells: options.skipCells }),
  });
  const unreachable: Record<string, string[]> = {};
  for (const [name, list] of routing.unreachable) unreachable[name] = list.map((u) => u.id);
  for (const [name, list] of osrm?.unreachable ?? []) unreachable[name] = list.map((u) => u.id);
  return {
    facilities,
    profile,
    walkingSpeedMps,
    travel,
    result,
    unreachable,
    unavailable,
    networkNotes,
    editedNetworks,
  };
}

const NO_REACH: IndexedReachTable = {
  facility: new Int32Array(0),
  cell: new Int32Array(0),
  minutes: new Float64Array(0),
};

/** The context of an opened city (its input, its graphs on demand). */
export function cityContext(
  city: { input: CityInput; networks: readonly NetworkProfile[]; graph: ScenarioContext['graph'] },
  runner: SqlRunner,
  profile: StandardsProfile,
  profileById?: (id: string) => StandardsProfile,
): ScenarioContext {
  return {
    input: city.input,
    graph: (network) => city.graph(network),
    networks: city.networks,
    runner,
    profile,
    ...(profileById === undefined ? {} : { profileById }),
  };
}
