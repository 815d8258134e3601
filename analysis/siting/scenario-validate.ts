import type { FacilityType } from '../city/types.ts';
import { InputError } from '../errors.ts';
// The bounds a register row is held to: a scenario's sites are held to the same.
import { AREA_MAX_M2, BEDS_MAX, FLOOR_RANGE } from '../io/import/reasons.ts';
import { NETWORK_KINDS, validateNetworkModification } from './scenario-network.ts';
import { validateScenarioProgramme } from './scenario-programme.ts';
import {
  FACILITY_TYPES,
  type Modification,
  type ModificationKind,
  SCENARIO_FORMAT,
  SCENARIO_TRAVEL_PROFILES,
  SCENARIO_VERSIONS,
  type Scenario,
  WALKING_SPEED_RANGE_MPS,
} from './scenario-types.ts';

/** One problem found in a scenario, with a JSON path such as `modifications[2].lon`. */
export interface ScenarioProblem {
  code: string;
  path: string;
  message: string;
}

export interface ScenarioValidationOptions {
  /** [west, south, east, north]: sites outside are rejected (a typo or a swapped lon/lat). */
  bbox?: readonly [number, number, number, number];
  /** Profile ids the host knows; when given, the baseline and set-profile must name one. */
  profiles?: readonly string[];
  /** Names the open city goes by; when given, the baseline's city must be one of them. */
  cityNames?: readonly string[];
}

/** The checks every host applies to a scenario for an open city (CLI and browser alike). */
export function cityScenarioChecks(
  city: { name: string; bbox: readonly [number, number, number, number]; folder?: string },
  profiles: readonly string[],
): ScenarioValidationOptions {
  const cityNames = city.folder === undefined ? [city.name] : [city.name, city.folder];
  return { bbox: city.bbox, profiles, cityNames };
}

/** Names compare as a person reads them: full-width forms folded, outer spaces ignored. */
const sameName = (a: string, b: string) =>
  a.normalize('NFKC').trim() === b.normalize('NFKC').trim();

