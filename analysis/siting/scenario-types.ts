import type { FacilityProperties, FacilityType } from '../city/types.ts';
import type { NetworkProfile } from '../graph/types.ts';
import type { SiteProgramme } from '../programme/types.ts';
import type { LinkKind } from '../routing/edits/types.ts';
import { TRAVEL_PROFILES, type TravelProfileName } from '../routing/profiles.ts';

/**
 * A scenario is an ordered list of modifications applied to a baseline facility register
 * (Conveyal-style): the baseline is never edited, so any scenario can be replayed, compared or
 * undone (undo = drop the last modification).
 */
export const SCENARIO_FORMAT = 'carecircle-scenario';
/** Latest version: 2 adds street-network edits (add-link, close-link, set-barrier). */
export const SCENARIO_VERSION = 2;
/** Versions read: a version 1 file (sites and settings only) loads unchanged. */
export const SCENARIO_VERSIONS = [1, 2] as const;
export type ScenarioVersion = (typeof SCENARIO_VERSIONS)[number];

import { FACILITY_TYPES, WALKING_SPEED_RANGE_MPS } from '../vocabulary.ts';

export { FACILITY_TYPES };

/** A facility as the scenario engine sees it: register properties plus WGS-84 position. */
export interface SiteFacility extends FacilityProperties {
  lon: number;
  lat: number;
}

export interface AddSite {
  kind: 'add-site';
  id: string;
  name: string;
  type: FacilityType;
  lon: number;
  lat: number;
  floorAreaM2: number;
  beds: number;
  floorLevel: number;
  hasLift?: boolean;
}

export interface MoveSite {
  kind: 'move-site';
  id: string;
  lon: number;
  lat: number;
}

export interface ResizeSite {
  kind: 'resize-site';
  id: string;
  floorAreaM2: number;
  beds: number;
}

export interface RetypeSite {
  kind: 'retype-site';
  id: string;
  type: FacilityType;
}

export interface CloseSite {
  kind: 'close-site';
  id: string;
}

/** Elderly walking speed in m/s (the design value is 1.0; WALKING_SPEED_RANGE_MPS bounds it). */
export interface SetWalkingSpeed {
  kind: 'set-walking-speed';
  mps: number;
}

/** Switches the standards profile the scenario is evaluated against, e.g. "haining-2024". */
export interface SetProfile {
  kind: 'set-profile';
  profile: string;
}

/**
 * Switches the travel profile coverage is measured with (walk-elderly by default): e.g. "what if
 * the service counted 15 minutes by e-bike". The walking speed only applies to walk profiles.
 */
export interface SetTravelProfile {
  kind: 'set-travel-profile';
  travel: TravelProfileName;
}

/** WGS-84 [lon, lat]. */
export type LonLat = [number, number];

/**
 * A new walkable (or rideable) link between two points, each snapped to the network it serves:
 * a compound's second gate, a passage through a block, a footbridge, a crossing. Its length is
 * the straight distance between the snapped ends times `detourFactor` (default 1).
 */
export interface AddLink {
  kind: 'add-link';
  id: string;
  linkType: LinkKind;
  from: LonLat;
  to: LonLat;
  /** Networks the link serves, e.g. ['walk'] for a pedestrian gate. */
  networks: NetworkProfile[];
  detourFactor?: number;
  /** Building cost in yuan, when known (compared per elder newly covered). */
  costYuan?: number;
  name?: string;
}

/**
 * An existing road stretch made impassable for the networks listed (works, a locked gate, a
 * street turned car-free closes it for drive only). Identified by coordinates, not graph ids, so
 * a scenario survives a rebuilt graph: `at` = a point on it (the whole stretch between the two
 * junctions around that point closes), or `from` and `to` = its two ends (the stretch between
 * them, which must not pass a junction).
 */
export interface CloseLink {
  kind: 'close-link';
  id: string;
  networks: NetworkProfile[];
  at?: LonLat;
  from?: LonLat;
  to?: LonLat;
}

