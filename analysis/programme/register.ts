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

/**
 * The record of a site added in a scenario or drawn on the map: proposed (拟建), so that it is not
 * mistaken for a baseline facility (which would count as open in every year).
 */
export function proposedRecord(
  id: string,
  options: { year?: number; date?: string } = {},
): SiteProgramme {
  const step = {
    ...(options.year === undefined ? {} : { year: options.year }),
    ...(options.date === undefined ? {} : { date: options.date }),
  };
  const dated = options.year !== undefined || options.date !== undefined;
  return { id, status: 'proposed', steps: dated ? { proposed: step } : {}, upgraded: false };
}

/**
 * Roles of a site under a profile: those of its facility type (a type may have several, or none)
 * plus those its designations add (a point recognised as a Jiaxing station is a station).
 */
export function rolesOf(
  profile: ProgrammeProfile,
  facility: FacilityProperties,
  site?: Pick<SiteProgramme, 'designations'>,
): string[] {
  const roles = new Set(
    Object.entries(profile.roles)
      .filter(([, types]) => types.includes(facility.type))
      .map(([role]) => role),
  );
  for (const designation of site?.designations ?? []) {
    for (const role of profile.designationRoles[designation] ?? []) roles.add(role);
  }
  return [...roles];
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
  const entries = register.facilities.map((facility) => {
    const site = byId.get(facility.id);
    return { facility, site, roles: rolesOf(profile, facility, site) };
  });
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
export function sitesOpenBy<F extends FacilityProperties>(
  register: ProgrammeRegister<F>,
  profile: ProgrammeProfile,
  options: { year: number; minStatus?: SiteStatus },
): F[] {
  const minStatus = options.minStatus ?? 'accepted';
  joinRegister(register, profile); // checks the register; throws on problems
  const byId = new Map(register.sites.map((site) => [site.id, site]));
  return register.facilities.filter((facility) => {
    const site = byId.get(facility.id);
    if (site === undefined || site.upgraded) return true;
    return reachedBy(site, minStatus, options.year);
  });
}
