import type { FacilityType } from '../city/types.ts';
import { InputError } from '../errors.ts';
/**
 * Validates a programme profile (analysis/programme/profiles/*.programme.json, or a user's edited
 * copy) and reports every problem at once, each with its path in the file.
 */
import { FACILITY_TYPES } from '../vocabulary.ts';
import { Checker, type Json } from './profile-check.ts';
import { readSiteRule, readSubsidy, readTarget } from './profile-parts.ts';
import type { CostDefaults, ProgrammeProfile } from './types.ts';

export { FACILITY_TYPES };

export function validateProgrammeProfile(input: unknown): {
  profile: ProgrammeProfile | undefined;
  problems: string[];
} {
  const check = new Checker();
  const root = check.object(input as Json, '(profile)');
  if (root === undefined) return { profile: undefined, problems: check.problems };
  check.noExtraKeys(root, '', [
    'id',
    'name',
    'document',
    'roles',
    'designationRoles',
    'siteRules',
    'targets',
    'subsidies',
    'subsidyNeverExceedsCost',
    'costDefaults',
  ]);
  const roles = readRoles(check, root.roles);
  const roleNames = Object.keys(roles);
  const checkRoles = (value: Json | undefined, path: string) => {
    const names = check.strings(value, path);
    for (const name of names) {
      if (!roleNames.includes(name)) check.problem(path, `unknown role "${name}" (not in roles)`);
    }
    return names;
  };
  // The policy document the profile transcribes (a field of the profile, not the DOM).
  const source = check.object(root.document, 'document');
  check.noExtraKeys(source, 'document', ['id', 'note']);
  const profile: ProgrammeProfile = {
    id: check.string(root.id, 'id'),
    name: check.label(root.name, 'name'),
    document: {
      id: check.string(source?.id, 'document.id'),
      ...(source?.note === undefined ? {} : { note: check.label(source.note, 'document.note') }),
    },
    roles,
    designationRoles: readDesignationRoles(check, root.designationRoles, roleNames),
    siteRules: check
      .array(root.siteRules, 'siteRules')
      .map((rule, index) => readSiteRule(check, rule, `siteRules[${index}]`, checkRoles)),
    targets: check
      .array(root.targets, 'targets')
      .map((target, index) => readTarget(check, target, `targets[${index}]`, checkRoles)),
    subsidies: check
      .array(root.subsidies, 'subsidies')
      .map((rule, index) => readSubsidy(check, rule, `subsidies[${index}]`, checkRoles)),
    subsidyNeverExceedsCost: check.boolean(root.subsidyNeverExceedsCost, 'subsidyNeverExceedsCost'),
    costDefaults: readCostDefaults(check, root.costDefaults),
  };
  reportDuplicates(
    check,
    'siteRules',
    profile.siteRules.map((rule) => rule.id),
  );
  reportDuplicates(
    check,
    'targets',
    profile.targets.map((t) => `${t.id}@${t.year}`),
  );
  reportDuplicates(
    check,
    'subsidies',
    profile.subsidies.map((rule) => rule.id),
  );
  return check.problems.length > 0
    ? { profile: undefined, problems: check.problems }
    : { profile, problems: [] };
}

/** Like validateProgrammeProfile, but throws one InputError listing every problem. */
export function parseProgrammeProfile(input: unknown, file?: string): ProgrammeProfile {
  const { profile, problems } = validateProgrammeProfile(input);
  if (profile === undefined) {
    throw new InputError(
      'E_BAD_PROGRAMME_PROFILE',
      `${problems.length} problem(s) in the programme profile:\n  ${problems.join('\n  ')}`,
      { file },
    );
  }
  return profile;
}

function readRoles(check: Checker, value: Json | undefined): Record<string, FacilityType[]> {
  const object = check.object(value, 'roles') ?? {};
  const roles: Record<string, FacilityType[]> = {};
  for (const [role, types] of Object.entries(object)) {
    if (role.startsWith('//')) continue;
    roles[role] = check
      .array(types, `roles.${role}`)
      .map((type, index) => check.oneOf(type, `roles.${role}[${index}]`, FACILITY_TYPES));
  }
  return roles;
}

function readDesignationRoles(
  check: Checker,
  value: Json | undefined,
  roleNames: readonly string[],
): Record<string, string[]> {
  if (value === undefined) return {};
  const object = check.object(value, 'designationRoles') ?? {};
  const result: Record<string, string[]> = {};
  for (const [designation, names] of Object.entries(object)) {
    if (designation.startsWith('//')) continue;
    const path = `designationRoles.${designation}`;
    result[designation] = check.strings(names, path);
    for (const name of result[designation]) {
      if (!roleNames.includes(name)) check.problem(path, `unknown role "${name}" (not in roles)`);
    }
  }
  return result;
}

function readCostDefaults(check: Checker, value: Json | undefined): CostDefaults {
  const object = check.object(value, 'costDefaults');
  check.noExtraKeys(object, 'costDefaults', ['assumption', 'note', 'newPerM2', 'upgradePerM2']);
  if (object?.assumption !== true) {
    check.problem('costDefaults.assumption', 'must be true: default costs are assumptions');
  }
  const perM2 = (key: 'newPerM2' | 'upgradePerM2') => {
    const table = check.object(object?.[key], `costDefaults.${key}`) ?? {};
    const result: Partial<Record<FacilityType, number>> = {};
    for (const [type, yuan] of Object.entries(table)) {
      const path = `costDefaults.${key}.${type}`;
      result[check.oneOf(type, path, FACILITY_TYPES)] = check.number(yuan, path, { min: 0 });
    }
    return result;
  };
  return {
    assumption: true,
    note: check.label(object?.note, 'costDefaults.note'),
    newPerM2: perM2('newPerM2'),
    upgradePerM2: perM2('upgradePerM2'),
  };
}

function reportDuplicates(check: Checker, path: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) check.problem(path, `"${id}" appears twice`);
    seen.add(id);
  }
}
