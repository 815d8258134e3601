import type { FacilityType } from '../city/types.ts';
import { AREA_TYPES, WALKING_SPEED_RANGE_MPS } from '../vocabulary.ts';
import { withVerifiedCitations } from './profile-citations.ts';
import type { Bilingual } from './quote-check.ts';
import {
  FACILITY_ATTRIBUTES,
  FACILITY_TYPES,
  POPULATION_FIELDS,
  type RuleKind,
  SCOPES,
  type StandardsProfile,
  TRAVEL_PROFILES,
  UNIT_LEVELS,
} from './types.ts';

/** One problem of a user-edited profile: where (JSON path) and what (English, and both languages). */
export interface ProfileProblem {
  path: string;
  message: string;
  text: Bilingual;
}

const add = (p: ProfileProblem[], path: string, en: string, zh: string) => {
  p.push({ path, message: en, text: { zh, en } });
};

export type ProfileValidation =
  | { ok: true; profile: StandardsProfile; problems: [] }
  | { ok: false; problems: ProfileProblem[] };

type Check = (value: unknown, path: string, problems: ProfileProblem[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v, path, p) => {
  if (typeof v !== 'string' || v.trim() === '')
    add(p, path, 'must be a non-empty string', '不能为空');
};
const bool: Check = (v, path, p) => {
  if (typeof v !== 'boolean') add(p, path, 'must be true or false', '应为“是”或“否”');
};
const num =
  (min: number, max: number): Check =>
  (v, path, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      add(p, path, `must be a number from ${min} to ${max}`, `应为${min}至${max}之间的数`);
    }
  };
const oneOf =
  (values: readonly string[]): Check =>
  (v, path, p) => {
    if (typeof v !== 'string' || !values.includes(v)) {
      add(p, path, `must be one of ${values.join(', ')}`, '不是可选的取值之一');
    }
  };
const listOf =
  (item: Check, minLength = 0): Check =>
  (v, path, p) => {
    if (!Array.isArray(v)) return void add(p, path, 'must be a list', '应为列表');
    if (v.length < minLength)
      add(p, path, `must list at least ${minLength} item(s)`, `至少应有${minLength}项`);
    v.forEach((entry, i) => {
      item(entry, `${path}[${i}]`, p);
    });
  };
const optional =
  (check: Check): Check =>
  (v, path, p) => {
    if (v !== undefined) check(v, path, p);
  };
const record =
  (fields: Record<string, Check>): Check =>
  (v, path, p) => {
    if (!isObject(v)) return void add(p, path, 'must be an object', '格式不对（应为对象）');
    for (const [key, check] of Object.entries(fields)) check(v[key], `${path}.${key}`, p);
  };

const bilingual = record({ zh: str, en: str });
const nullableNum =
  (min: number, max: number): Check =>
  (v, path, p) => {
    if (v !== null) num(min, max)(v, path, p);
  };

/** `verified` may be present (a copy of a loaded profile) but is always derived again. */
const citation: Check = (v, path, p) => {
  record({
    document: str,
    locator: str,
    quote: str,
    basis: optional(oneOf(['text', 'interpretation'])),
    interpretationReason: optional(bilingual),
    verified: optional(bool),
  })(v, path, p);
  if (!isObject(v)) return;
  for (const key of Object.keys(v)) {
    if (
      !['document', 'locator', 'quote', 'basis', 'interpretationReason', 'verified'].includes(key)
    )
      add(p, `${path}.${key}`, 'unknown field', '未知字段');
  }
  if (v.basis === 'interpretation' && v.interpretationReason === undefined)
    add(
      p,
      `${path}.interpretationReason`,
      'an interpretation needs its reason (zh and en)',
      '推定须写明理由（中英文）',
    );
};
const facilityTypes = listOf(oneOf(FACILITY_TYPES as readonly FacilityType[]), 1);
const share = num(0, 1);
const area = num(0, 1e7);

const RULE_BASE: Record<string, Check> = {
  id: str,
  title: record({ zh: str, en: str }),
  citation,
  severity: oneOf(['high', 'medium', 'low']),
  scopes: listOf(oneOf(SCOPES), 1),
  appliesTo: optional(oneOf([...AREA_TYPES, 'all'])),
  bindsOn: optional(oneOf(['new_residential', 'existing_residential'])),
  binding: optional(bool),
  enabled: optional(bool),
  note: optional(bilingual),
};

