import type { FacilityProperties, FacilityType } from '../city/types.ts';
import type { SiteProgramme } from '../programme/types.ts';
import { TRAVEL_PROFILES, type TravelProfileName, WALK_SPEED_RANGE } from '../routing/profiles.ts';

/**
 * A scenario is an ordered list of modifications applied to a baseline facility register
 * (Conveyal-style): the baseline is never edited, so any scenario can be replayed, compared or
 * undone (undo = drop the last modification).
 */
export const SCENARIO_FORMAT = 'carecircle-scenario';
export const SCENARIO_VERSION = 1;

import { FACILITY_TYPES } from '../vocabulary.ts';

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

/** Elderly walking speed in m/s (the design value is 1.0; profiles allow 0.8–1.2). */
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

export const SCENARIO_TRAVEL_PROFILES: readonly TravelProfileName[] = TRAVEL_PROFILES;

export type Modification =
  | AddSite
  | MoveSite
  | ResizeSite
  | RetypeSite
  | CloseSite
  | SetWalkingSpeed
  | SetProfile
  | SetTravelProfile;

export type ModificationKind = Modification['kind'];

export interface ScenarioBaseline {
  /** City folder name or display name the scenario was drawn on. */
  city: string;
  /** Standards profile id of the baseline. */
  profile: string;
}

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
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
export const WALKING_SPEED_RANGE_MPS: readonly [number, number] = WALK_SPEED_RANGE;

export function emptyScenario(baseline: ScenarioBaseline, name?: string): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    ...(name === undefined ? {} : { name }),
    baseline: { ...baseline },
    modifications: [],
  };
}

/** Returns a new scenario with one more modification (the input is left unchanged). */
export function appendModification(scenario: Scenario, modification: Modification): Scenario {
  return { ...scenario, modifications: [...scenario.modifications, modification] };
}

/** Undo: a new scenario without the last modification. */
export function undoLastModification(scenario: Scenario): Scenario {
  return { ...scenario, modifications: scenario.modifications.slice(0, -1) };
}
