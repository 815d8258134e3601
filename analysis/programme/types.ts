import type { FacilityProperties, FacilityType } from '../city/types.ts';
import type { Bilingual, Citation as QuotedCitation } from '../standards/quote-check.ts';

/**
 * Programme tracking: the yearly building programme of a civil-affairs office, as
 * records kept beside the facility register (analysis/city/types.ts), keyed by facility id.
 */

/** The steps of a project, in order. 列入年度任务 = planned, 评审通过 = reviewed, 验收通过 = accepted. */
export const SITE_STATUSES = [
  'proposed',
  'planned',
  'reviewed',
  'under_construction',
  'built',
  'accepted',
] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** When one step was reached; either may be missing (imported registers often carry only years). */
export interface StatusStep {
  year?: number;
  /** ISO date YYYY-MM-DD. */
  date?: string;
}

export interface SiteProgramme {
  /** Facility id in the register (FacilityProperties.id). */
  id: string;
  status: SiteStatus;
  /** Year/date each step was reached; steps after `status` must be absent. */
  steps: Partial<Record<SiteStatus, StatusStep>>;
  /**
   * True when the project is the upgrade (增效提质) of an existing care center: the facility exists
   * throughout and the status describes the upgrade works.
   */
  upgraded: boolean;
  /** People served (服务人数). */
  capacity?: number;
  /** People the site holds at one time (同时容纳人数), e.g. 能同时容纳10人以上活动. */
  capacityAtOnce?: number;
  usableAreaM2?: number;
  /** Functions offered (服务功能), e.g. 生活服务, 健康管理, 文体娱乐, 家庭支持. Absent = not listed. */
  functions?: string[];
  /** Investment entered by the user (yuan); absent = estimated from the profile's default per m². */
  costYuan?: number;
  /** Recognitions that change the subsidy, e.g. "jiaxing_station" (认定为嘉兴市养老驿站). */
  designations?: string[];
  /** Community-level unit of the site, when known. */
  unitId?: string;
  note?: string;
  /**
   * True for an existing facility whose attributes (capacity, functions, …) are recorded without a
   * status: it is treated like a facility without a record (accepted, timeless, no project).
   */
  baseline?: boolean;
}

/** A register as the programme functions see it. Facilities without a site record are baseline. */
export interface ProgrammeRegister<F extends FacilityProperties = FacilityProperties> {
  /** Any facility shape (e.g. the scenario engine's SiteFacility with lon/lat) is carried through. */
  facilities: readonly F[];
  sites: readonly SiteProgramme[];
}

/**
 * Cited like the standards profiles: a verbatim quote of a document of
 * analysis/standards/documents.ts with its locator; `verified` is derived when the profile is
 * read (the quote is found in the document's text), never taken from the file.
 */
export interface Citation extends QuotedCitation {
  /** How the figure is read, when that needs saying (zh and en). */
  note?: Bilingual;
}

export type Severity = 'error' | 'warning' | 'info';

/** Facility roles named by the rules, e.g. care_center, neighbourhood_point, station. */
export type RoleMapping = Record<string, FacilityType[]>;

interface RuleBase {
  id: string;
  label: { zh: string; en: string };
  /** Roles (keys of ProgrammeProfile.roles) the rule applies to. */
  roles: string[];
  severity: Severity;
  citation: Citation;
}

export interface FloorRule extends RuleBase {
  kind: 'floor';
  /** Highest floor allowed without a lift (1 = ground floor). */
  maxFloorWithoutLift: number;
  /** Highest floor allowed with a lift; null = any. */
  maxFloorWithLift: number | null;
}

export interface MinAreaRule extends RuleBase {
  kind: 'min_area';
  /** usable: SiteProgramme.usableAreaM2, falling back to floor area (flagged as estimated). */
  measure: 'usable' | 'floor';
  minM2: number;
}

export interface MinCapacityRule extends RuleBase {
  kind: 'min_capacity';
  minPeople: number;
  /** atOnce: people held at one time (同时容纳, capacityAtOnce); served: people served (服务人数). */
  measure: 'atOnce' | 'served';
}

export interface FunctionsRule extends RuleBase {
  kind: 'functions';
  /** The functions that count. */
  anyOf: string[];
  minCount: number;
}

export type SiteRule = FloorRule | MinAreaRule | MinCapacityRule | FunctionsRule;

export type TargetMetric = 'count' | 'share_upgraded' | 'coverage_share';

export interface Target {
  id: string;
  year: number;
  metric: TargetMetric;
  label: { zh: string; en: string };
  /** Roles counted (count, share_upgraded); empty for coverage_share. */
  roles: string[];
  /** count: sites; share_upgraded and coverage_share: a share 0–1. */
  value: number;
  /** A site counts as achieved from this status on (as of the end of the year). */
  minStatus: SiteStatus;
  /** Minutes of the service circle, for coverage_share. */
  minutes?: number;
  /** Restricts the target to one unit; absent = citywide. */
  unitId?: string;
  citation: Citation;
}

export interface SubsidyRule {
  id: string;
  label: { zh: string; en: string };
  roles: string[];
  /** true: only upgrade (增效提质) projects; false: only new sites; absent: both. */
  upgraded?: boolean;
  /** Only sites carrying this designation. */
  designation?: string;
  /** Rules sharing a group are alternatives: the first matching one (file order) applies. */
  group?: string;
  fixedYuan?: number;
  /** Share of the investment, 0–1. */
  shareOfCost?: number;
  capYuan?: number;
  citation: Citation;
}

export interface CostDefaults {
  /** Always true: these figures are planning assumptions, not from the document. */
  assumption: true;
  /** Says the figures are assumptions, in both languages. */
  note: Bilingual;
  /** Yuan per m² of floor area by facility type, for new sites and for upgrades. */
  newPerM2: Partial<Record<FacilityType, number>>;
  upgradePerM2: Partial<Record<FacilityType, number>>;
}

export interface ProgrammeProfile {
  id: string;
  name: { zh: string; en: string };
  /** The document the rules transcribe: an id of analysis/standards/documents.ts. */
  document: { id: string; note?: Bilingual };
  roles: RoleMapping;
  /**
   * Roles a designation (认定) adds to a site whatever its type, e.g. a neighbourhood point
   * recognised as a Jiaxing station (纳入嘉兴养老驿站建设任务) is a station too.
   */
  designationRoles: Record<string, string[]>;
  siteRules: SiteRule[];
  targets: Target[];
  subsidies: SubsidyRule[];
  /** When true a site's subsidy never exceeds its cost. */
  subsidyNeverExceedsCost: boolean;
  costDefaults: CostDefaults;
}

export interface SiteFinding {
  rule: string;
  siteId: string;
  /** null = could not be checked (the register lacks the data). */
  pass: boolean | null;
  value: number | string | null;
  required: number | string;
  /** In the rule's own unit (m², people, floors, functions); 0 when passing or unknown. */
  shortfall: number;
  severity: Severity;
  citation: Citation;
  /** `required` in both languages when it is a text (floor limits, function lists). */
  requiredText?: Bilingual;
  /** How the site was read (data missing, floor area for usable area …), in both languages. */
  notes: Bilingual[];
  /** The notes in English (CSV). */
  note?: string;
}
