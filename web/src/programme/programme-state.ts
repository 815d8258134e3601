import {
  BUILTIN_PROGRAMME_PROFILES,
  programmeProfileFor,
} from '../../../analysis/programme/builtin.ts';
import { proposedRecord, sitesOpenBy } from '../../../analysis/programme/register.ts';
import { advanceStatus, checkStatusHistory } from '../../../analysis/programme/status.ts';
import type { StatusTable } from '../../../analysis/programme/status-columns.ts';
import type { TargetOverride } from '../../../analysis/programme/targets.ts';
import {
  type ProgrammeProfile,
  type ProgrammeRegister,
  SITE_STATUSES,
  type SiteProgramme,
  type SiteStatus,
} from '../../../analysis/programme/types.ts';
import type { Modification, SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { DEFAULT_SCALE, type StudyScale } from './study-targets.ts';

/**
 * The programme side of the workspace, pure so it is tested in Node: per-site status
 * records beside the register, target overrides, and the register a scenario makes (sites added
 * in a scenario are proposed projects, never baseline facilities).
 */
export interface ProgrammeState {
  version: 1;
  records: SiteProgramme[];
  /** Targets the user entered for the study area (they win over the scaled ones). */
  targetOverrides: TargetOverride[];
  /** How the programme's city-wide count targets are scaled to the study area. */
  scale: StudyScale;
}

export const EMPTY_PROGRAMME: ProgrammeState = {
  version: 1,
  records: [],
  targetOverrides: [],
  scale: DEFAULT_SCALE,
};

export const programmeKey = (city: string) => `carecircle.programme.v1.${city}`;

export function restoreProgramme(value: unknown): ProgrammeState {
  if (typeof value !== 'object' || value === null) return EMPTY_PROGRAMME;
  const v = value as Partial<ProgrammeState>;
  if (v.version !== 1 || !Array.isArray(v.records)) return EMPTY_PROGRAMME;
  return {
    version: 1,
    records: v.records,
    targetOverrides: Array.isArray(v.targetOverrides) ? v.targetOverrides : [],
    scale: restoreScale(v.scale),
  };
}

function restoreScale(value: unknown): StudyScale {
  if (typeof value !== 'object' || value === null) return DEFAULT_SCALE;
  const v = value as Partial<StudyScale>;
  return {
    basis: v.basis === 'residents' ? 'residents' : 'elders60',
    cityWide: typeof v.cityWide === 'number' && v.cityWide > 0 ? v.cityWide : null,
  };
}

/** The register of a scenario: its facilities, stored records, a proposed record per new site. */
export function scenarioRegister(
  facilities: readonly SiteFacility[],
  baselineIds: ReadonlySet<string>,
  records: readonly SiteProgramme[],
): ProgrammeRegister<SiteFacility> {
  const open = new Set(facilities.map((f) => f.id));
  const byId = new Map(records.filter((r) => open.has(r.id)).map((r) => [r.id, r]));
  for (const f of facilities) {
    if (!baselineIds.has(f.id) && !byId.has(f.id)) byId.set(f.id, proposedRecord(f.id));
  }
  return { facilities, sites: [...byId.values()] };
}

export function nextStatus(status: SiteStatus): SiteStatus | null {
  return SITE_STATUSES[SITE_STATUSES.indexOf(status) + 1] ?? null;
}

/**
 * Moves a site one step (advanceStatus: no skipping, dates never go back) and stores the
 * record; a site without a record starts as proposed. Returns the new state or throws the
 * advanceStatus InputError for the UI to show.
 */
export function advanceSite(
  state: ProgrammeState,
  register: ProgrammeRegister<SiteFacility>,
  siteId: string,
  step: { year?: number; date?: string },
): ProgrammeState {
  const current =
    register.sites.find((s) => s.id === siteId) ?? proposedRecord(siteId, { year: step.year });
  const to = nextStatus(current.status);
  if (to === null) return state;
  const next = advanceStatus(current, to, step);
  return { ...state, records: [...state.records.filter((r) => r.id !== siteId), next] };
}

/** Makes an existing facility a programme project (e.g. the 增效提质 upgrade of a care center). */
export function startProject(
  state: ProgrammeState,
  siteId: string,
  options: { upgraded: boolean; year?: number },
): ProgrammeState {
  const record = { ...proposedRecord(siteId, { year: options.year }), upgraded: options.upgraded };
  return { ...state, records: [...state.records.filter((r) => r.id !== siteId), record] };
}

/** Warnings of a record's history (e.g. W_SKIPPED_STEPS for an imported register). */
export function statusWarnings(record: SiteProgramme): string[] {
  return checkStatusHistory(record, { imported: true }).map((i) => `${i.code}: ${i.message}`);
}

/**
 * "Coverage if everything accepted by `year` were open": close-site modifications for the sites
 * of the register not open at the end of the year (appended to the scenario's own list).
 */
export function closuresBy(
  register: ProgrammeRegister<SiteFacility>,
  profile: ProgrammeProfile,
  year: number,
  minStatus: SiteStatus = 'accepted',
): Modification[] {
  const open = new Set(sitesOpenBy(register, profile, { year, minStatus }).map((f) => f.id));
  return register.facilities
    .filter((f) => !open.has(f.id))
    .map((f) => ({ kind: 'close-site', id: f.id }) as Modification);
}

/** Whether the standards profile has a programme of its own (targets, subsidies, costs). */
export function hasProgramme(profileId: string): boolean {
  return profileId in BUILTIN_PROGRAMME_PROFILES && profileId !== 'generic';
}

/** The programme profile that goes with the analysis's standards profile (generic without one). */
export function programmeOf(profileId: string): ProgrammeProfile {
  return programmeProfileFor(profileId);
}

/** The status table to export: one row per facility of the register (baseline rows empty). */
export function statusTableOf(register: ProgrammeRegister<SiteFacility>): StatusTable {
  const byId = new Map(register.sites.map((s) => [s.id, s]));
  return {
    language: 'zh',
    extraColumns: ['名称'],
    rows: register.facilities.map((f) => ({
      id: f.id,
      ...(byId.has(f.id) ? { record: byId.get(f.id) } : {}),
      extra: { 名称: f.name },
    })),
  };
}