const KINDS: readonly ModificationKind[] = [
  'add-site',
  'move-site',
  'resize-site',
  'retype-site',
  'close-site',
  'set-walking-speed',
  'set-profile',
  'set-travel-profile',
  ...NETWORK_KINDS,
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a whole scenario against the baseline and reports every problem at once (Conveyal
 * `resolve` style) instead of stopping at the first. Site ids are tracked through the list, so
 * moving a site added earlier is fine, while moving a closed or unknown site is not.
 */
export function validateScenario(
  json: unknown,
  baselineFacilities: readonly { id: string }[],
  options: ScenarioValidationOptions = {},
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const report = (code: string, path: string, message: string) =>
    problems.push({ code, path, message });
  if (!isObject(json)) {
    report('E_SCENARIO_FORMAT', '', 'a scenario must be a JSON object');
    return problems;
  }
  if (json.format !== SCENARIO_FORMAT) {
    report('E_SCENARIO_FORMAT', 'format', `format must be "${SCENARIO_FORMAT}"`);
  }
  if (!(SCENARIO_VERSIONS as readonly unknown[]).includes(json.version)) {
    report('E_SCENARIO_VERSION', 'version', `unsupported version ${String(json.version)}`);
  }
  if (json.name !== undefined && typeof json.name !== 'string') {
    report('E_SCENARIO_FIELD', 'name', 'name must be a string');
  }
  if (json.origin !== undefined && !isOptimiserOrigin(json.origin)) {
    report(
      'E_SCENARIO_FIELD',
      'origin',
      'origin must be {kind: "optimiser", problem: "mclp"|"lscp", method, status, minutes, newSites, newlyCoveredElders, bound, gap}',
    );
  }
  const baseline = json.baseline;
  if (!isObject(baseline)) {
    report('E_SCENARIO_FIELD', 'baseline', 'baseline {city, profile} is missing');
  } else {
    for (const key of ['city', 'profile'] as const) {
      if (typeof baseline[key] !== 'string' || baseline[key] === '') {
        report('E_SCENARIO_FIELD', `baseline.${key}`, `baseline.${key} must be a non-empty string`);
      }
    }
    const { city, profile } = baseline;
    const names = options.cityNames;
    if (typeof city === 'string' && city !== '' && names && !names.some((n) => sameName(n, city))) {
      report(
        'E_OTHER_CITY',
        'baseline.city',
        `the scenario is for "${city}", not for the open city (${names.map((n) => `"${n}"`).join(' / ')})`,
      );
    }
    if (typeof profile === 'string' && profile !== '' && options.profiles) {
      if (!options.profiles.includes(profile))
        report('E_UNKNOWN_PROFILE', 'baseline.profile', `unknown profile "${profile}"`);
    }
  }
  if (!Array.isArray(json.modifications)) {
    report('E_SCENARIO_FIELD', 'modifications', 'modifications must be an array');
    return problems;
  }
  const live = new Set(baselineFacilities.map((f) => f.id));
  const closed = new Set<string>();
  const linkIds = new Set<string>();
  json.modifications.forEach((raw: unknown, index: number) => {
    const at = `modifications[${index}]`;
    if (!isObject(raw)) {
      report('E_SCENARIO_FIELD', at, 'a modification must be an object');
      return;
    }
    const kind = raw.kind as ModificationKind;
    if (!KINDS.includes(kind)) {
      report('E_UNKNOWN_MODIFICATION', `${at}.kind`, `unknown modification kind ${String(kind)}`);
      return;
    }
    const check = new FieldChecker(raw, at, report);
    if ((NETWORK_KINDS as readonly string[]).includes(kind)) {
      if (json.version === 1) {
        report('E_SCENARIO_VERSION', `${at}.kind`, `${kind} needs scenario version 2`);
      }
      validateNetworkModification(raw, at, report, linkIds, options.bbox);
      return;
    }
    if (kind === 'set-walking-speed') {
      const [low, high] = WALKING_SPEED_RANGE_MPS;
      check.number('mps', { min: low, max: high });
      return;
    }
    if (kind === 'set-profile') {
      const profile = check.string('profile');
      if (profile !== undefined && options.profiles && !options.profiles.includes(profile)) {
        report('E_UNKNOWN_PROFILE', `${at}.profile`, `unknown profile "${profile}"`);
      }
      return;
    }
    if (kind === 'set-travel-profile') {
      const travel = raw.travel;
      if (!SCENARIO_TRAVEL_PROFILES.includes(travel as (typeof SCENARIO_TRAVEL_PROFILES)[number])) {
        report(
          'E_BAD_PROFILE',
          `${at}.travel`,
          `unknown travel profile ${String(travel)}; use one of ${SCENARIO_TRAVEL_PROFILES.join(', ')}`,
        );
      }
      return;
    }
    const id = check.string('id');
    if (kind === 'add-site') {
      if (id !== undefined && live.has(id)) {
        report('E_DUPLICATE_SITE', `${at}.id`, `site id "${id}" already exists`);
      }
      check.string('name');
      check.facilityType('type');
      check.position(options.bbox);
      check.number('floorAreaM2', { min: 0, max: AREA_MAX_M2 });
      check.number('beds', { min: 0, max: BEDS_MAX, integer: true });
      check.number('floorLevel', { min: FLOOR_RANGE[0], max: FLOOR_RANGE[1], integer: true });
      if (raw.hasLift !== undefined && typeof raw.hasLift !== 'boolean') {
        report('E_SCENARIO_FIELD', `${at}.hasLift`, 'hasLift must be true or false');
      }
      if (id !== undefined) {
        live.add(id);
        closed.delete(id);
      }
      return;
    }
    if (id !== undefined && !live.has(id)) {
      const why = closed.has(id) ? 'was closed by an earlier modification' : 'is not a known site';
      report('E_UNKNOWN_SITE', `${at}.id`, `site "${id}" ${why}`);
    }
    if (kind === 'move-site') check.position(options.bbox);
    if (kind === 'resize-site') {
      check.number('floorAreaM2', { min: 0, max: AREA_MAX_M2 });
      check.number('beds', { min: 0, max: BEDS_MAX, integer: true });
    }
    if (kind === 'retype-site') check.facilityType('type');
    if (kind === 'close-site' && id !== undefined && live.delete(id)) closed.add(id);
  });
  if (json.programme !== undefined) {
    // Statuses may name any site the scenario ever had (baseline or added, even closed later).
    const known = new Set([...live, ...closed]);
    for (const p of validateScenarioProgramme(json.programme, known)) problems.push(p);
  }
  return problems;
}

/** Validates, then returns the typed scenario or throws one InputError listing every problem. */
export function parseScenario(
  json: unknown,
  baselineFacilities: readonly { id: string }[],
  options: ScenarioValidationOptions & { file?: string } = {},
): Scenario {
  const problems = validateScenario(json, baselineFacilities, options);
  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${p.path || '(root)'}: ${p.message} [${p.code}]`);
    throw new InputError(
      problems[0].code,
      `scenario has ${problems.length} problem(s):\n${lines.join('\n')}`,
      { file: options.file, column: problems[0].path },
    );
  }
  return json as unknown as Scenario;
}

class FieldChecker {
  constructor(
    private readonly raw: Json,
    private readonly at: string,
    private readonly report: (code: string, path: string, message: string) => void,
  ) {}

  string(key: string): string | undefined {
    const value = this.raw[key];
    if (typeof value === 'string' && value !== '') return value;
    this.report('E_SCENARIO_FIELD', `${this.at}.${key}`, `${key} must be a non-empty string`);
    return undefined;
  }

  number(key: string, limits: { min?: number; max?: number; integer?: boolean }): void {
    const value = this.raw[key];
    const path = `${this.at}.${key}`;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.report('E_SCENARIO_FIELD', path, `${key} must be a finite number`);
    } else if (limits.min !== undefined && value < limits.min) {
      const code = limits.min === 0 ? 'E_NEGATIVE_VALUE' : 'E_OUT_OF_RANGE';
      this.report(code, path, `${key} ${value} is below ${limits.min}`);
    } else if (limits.max !== undefined && value > limits.max) {
      this.report('E_OUT_OF_RANGE', path, `${key} ${value} is above ${limits.max}`);
    } else if (limits.integer && !Number.isInteger(value)) {
      this.report('E_SCENARIO_FIELD', path, `${key} must be a whole number`);
    }
  }

  facilityType(key: string): void {
    const value = this.raw[key];
    if (!FACILITY_TYPES.includes(value as FacilityType)) {
      const path = `${this.at}.${key}`;
      this.report('E_UNKNOWN_FACILITY_TYPE', path, `unknown facility type ${String(value)}`);
    }
  }

  position(bbox: readonly [number, number, number, number] | undefined): void {
    const { lon, lat } = this.raw;
    const lonOk = typeof lon === 'number' && Number.isFinite(lon) && Math.abs(lon) <= 180;
    const latOk = typeof lat === 'number' && Number.isFinite(lat) && Math.abs(lat) <= 90;
    if (!lonOk) this.report('E_BAD_COORD', `${this.at}.lon`, `bad longitude ${String(lon)}`);
    if (!latOk) this.report('E_BAD_COORD', `${this.at}.lat`, `bad latitude ${String(lat)}`);
    if (lonOk && latOk && bbox) {
      const [west, south, east, north] = bbox;
      if (lon < west || lon > east || lat < south || lat > north) {
        this.report('E_OUTSIDE_AREA', this.at, `site (${lon}, ${lat}) lies outside the city area`);
      }
    }
  }
}

/** Narrowing helper for hosts that build modifications in code (the editor). */
export function isModification(value: unknown): value is Modification {
  return isObject(value) && KINDS.includes(value.kind as ModificationKind);
}

function isOptimiserOrigin(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  const finite = (k: string) => typeof o[k] === 'number' && Number.isFinite(o[k]);
  return (
    o.kind === 'optimiser' &&
    (o.problem === 'mclp' || o.problem === 'lscp') &&
    typeof o.method === 'string' &&
    typeof o.status === 'string' &&
    ['minutes', 'newSites', 'newlyCoveredElders', 'bound', 'gap'].every(finite)
  );
}