export type BarrierRule = 'honour' | 'ignore';

/**
 * Whether mapped barriers (gates, bollards on nodes) and access=private ways block the networks
 * listed. The graphs are built routing through node barriers and leaving access=private ways
 * out; each graph records the nodes whose barrier would stop it, which honouring closes
 * (analysis/graph/README.md). Opening private ways is not possible with the graph data and is
 * reported as not evaluable.
 */
export interface SetBarrier {
  kind: 'set-barrier';
  networks: NetworkProfile[];
  barriers: BarrierRule;
  privateAccess: BarrierRule;
}

export type NetworkModification = AddLink | CloseLink | SetBarrier;

export const SCENARIO_TRAVEL_PROFILES: readonly TravelProfileName[] = TRAVEL_PROFILES;

export type Modification =
  | AddSite
  | MoveSite
  | ResizeSite
  | RetypeSite
  | CloseSite
  | SetWalkingSpeed
  | SetProfile
  | SetTravelProfile
  | NetworkModification;

export type ModificationKind = Modification['kind'];

export interface ScenarioBaseline {
  /** City folder name or display name the scenario was drawn on. */
  city: string;
  /** Standards profile id of the baseline. */
  profile: string;
}

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  version: ScenarioVersion;
  name?: string;
  baseline: ScenarioBaseline;
  modifications: Modification[];
  /**
   * Programme statuses changed while this scenario was active, by site id; they
   * override the city's own status records when the scenario is shown. Optional, so version 1
   * files without it stay valid.
   */
  programme?: ScenarioProgramme;
  /** Present when the site optimiser proposed this scenario: what it solved and how well. */
  origin?: ScenarioOrigin;
}

/** The optimiser run a scenario came from (kept in the file, so a report can state it). */
export interface ScenarioOrigin {
  kind: 'optimiser';
  problem: 'mclp' | 'lscp';
  method: string;
  /** Solver status, e.g. optimal, time_limit, heuristic. */
  status: string;
  minutes: number;
  newSites: number;
  newlyCoveredElders: number;
  bound: number;
  gap: number;
}

export interface ScenarioProgramme {
  records: SiteProgramme[];
}

/** Settings a scenario may change besides facilities. */
export interface ScenarioSettings {
  walkingSpeedMps: number;
  profile: string;
  /** Absent = walk-elderly (older callers do not set it). */
  travelProfile?: TravelProfileName;
}

/**
 * Bounds used by validation (the routing engine's own range, so a valid scenario always routes);
 * walking speed outside them is rejected, not clamped.
 */
export { WALKING_SPEED_RANGE_MPS };

const NETWORK_KIND_SET = new Set<string>(['add-link', 'close-link', 'set-barrier']);

/**
 * The oldest version that can hold these modifications: 1 without street-network edits (so such
 * files still open in builds that predate them), 2 with them.
 */
export function scenarioVersionFor(modifications: readonly Modification[]): ScenarioVersion {
  return modifications.some((m) => NETWORK_KIND_SET.has(m.kind)) ? SCENARIO_VERSION : 1;
}

export function emptyScenario(baseline: ScenarioBaseline, name?: string): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: scenarioVersionFor([]),
    ...(name === undefined ? {} : { name }),
    baseline: { ...baseline },
    modifications: [],
  };
}

/** Returns a new scenario with one more modification (the input is left unchanged). */
export function appendModification(scenario: Scenario, modification: Modification): Scenario {
  const modifications = [...scenario.modifications, modification];
  return { ...scenario, version: scenarioVersionFor(modifications), modifications };
}

/** Undo: a new scenario without the last modification. */
export function undoLastModification(scenario: Scenario): Scenario {
  const modifications = scenario.modifications.slice(0, -1);
  return { ...scenario, version: scenarioVersionFor(modifications), modifications };
}