/** The fields of each rule kind besides RULE_BASE. Adding a kind means adding a row here. */
const RULE_FIELDS: Record<RuleKind, Record<string, Check>> = {
  coverage_share: {
    travelProfile: oneOf(TRAVEL_PROFILES),
    minutes: num(0.1, 240),
    facilityTypes,
    population: oneOf(POPULATION_FIELDS),
    targetShare: share,
  },
  radius_coverage: {
    radiusM: num(1, 5000),
    method: oneOf(['straight', 'network']),
    facilityTypes,
    population: oneOf(POPULATION_FIELDS),
    targetShare: share,
  },
  area_per_resident: { facilityTypes, requiredM2: area, perResidents: num(1, 1e6) },
  area_per_households: { facilityTypes, requiredM2Per100Households: area },
  count_per_unit: {
    unitLevel: oneOf(UNIT_LEVELS),
    facilityTypes,
    minCount: num(0, 1000),
    minFloorAreaM2: area,
  },
  unit_share: {
    unitLevel: oneOf(UNIT_LEVELS),
    facilityTypes,
    minCount: num(1, 1000),
    minFloorAreaM2: area,
    targetShare: share,
  },
  attribute_share: { facilityTypes, attribute: oneOf(FACILITY_ATTRIBUTES), targetShare: share },
  hotspot_coverage: {
    facilityTypes,
    topCellShare: num(0.001, 1),
    travelProfile: oneOf(TRAVEL_PROFILES),
    minutes: num(0.1, 240),
    population: oneOf(POPULATION_FIELDS),
    targetShare: share,
  },
  site_area: { facilityTypes, minM2: area, maxM2: optional(area) },
  site_floor_level: {
    facilityTypes,
    maxFloorWithoutLift: num(1, 100),
    maxFloorWithLift: nullableNum(1, 100),
  },
};

const settings = record({
  perCapitaAreaBasis: oneOf(['land', 'floor']),
  householdSize: num(1, 10),
  householdsSource: oneOf(['auto', 'derived']),
  walkingSpeedMps: num(...WALKING_SPEED_RANGE_MPS),
  thresholdsMinutes: listOf(num(0.1, 240), 1),
  sfca: record({ supply: oneOf(['floorArea', 'beds']), catchmentMinutes: num(0.1, 240) }),
  clusterMinutes: num(0.1, 240),
});

const rule: Check = (v, path, p) => {
  if (!isObject(v)) return void add(p, path, 'must be an object', '格式不对（应为对象）');
  const kind = v.kind;
  if (typeof kind !== 'string' || !(kind in RULE_FIELDS)) {
    add(p, `${path}.kind`, `must be one of ${Object.keys(RULE_FIELDS).join(', ')}`, '规则类型未知');
    return;
  }
  const fields = { ...RULE_BASE, ...RULE_FIELDS[kind as RuleKind] };
  record(fields)(v, path, p);
  for (const key of Object.keys(v)) {
    if (key !== 'kind' && !(key in fields)) add(p, `${path}.${key}`, 'unknown field', '未知字段');
  }
  const max = v.maxM2;
  if (typeof max === 'number' && typeof v.minM2 === 'number' && max < v.minM2) {
    add(p, `${path}.maxM2`, 'must not be below minM2', '上限不能小于下限');
  }
};

const profileCheck = record({
  id: str,
  name: record({ zh: str, en: str }),
  source: record({
    document: str,
    documentKind: oneOf(['standard', 'report', 'national_standard']),
  }),
  settings,
  rules: listOf(rule, 1),
  targets: optional(listOf(record({ year: num(1900, 2100) }))),
  notes: optional(listOf(bilingual)),
});

/** Checks a whole profile and reports every problem at once (never stops at the first). */
export function validateProfile(input: unknown): ProfileValidation {
  const problems: ProfileProblem[] = [];
  profileCheck(input, '$', problems);
  if (isObject(input) && Array.isArray(input.rules)) {
    const seen = new Set<unknown>();
    input.rules.forEach((r, i) => {
      if (!isObject(r)) return;
      if (seen.has(r.id))
        add(problems, `$.rules[${i}].id`, `duplicate rule id ${String(r.id)}`, '规则编号重复');
      seen.add(r.id);
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    profile: withVerifiedCitations(input as unknown as StandardsProfile),
    problems: [],
  };
}
