import { checkCitation } from '../standards/quote-check.ts';
import type { Checker, Json, JsonObject } from './profile-check.ts';
import {
  type Citation,
  SITE_STATUSES,
  type SiteRule,
  type SubsidyRule,
  type Target,
} from './types.ts';

/** Readers of the cited parts of a programme profile (site rules, targets, subsidies). */

/**
 * A verbatim citation (document id, locator, quote); `verified` is derived here from the quote
 * being found in the document's text, so a value in the file is ignored. An interpretation
 * needs its reason.
 */
export function readCitation(check: Checker, value: Json | undefined, path: string): Citation {
  const object = check.object(value, path);
  check.noExtraKeys(object, path, [
    'document',
    'locator',
    'quote',
    'basis',
    'interpretationReason',
    'verified',
    'note',
  ]);
  const basis =
    object?.basis === undefined
      ? undefined
      : check.oneOf(object.basis, `${path}.basis`, ['text', 'interpretation'] as const);
  const reason =
    object?.interpretationReason === undefined
      ? undefined
      : check.label(object.interpretationReason, `${path}.interpretationReason`);
  if (basis === 'interpretation' && reason === undefined) {
    check.problem(`${path}.interpretationReason`, 'an interpretation needs its reason (zh and en)');
  }
  const cited = {
    document: check.string(object?.document, `${path}.document`),
    locator: check.string(object?.locator, `${path}.locator`),
    quote: check.string(object?.quote, `${path}.quote`),
    ...(basis === undefined ? {} : { basis }),
    ...(reason === undefined ? {} : { interpretationReason: reason }),
  };
  return {
    ...cited,
    verified: checkCitation(cited).found,
    ...(object?.note === undefined ? {} : { note: check.label(object.note, `${path}.note`) }),
  };
}

export type RoleChecker = (value: Json | undefined, path: string) => string[];

const RULE_KEYS = ['id', 'kind', 'label', 'roles', 'severity', 'citation'];

export function readSiteRule(
  check: Checker,
  value: Json,
  path: string,
  roles: RoleChecker,
): SiteRule {
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
      check.noExtraKeys(rule, path, [...RULE_KEYS, 'minPeople', 'measure']);
      return {
        ...base,
        kind,
        minPeople: check.number(rule.minPeople, at('minPeople'), { min: 0 }),
        measure: check.oneOf(rule.measure, at('measure'), ['atOnce', 'served'] as const),
      };
    case 'functions': {
      check.noExtraKeys(rule, path, [...RULE_KEYS, 'anyOf', 'minCount']);
      const anyOf = check.strings(rule.anyOf, at('anyOf'));
      const minCount = check.number(rule.minCount, at('minCount'), { min: 1, max: anyOf.length });
      return { ...base, kind, anyOf, minCount };
    }
  }
}

export function readTarget(check: Checker, value: Json, path: string, roles: RoleChecker): Target {
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

export function readSubsidy(
  check: Checker,
  value: Json,
  path: string,
  roles: RoleChecker,
): SubsidyRule {
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
