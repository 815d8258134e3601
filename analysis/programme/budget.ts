import type { FacilityType } from '../city/types.ts';
import { joinRegister, type RegisterEntry } from './register.ts';
import { programmeYear, reachedBy, statusRank } from './status.ts';
import type { ProgrammeProfile, ProgrammeRegister, SiteProgramme, SubsidyRule } from './types.ts';

/**
 * Cost and subsidy of every programme project (sites with a record; baseline facilities cost
 * nothing). Cost = the investment entered for the site, else the profile's default yuan per m²
 * (an assumption) × floor area. Subsidy = the profile's rules; the local share is the rest.
 * Totals per programme year (列入年度, else the first dated step) and per unit.
 *
 * The subsidy is committed once the project is on the year's task list (列入年度任务, status
 * planned or later) and paid only after acceptance (通过验收, the document's 七、资金保障 and
 * 六、工作流程（五）): a proposal commits nothing, a built but unaccepted site is owed, not paid.
 */
export interface SiteBudget {
  siteId: string;
  name: string;
  type: FacilityType;
  upgraded: boolean;
  /** Programme year; null when the record carries no year. */
  year: number | null;
  unitId?: string;
  areaM2: number | null;
  /** null when neither an investment nor a default per m² is known. */
  costYuan: number | null;
  costSource: 'entered' | 'default_per_m2' | 'unknown';
  /** What the rules grant the project, whatever its status (null: cost unknown). */
  subsidyYuan: number | null;
  /** Granted and committed: the project is planned (列入年度任务) or further. */
  subsidyCommittedYuan: number | null;
  /** Granted and paid: the project passed acceptance (通过验收). */
  subsidyPaidYuan: number | null;
  /** Ids of the subsidy rules that applied. */
  subsidyRules: string[];
  localYuan: number | null;
}

export interface BudgetTotals {
  sites: number;
  /** Sites left out of the sums because their cost is unknown. */
  sitesWithoutCost: number;
  costYuan: number;
  subsidyYuan: number;
  subsidyCommittedYuan: number;
  subsidyPaidYuan: number;
  localYuan: number;
}

export interface BudgetEstimate {
  sites: SiteBudget[];
  total: BudgetTotals;
  /** Key: the year, or "unscheduled". */
  byYear: Record<string, BudgetTotals>;
  /** Key: the unit id, or "unassigned". */
  byUnit: Record<string, BudgetTotals>;
  /** Shown with every estimate: default costs are assumptions (English). */
  costAssumption: string;
  /** The same in both languages. */
  costAssumptionText: { zh: string; en: string };
}

export function estimateBudget(
  register: ProgrammeRegister,
  profile: ProgrammeProfile,
  options: {
    year?: number;
    unitIds?: ReadonlyMap<string, string>;
    /** Committed and paid as of the end of this year; default: the records' current status. */
    asOf?: number;
  } = {},
): BudgetEstimate {
  const { entries } = joinRegister(register, profile);
  const sites = entries
    .filter(
      (entry): entry is RegisterEntry & { site: SiteProgramme } =>
        entry.site !== undefined && entry.site.baseline !== true,
    )
    .map((entry) => siteBudget(entry, profile, options.unitIds, options.asOf))
    .filter((site) => options.year === undefined || site.year === options.year);
  const byYear: Record<string, BudgetTotals> = {};
  const byUnit: Record<string, BudgetTotals> = {};
  const total = emptyTotals();
  for (const site of sites) {
    addTo(total, site);
    addTo(bucket(byYear, site.year === null ? 'unscheduled' : String(site.year)), site);
    addTo(bucket(byUnit, site.unitId ?? 'unassigned'), site);
  }
  const note = profile.costDefaults.note;
  return { sites, total, byYear, byUnit, costAssumption: note.en, costAssumptionText: note };
}

