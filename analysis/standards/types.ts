import type { FacilityType } from '../city/types.ts';
import type { Bilingual, Citation } from './quote-check.ts';

/**
 * A standards profile: one official document as data. Rules are a small closed set of kinds,
 * each evaluated by one module in ./rules/. Everything a reader could interpret two ways is an
 * explicit setting (see ProfileSettings) or a citation marked basis: 'interpretation'.
 */
export { TRAVEL_PROFILES };
export type TravelProfile = TravelProfileName;
export type { Bilingual, Citation };

import {
  type AreaType,
  FACILITY_TYPES,
  SCOPES,
  type Scope,
  type Severity,
  TRAVEL_PROFILES,
  type TravelProfileName,
  UNIT_LEVELS,
  type UnitLevel,
} from '../vocabulary.ts';

export type { UnitLevel };
export { FACILITY_TYPES, UNIT_LEVELS };

export const POPULATION_FIELDS = ['elders60', 'elders65', 'elders80', 'residents'] as const;
export type PopulationField = (typeof POPULATION_FIELDS)[number];

export type { AreaType, Scope, Severity };
export { SCOPES };

export interface ProfileSettings {
  /** How per-capita "m² per resident" norms are read: land area or floor area. */
  perCapitaAreaBasis: 'land' | 'floor';
  /** Used to derive households when population.csv has none (2020 census mean 2.62). */
  householdSize: number;
  /** 'auto': households from the data when present, else residents / householdSize. */
  householdsSource: 'auto' | 'derived';
  /** Elderly walking speed for walk-elderly routing and for 300 m ⇔ minutes (WALKING_SPEED_RANGE_MPS). */
  walkingSpeedMps: number;
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
  /** Units the rule applies to by their areaType (units.geojson); other units get no finding. */
  appliesTo?: AreaType | 'all';
  /**
   * Units where the rule binds: 'new_residential' (新建居住区) or 'existing_residential' (老城区和已
   * 建成居住区), by the unit's newResidential flag. Elsewhere its findings are benchmarks
   * (binding false, 标杆对照). Absent: binding everywhere.
   */
  bindsOn?: 'new_residential' | 'existing_residential';
  /** False: the whole rule is a benchmark (e.g. 力争达到). Default true. */
  binding?: boolean;
  /** False keeps a rule in the profile for reference without evaluating it. */
  enabled?: boolean;
  note?: Bilingual;
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
  unitLevel: UnitLevel;
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
  /** Highest floor allowed with a lift; null = any floor. Equal to the above: no lift exception. */
  maxFloorWithLift: number | null;
}

/** Share of units (of one level) holding at least minCount sites of the listed kinds. */
export interface UnitShareRule extends RuleBase {
  kind: 'unit_share';
  unitLevel: UnitLevel;
  facilityTypes: FacilityType[];
  minCount: number;
  minFloorAreaM2: number;
  /** 0..1 */
  targetShare: number;
}

/** Optional yes/no fields of the facility register (FacilityProperties). */
export const FACILITY_ATTRIBUTES = ['socialOperation', 'medicalIntegration'] as const;
export type FacilityAttribute = (typeof FACILITY_ATTRIBUTES)[number];

/** Share of facilities of the listed kinds whose register field is true (社会化运营, 医养结合). */
export interface AttributeShareRule extends RuleBase {
  kind: 'attribute_share';
  facilityTypes: FacilityType[];
  attribute: FacilityAttribute;
  targetShare: number;
}

/**
 * Placement where demand is: the cells holding the most `population` (the top `topCellShare` of
 * populated cells, ranked citywide) and the share of their people within `minutes` of a site of
 * the listed kinds.
 */
export interface HotspotCoverageRule extends RuleBase {
  kind: 'hotspot_coverage';
  facilityTypes: FacilityType[];
  /** 0..1, e.g. 0.2 = the top 20 % of populated cells. */
  topCellShare: number;
  travelProfile: TravelProfile;
  minutes: number;
  population: PopulationField;
  targetShare: number;
}

export type Rule =
  | CoverageShareRule
  | RadiusCoverageRule
  | AreaPerResidentRule
  | AreaPerHouseholdsRule
  | CountPerUnitRule
  | SiteAreaRule
  | SiteFloorLevelRule
  | UnitShareRule
  | AttributeShareRule
  | HotspotCoverageRule;

export type RuleKind = Rule['kind'];

/** Programme targets (counts by year) kept as data for programme tracking; not evaluated here. */
export interface ProgrammeTarget {
  year: number;
  facilityType?: FacilityType;
  count?: number;
  shareUpgraded?: number;
  note?: Bilingual;
}

/** Where the profile's text comes from (a document of analysis/standards/documents.ts). */
export interface ProfileSource {
  document: string;
  /** 'report': a report of results (工作情况报告), not a standard; its findings are benchmarks. */
  documentKind: 'standard' | 'report' | 'national_standard';
}

export interface StandardsProfile {
  id: string;
  name: { zh: string; en: string };
  source: ProfileSource;
  settings: ProfileSettings;
  rules: Rule[];
  targets?: ProgrammeTarget[];
  notes?: Bilingual[];
}
