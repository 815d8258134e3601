import type { FacilityProperties } from '../city/types.ts';
import { InputError } from '../errors.ts';
import { checkStatusHistory, reachedBy, type StatusIssue } from './status.ts';
import type { ProgrammeProfile, ProgrammeRegister, SiteProgramme, SiteStatus } from './types.ts';

/**
 * Joins the facility register with the programme records. A facility without a record is a
 * baseline facility: it existed before the programme, counts as accepted in every year and is not
 * a project (no cost, no subsidy).
 */
export interface RegisterEntry {
  facility: FacilityProperties;
  /** Undefined for baseline facilities. */
  site: SiteProgramme | undefined;
  roles: string[];
}

export function baselineRecord(id: string): SiteProgramme {
  return { id, status: 'accepted', steps: {}, upgraded: false };
}

/** Roles of a facility type under a profile (a type may have several, or none). */
export function rolesOf(profile: ProgrammeProfile, facility: FacilityProperties): string[] {
  return Object.entries(profile.roles)
    .filter(([, types]) => types.includes(facility.type))
    .map(([role]) => role);
}

/**
 * Joins and checks the register: every record must name a known facility, once; every history
 * must be consistent (imported registers may skip steps, with a warning). All problems are
 * reported at once in one InputError; warnings are returned.
 */
export function joinRegister(
  register: ProgrammeRegister,
  profile: ProgrammeProfile,
  options: { imported?: boolean; file?: string } = {},
): { entries: RegisterEntry[]; warnings: StatusIssue[] } {
  const byId = new Map<string, SiteProgramme>();
  const problems: string[] = [];
  const known = new Set(register.facilities.map((facility) => facility.id));
  for (const site of register.sites) {
    if (byId.has(site.id)) problems.push(`${site.id}: listed twice`);
    else if (!known.has(site.id)) problems.push(`${site.id}: no facility with this id`);
    byId.set(site.id, site);
  }
  const warnings: StatusIssue[] = [];
  for (const site of byId.values()) {
    for (const found of checkStatusHistory(site, { imported: options.imported ?? true })) {
      if (found.severity === 'error') problems.push(`${site.id}: ${found.message}`);
      else warnings.push(found);
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      'E_BAD_PROGRAMME_REGISTER',
      `${problems.length} problem(s) in the programme register:\n  ${problems.join('\n  ')}`,
      { file: options.file },
    );
  }
  const entries = register.facilities.map((facility) => ({
    facility,
    site: byId.get(facility.id),
    roles: rolesOf(profile, facility),
  }));
  return { entries, warnings };
}

/** The record that status questions are asked of (baseline facilities get a timeless one). */
export function recordOf(entry: RegisterEntry): SiteProgramme {
  return entry.site ?? baselineRecord(entry.facility.id);
}

/**
 * The facilities that would be open at the end of `year` if everything that had reached
 * `minStatus` by then were open (default: accepted). Upgrade projects are existing facilities and
 * stay open whatever the status of their works. For the scenario engine and map filters.
 */
export function sitesOpenBy(
  register: ProgrammeRegister,
  profile: ProgrammeProfile,
  options: { year: number; minStatus?: SiteStatus },
): FacilityProperties[] {
  const minStatus = options.minStatus ?? 'accepted';
  const { entries } = joinRegister(register, profile);
  return entries
    .filter((entry) => {
      if (entry.site === undefined || entry.site.upgraded) return true;
      return reachedBy(entry.site, minStatus, options.year);
    })
    .map((entry) => entry.facility);
}