function siteBudget(
  entry: RegisterEntry & { site: SiteProgramme },
  profile: ProgrammeProfile,
  unitIds: ReadonlyMap<string, string> | undefined,
  asOf: number | undefined,
): SiteBudget {
  const { facility, site } = entry;
  const recorded = facility.floorAreaM2;
  const area = recorded !== null && recorded > 0 ? recorded : (site.usableAreaM2 ?? null);
  const perM2 = (site.upgraded ? profile.costDefaults.upgradePerM2 : profile.costDefaults.newPerM2)[
    facility.type
  ];
  let costYuan: number | null = null;
  let costSource: SiteBudget['costSource'] = 'unknown';
  if (site.costYuan !== undefined) {
    costYuan = site.costYuan;
    costSource = 'entered';
  } else if (perM2 !== undefined && area !== null) {
    costYuan = round2(perM2 * area);
    costSource = 'default_per_m2';
  }
  const subsidy = costYuan === null ? null : subsidyFor(entry, costYuan, profile);
  const year = programmeYear(site) ?? null;
  const reached = (status: 'planned' | 'accepted') =>
    asOf === undefined
      ? statusRank(site.status) >= statusRank(status)
      : reachedBy(site, status, asOf);
  const granted = subsidy?.yuan ?? null;
  const unitId = site.unitId ?? unitIds?.get(facility.id);
  return {
    siteId: facility.id,
    name: facility.name,
    type: facility.type,
    upgraded: site.upgraded,
    year,
    ...(unitId === undefined ? {} : { unitId }),
    areaM2: area,
    costYuan,
    costSource,
    subsidyYuan: granted,
    subsidyCommittedYuan: granted === null ? null : reached('planned') ? granted : 0,
    subsidyPaidYuan: granted === null ? null : reached('accepted') ? granted : 0,
    subsidyRules: subsidy?.rules ?? [],
    localYuan: costYuan === null || subsidy === null ? null : round2(costYuan - subsidy.yuan),
  };
}

/**
 * The subsidy of one project. Rules in the same group are alternatives (the first match in file
 * order applies, e.g. the ¥20,000 Jiaxing-station grant instead of the ¥10,000 one); rules without
 * a group add up. Each rule: fixed + share × cost, capped; the sum never exceeds the cost when
 * the profile says so.
 */
export function subsidyFor(
  entry: Pick<RegisterEntry, 'roles'> & { site: SiteProgramme },
  costYuan: number,
  profile: ProgrammeProfile,
): { yuan: number; rules: string[] } {
  const usedGroups = new Set<string>();
  const rules: string[] = [];
  let yuan = 0;
  for (const rule of profile.subsidies) {
    if (!matches(rule, entry)) continue;
    if (rule.group !== undefined) {
      if (usedGroups.has(rule.group)) continue;
      usedGroups.add(rule.group);
    }
    let amount = (rule.fixedYuan ?? 0) + (rule.shareOfCost ?? 0) * costYuan;
    if (rule.capYuan !== undefined) amount = Math.min(amount, rule.capYuan);
    yuan += amount;
    rules.push(rule.id);
  }
  if (profile.subsidyNeverExceedsCost) yuan = Math.min(yuan, costYuan);
  return { yuan: round2(yuan), rules };
}

function matches(rule: SubsidyRule, entry: Pick<RegisterEntry, 'roles'> & { site: SiteProgramme }) {
  if (!rule.roles.some((role) => entry.roles.includes(role))) return false;
  if (rule.upgraded !== undefined && rule.upgraded !== entry.site.upgraded) return false;
  if (
    rule.designation !== undefined &&
    !(entry.site.designations ?? []).includes(rule.designation)
  ) {
    return false;
  }
  return true;
}

function bucket(buckets: Record<string, BudgetTotals>, key: string): BudgetTotals {
  buckets[key] ??= emptyTotals();
  return buckets[key];
}

function emptyTotals(): BudgetTotals {
  return {
    sites: 0,
    sitesWithoutCost: 0,
    costYuan: 0,
    subsidyYuan: 0,
    subsidyCommittedYuan: 0,
    subsidyPaidYuan: 0,
    localYuan: 0,
  };
}

function addTo(totals: BudgetTotals, site: SiteBudget): void {
  totals.sites += 1;
  if (site.costYuan === null || site.subsidyYuan === null || site.localYuan === null) {
    totals.sitesWithoutCost += 1;
    return;
  }
  totals.costYuan = round2(totals.costYuan + site.costYuan);
  totals.subsidyYuan = round2(totals.subsidyYuan + site.subsidyYuan);
  totals.subsidyCommittedYuan = round2(
    totals.subsidyCommittedYuan + (site.subsidyCommittedYuan ?? 0),
  );
  totals.subsidyPaidYuan = round2(totals.subsidyPaidYuan + (site.subsidyPaidYuan ?? 0));
  totals.localYuan = round2(totals.localYuan + site.localYuan);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
