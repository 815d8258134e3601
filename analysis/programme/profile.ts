import type { FacilityType } from '../city/types.ts';
import { InputError } from '../errors.ts';
import { Checker, type Json, type JsonObject } from './profile-check.ts';
import {
  type Citation,
  type CostDefaults,
  type ProgrammeProfile,
  SITE_STATUSES,
  type SiteRule,
  type SubsidyRule,
  type Target,
} from './types.ts';

/**
 * Validates a programme profile (analysis/programme/profiles/*.programme.json, or a user's edited
 * copy) and reports every problem at once, each with its path in the file.
 */
export const FACILITY_TYPES: readonly FacilityType[] = [
  'street_center',
  'community_station',
  'day_care',
  'embedded_institution',
  'neighbourhood_point',
  'care_post',
];

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
  const document = check.object(root.document, 'document');
  const profile: ProgrammeProfile = {
    id: check.string(root.id, 'id'),
    name: check.label(root.name, 'name'),
    document: {
      title: check.string(document?.title, 'document.title'),
      issuer: check.optionalString(document?.issuer, 'document.issuer'),
      year: check.optionalNumber(document?.year, 'document.year'),
      verified: check.boolean(document?.verified, 'document.verified'),
      note: check.optionalString(document?.note, 'document.note'),
    },
    roles,
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

function readCitation(check: Checker, value: Json | undefined, path: string): Citation {
  const object = check.object(value, path);
  check.noExtraKeys(object, path, ['document', 'clause', 'verified', 'note']);
  return {
    document: check.string(object?.document, `${path}.document`),
    clause: check.string(object?.clause, `${path}.clause`),
    verified: check.boolean(object?.verified, `${path}.verified`),
    note: check.optionalString(object?.note, `${path}.note`),
  };
}

type RoleChecker = (value: Json | undefined, path: string) => string[];

const RULE_KEYS = ['id', 'kind', 'label', 'roles', 'severity', 'citation'];

function readSiteRule(check: Checker, value: Json, path: string, roles: RoleChecker): SiteRule {
  const rule: JsonObject = check.object(value, path) ?? {};
  const base = {
    id: check.string(rule.id, `${path}.id`),
    label: check.label(rule.label, `${path}.label`),
    roles: roles(rule.roles, `${path}.roles`),
    severity: check.oneOf(rule.severity, `${path}.severity`, ['error', 'warning', 'info'] as const),
    citation: readCitation(check, rule.citation, `${path}.citation`),
  };
  const kind = check.oneOf(rule.kind, `${path}.kind`, [
    'floor',
    'min_area',
    'min_capacity',
    'functions',
  ] as const);
  const at = (key: string) => `${path}.${key}`;
  switch (kind) {
    case 'floor':
      check.noExtraKeys(rule, path, [...RULE_KEYS, 'maxFloorWithoutLift', 'maxFloorWithLift']);
      return {
        ...base,
        kind,
        maxFloorWithoutLift: check.number(rule.maxFloorWithoutLift, at('maxFloorWithoutLift'), {
          min: 1,
        }),
        maxFloorWithLift:
          rule.maxFloorWithLift === null
            ? null
            : check.number(rule.maxFloorWithLift, at('maxFloorWithLift'), { min: 1 }),
      };
    case 'min_area':
      check.noExtraKeys(rule, path, [...RULE_KEYS, 'measure', 'minM2']);
      return {
        ...base,
        kind,
        measure: check.oneOf(rule.measure, at('measure'), ['usable', 'floor'] as const),
        minM2: check.number(rule.minM2, at('minM2'), { min: 0 }),
      };
    case 'min_capacity':
      check.noExtraKeys(rule, path, [...RULE_KEYS, 'minPeople']);
      return {
        ...base,
        kind,
        minPeople: check.number(rule.minPeople, at('minPeople'), { min: 0 }),
      };
    case 'functions': {
      check.noExtraKeys(rule, path, [...RULE_KEYS, 'anyOf', 'minCount']);
      const anyOf = check.strings(rule.anyOf, at('anyOf'));
      const minCount = check.number(rule.minCount, at('minCount'), { min: 1, max: anyOf.length });
      return { ...base, kind, anyOf, minCount };
    }
  }
}

function readTarget(check: Checker, value: Json, path: string, roles: RoleChecker): Target {
  const target: JsonObject = check.object(value, path) ?? {};
  check.noExtraKeys(target, path, [
    'id',
    'year',
    'metric',
    'label',
    'roles',
    'value',
    'minStatus',
    'minutes',
    'unitId',
    'citation',
  ]);
  const metric = check.oneOf(target.metric, `${path}.metric`, [
    'count',
    'share_upgraded',
    'coverage_share',
  ] as const);
  return {
    id: check.string(target.id, `${path}.id`),
    year: check.number(target.year, `${path}.year`, { min: 1900, max: 2200 }),
    metric,
    label: check.label(target.label, `${path}.label`),
    roles: roles(target.roles, `${path}.roles`),
    value: check.number(
      target.value,
      `${path}.value`,
      metric === 'count' ? { min: 0 } : { min: 0, max: 1 },
    ),
    minStatus: check.oneOf(target.minStatus, `${path}.minStatus`, SITE_STATUSES),
    minutes: check.optionalNumber(target.minutes, `${path}.minutes`, { min: 1 }),
    unitId: check.optionalString(target.unitId, `${path}.unitId`),
    citation: readCitation(check, target.citation, `${path}.citation`),
  };
}

function readSubsidy(check: Checker, value: Json, path: string, roles: RoleChecker): SubsidyRule {
  const rule: JsonObject = check.object(value, path) ?? {};
  check.noExtraKeys(rule, path, [
    'id',
    'label',
    'roles',
    'upgraded',
    'designation',
    'group',
    'fixedYuan',
    'shareOfCost',
    'capYuan',
    'citation',
  ]);
  const subsidy: SubsidyRule = {
    id: check.string(rule.id, `${path}.id`),
    label: check.label(rule.label, `${path}.label`),
    roles: roles(rule.roles, `${path}.roles`),
    upgraded:
      rule.upgraded === undefined ? undefined : check.boolean(rule.upgraded, `${path}.upgraded`),
    designation: check.optionalString(rule.designation, `${path}.designation`),
    group: check.optionalString(rule.group, `${path}.group`),
    fixedYuan: check.optionalNumber(rule.fixedYuan, `${path}.fixedYuan`, { min: 0 }),
    shareOfCost: check.optionalNumber(rule.shareOfCost, `${path}.shareOfCost`, { min: 0, max: 1 }),
    capYuan: check.optionalNumber(rule.capYuan, `${path}.capYuan`, { min: 0 }),
    citation: readCitation(check, rule.citation, `${path}.citation`),
  };
  if (subsidy.fixedYuan === undefined && subsidy.shareOfCost === undefined) {
    check.problem(path, 'needs fixedYuan or shareOfCost');
  }
  return subsidy;
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
    note: check.string(object?.note, 'costDefaults.note'),
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
