import type { FacilityType } from '../city/types.ts';

/**
 * A standards profile: one official document as data. Rules are a small closed set of kinds,
 * each evaluated by one module in ./rules/. Everything a reader could interpret two ways is an
 * explicit setting (see ProfileSettings).
 */
export { TRAVEL_PROFILES };
export type TravelProfile = TravelProfileName;

import {
  FACILITY_TYPES,
  SCOPES,
  type Scope,
  type Severity,
  TRAVEL_PROFILES,
  type TravelProfileName,
} from '../vocabulary.ts';

export { FACILITY_TYPES };

export const POPULATION_FIELDS = ['elders60', 'elders65', 'elders80', 'residents'] as const;
export type PopulationField = (typeof POPULATION_FIELDS)[number];

export type { Scope, Severity };
export { SCOPES };
export type AreaType = 'urban' | 'rural';

export interface Citation {
  /** Document number or title, e.g. 怀政办函〔2020〕25号. */
  document: string;
  /** Clause or section reference when known, e.g. "第三条" or "5.0.3". */
  clause?: string;
  /** The clause's words in Chinese. */
  text: string;
  /** False when the figure or wording could not be checked against the published text. */
  verified: boolean;
}

export interface ProfileSettings {
  /** How per-capita "m² per resident" norms are read: land area or floor area. */
  perCapitaAreaBasis: 'land' | 'floor';
  /** Used to derive households when population.csv has none (2020 census mean 2.62). */
  householdSize: number;
  /** 'auto': households from the data when present, else residents / householdSize. */
  householdsSource: 'auto' | 'derived';
  /** Elderly walking speed for walk-elderly routing and for 300 m ⇔ minutes (0.8–1.2). */
  walkingSpeedMps: number;
  /** Which rules apply: rules with appliesTo of the other kind are listed as skipped. */
  areaType: AreaType;
  /** Coverage thresholds reported in the summary. */
  thresholdsMinutes: number[];
  /** 2SFCA: supply measure, catchment minutes (walk-elderly), demand is elders60. */
  sfca: { supply: 'floorArea' | 'beds'; catchmentMinutes: number };
  /** Uncovered-elder clusters: cells with no facility within these walk-elderly minutes. */
  clusterMinutes: number;
}

interface RuleBase {
  id: string;
  title: { zh: string; en: string };
  citation: Citation;
  severity: Severity;
  /** Scopes at which findings are produced (site rules always also produce 'site'). */
  scopes: Scope[];
  appliesTo?: AreaType | 'all';
  /** False keeps a rule in the profile for reference without evaluating it. */
  enabled?: boolean;
  note?: string;
}

export interface CoverageShareRule extends RuleBase {
  kind: 'coverage_share';
  travelProfile: TravelProfile;
  minutes: number;
  facilityTypes: FacilityType[];
  population: PopulationField;
  /** 0..1 */
  targetShare: number;
}

export interface RadiusCoverageRule extends RuleBase {
  kind: 'radius_coverage';
  radiusM: number;
  /** straight: cell centroid within radiusM (haversine); network: walk-elderly distance. */
  method: 'straight' | 'network';
  facilityTypes: FacilityType[];
  population: PopulationField;
  targetShare: number;
}

export interface AreaPerResidentRule extends RuleBase {
  kind: 'area_per_resident';
  facilityTypes: FacilityType[];
  /** Required m² per `perResidents` residents (0.1 per 1, 40 per 1,000). */
  requiredM2: number;
  perResidents: number;
}

export interface AreaPerHouseholdsRule extends RuleBase {
  kind: 'area_per_households';
  facilityTypes: FacilityType[];
  /** Required floor area in m² per 100 households. */
  requiredM2Per100Households: number;
}

export interface CountPerUnitRule extends RuleBase {
  kind: 'count_per_unit';
  unitLevel: 'street' | 'community';
  facilityTypes: FacilityType[];
  minCount: number;
  /** Only sites of at least this floor area count (e.g. 1,000 m² comprehensive centers). */
  minFloorAreaM2: number;
}

export interface SiteAreaRule extends RuleBase {
  kind: 'site_area';
  facilityTypes: FacilityType[];
  minM2: number;
  maxM2?: number;
}

export interface SiteFloorLevelRule extends RuleBase {
  kind: 'site_floor_level';
  facilityTypes: FacilityType[];
  /** Highest floor allowed without a lift (floors 1–2 → 2). */
  maxFloorWithoutLift: number;
}

export type Rule =
  | CoverageShareRule
  | RadiusCoverageRule
  | AreaPerResidentRule
  | AreaPerHouseholdsRule
  | CountPerUnitRule
  | SiteAreaRule
  | SiteFloorLevelRule;

export type RuleKind = Rule['kind'];

/** Programme targets (counts by year) kept as data for programme tracking; not evaluated here. */
export interface ProgrammeTarget {
  year: number;
  facilityType?: FacilityType;
  count?: number;
  shareUpgraded?: number;
  note?: string;
}

export interface StandardsProfile {
  id: string;
  name: { zh: string; en: string };
  source: Citation;
  settings: ProfileSettings;
  rules: Rule[];
  targets?: ProgrammeTarget[];
  notes?: string[];
}
