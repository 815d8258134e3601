import type { FacilityProperties } from '../city/types.ts';
import type { Bilingual } from '../standards/quote-check.ts';
import { joinRegister, recordOf } from './register.ts';
import type {
  FloorRule,
  FunctionsRule,
  MinAreaRule,
  MinCapacityRule,
  ProgrammeProfile,
  ProgrammeRegister,
  SiteFinding,
  SiteProgramme,
  SiteRule,
} from './types.ts';

/**
 * Checks every site against the profile's site rules (floor level and lift, minimum area,
 * capacity, functions offered) and returns one finding per (rule, site) the rule applies to.
 * A rule applies to a site when the site's facility type maps to one of the rule's roles.
 */
export function checkSiteRules(
  register: ProgrammeRegister,
  profile: ProgrammeProfile,
  options: { siteIds?: readonly string[] } = {},
): SiteFinding[] {
  const { entries } = joinRegister(register, profile);
  const wanted = options.siteIds === undefined ? undefined : new Set(options.siteIds);
  const findings: SiteFinding[] = [];
  for (const entry of entries) {
    if (wanted !== undefined && !wanted.has(entry.facility.id)) continue;
    for (const rule of profile.siteRules) {
      if (!rule.roles.some((role) => entry.roles.includes(role))) continue;
      findings.push(checkRule(rule, entry.facility, recordOf(entry)));
    }
  }
  return findings;
}

/** One rule on one site. Exported for the workspace, which re-checks a site as it is edited. */
export function checkRule(
  rule: SiteRule,
  facility: FacilityProperties,
  site: SiteProgramme,
): SiteFinding {
  switch (rule.kind) {
    case 'floor':
      return checkFloor(rule, facility);
    case 'min_area':
      return checkArea(rule, facility, site);
    case 'min_capacity':
      return checkCapacity(rule, facility, site);
    case 'functions':
      return checkFunctions(rule, facility, site);
  }
}

/** Notes a site finding may carry, in both languages (the English one is also `note`). */
const NOTES = {
  noFloor: { zh: '楼层未填写', en: 'floor level not given' },
  noLift: { zh: '未记录电梯，按无电梯计', en: 'lift not recorded: taken as no lift' },
  usableFromFloor: {
    zh: '未填使用面积，以建筑面积代替（偏宽的上限）',
    en: 'usable area not given: floor area used (an upper bound)',
  },
  noArea: { zh: '面积未填写', en: 'area not given' },
  noCapacityAtOnce: {
    zh: '未填同时容纳人数',
    en: 'capacity at one time (同时容纳人数) not given',
  },
  noCapacity: { zh: '未填服务人数', en: 'capacity (服务人数) not given' },
  noFunctions: { zh: '名册未列服务功能', en: 'the register lists no functions' },
} satisfies Record<string, Bilingual>;

type FindingFields = Omit<Partial<SiteFinding>, 'note' | 'notes'> & { note?: Bilingual };

function finding(rule: SiteRule, siteId: string, fields: FindingFields): SiteFinding {
  const pass = fields.pass ?? null;
  const { note, ...rest } = fields;
  return {
    rule: rule.id,
    siteId,
    pass,
    value: fields.value ?? null,
    required: fields.required ?? '',
    shortfall: fields.shortfall ?? 0,
    // A rule that cannot be checked is not a failure: it is listed so the data can be completed.
    severity: pass === null ? 'info' : rule.severity,
    citation: rule.citation,
    ...(rest.requiredText === undefined ? {} : { requiredText: rest.requiredText }),
    notes: note === undefined ? [] : [note],
    ...(note === undefined ? {} : { note: note.en }),
  };
}

function checkFloor(rule: FloorRule, facility: FacilityProperties): SiteFinding {
  const floor = facility.floorLevel;
  const lift = facility.hasLift === true;
  const limit = lift ? rule.maxFloorWithLift : rule.maxFloorWithoutLift;
  const required =
    limit === null ? 'any floor (with lift)' : `floor ≤ ${limit}${lift ? ' (with lift)' : ''}`;
  const requiredText =
    limit === null
      ? { zh: '有电梯，楼层不限', en: required }
      : { zh: `${limit}层及以下${lift ? '（有电梯）' : ''}`, en: required };
  if (floor === null || !Number.isFinite(floor)) {
    return finding(rule, facility.id, { required, requiredText, note: NOTES.noFloor });
  }
  const pass = limit === null || floor <= limit;
  const note = !pass && !lift && facility.hasLift === undefined ? NOTES.noLift : undefined;
  return finding(rule, facility.id, {
    pass,
    value: floor,
    required,
    requiredText,
    shortfall: pass || limit === null ? 0 : floor - limit,
    note,
  });
}

function checkArea(
  rule: MinAreaRule,
  facility: FacilityProperties,
  site: SiteProgramme,
): SiteFinding {
  const required = rule.minM2;
  let area = rule.measure === 'usable' ? site.usableAreaM2 : facility.floorAreaM2;
  let note: Bilingual | undefined;
  if (rule.measure === 'usable' && area === undefined) {
    // Usable area is rarely in a register; floor area is an upper bound of it, so a pass is
    // provisional and the finding says so.
    area = facility.floorAreaM2;
    note = NOTES.usableFromFloor;
  }
  if (area === undefined || area === null || !Number.isFinite(area) || area <= 0) {
    return finding(rule, facility.id, { required, note: NOTES.noArea });
  }
  const pass = area >= required;
  return finding(rule, facility.id, {
    pass,
    value: area,
    required,
    shortfall: pass ? 0 : round2(required - area),
    note,
  });
}

function checkCapacity(
  rule: MinCapacityRule,
  facility: FacilityProperties,
  site: SiteProgramme,
): SiteFinding {
  const required = rule.minPeople;
  // People served over time say nothing of how many a room holds at once: never substituted.
  const people = rule.measure === 'atOnce' ? site.capacityAtOnce : site.capacity;
  if (people === undefined) {
    const note = rule.measure === 'atOnce' ? NOTES.noCapacityAtOnce : NOTES.noCapacity;
    return finding(rule, facility.id, { required, note });
  }
  const pass = people >= required;
  return finding(rule, facility.id, {
    pass,
    value: people,
    required,
    shortfall: pass ? 0 : required - people,
  });
}

function checkFunctions(
  rule: FunctionsRule,
  facility: FacilityProperties,
  site: SiteProgramme,
): SiteFinding {
  const required = `≥ ${rule.minCount} of ${rule.anyOf.join('、')}`;
  const requiredText = {
    zh: `${rule.anyOf.join('、')}中至少${rule.minCount}项`,
    en: required,
  };
  if (site.functions === undefined) {
    return finding(rule, facility.id, { required, requiredText, note: NOTES.noFunctions });
  }
  const offered = rule.anyOf.filter((name) => site.functions?.includes(name));
  const pass = offered.length >= rule.minCount;
  return finding(rule, facility.id, {
    pass,
    value: offered.join('、'),
    required,
    requiredText,
    shortfall: pass ? 0 : rule.minCount - offered.length,
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
