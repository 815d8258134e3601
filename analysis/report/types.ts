import type { AnalysisResult } from '../coverage/analyse-city.ts';
import type { UnitInput } from '../coverage/types.ts';
import type { Modification, SiteFacility } from '../siting/scenario-types.ts';
import type { StandardsProfile } from '../standards/types.ts';

/**
 * The committee report: a model (numbers, tables, texts) built once from analysis results and
 * rendered by several independent renderers (HTML for print/PDF, .docx, .xlsx, GeoJSON). The
 * model knows nothing about rendering; the renderers know nothing about the analysis.
 */
export type ReportLang = 'zh' | 'en';

/** What the city folder says about itself (city.json, PROVENANCE.md, METHOD.md). */
export interface ReportCityInfo {
  name: string;
  /** Population model, e.g. 'dasymetric-floor-area'; null when the folder has none. */
  populationMethod: string | null;
  /** True when the facility register is illustrative (示例数据), never to be shown as official. */
  facilitiesIllustrative: boolean;
  /** Road data source, e.g. "© OpenStreetMap contributors", and its licence. */
  attribution: string;
  licence: string;
  osmFile: string;
  /** Short provenance lines (one per data file), already in the report's language or neutral. */
  provenance: string[];
  /** Modelling assumptions quoted from METHOD.md (one line each). */
  methodNotes: string[];
  /** Where the facility register came from when the user imported it (absent: the city's own). */
  register?: ReportRegisterInfo;
  /** Date of the OSM extract (city.json source.osmTimestamp), when recorded. */
  osmTimestamp?: string;
  /** Census year the age shares and per-capita floor area come from (default 2020). */
  censusYear?: number;
  population?: ReportPopulationFacts;
}

/** Provenance of an imported facility register, as the importer reported it. */
export interface ReportRegisterInfo {
  fileName: string;
  accepted: number;
  rejected: number;
  /** Coordinate system the rows were converted from ('wgs84' when none was needed). */
  crsFrom: 'wgs84' | 'gcj02' | 'bd09';
  /** Rows set aside because they lie outside the study area. */
  outsideStudyArea: number;
}

/** The optimiser run a compared scenario came from (problem, threshold, sites, gain, bound). */
export interface ReportOptimiserRun {
  problem: 'mclp' | 'lscp';
  method: string;
  /** Solver status in words, e.g. optimal / time limit. */
  status: string;
  minutes: number;
  newSites: number;
  newlyCoveredElders: number;
  /** Upper bound on the objective (LP bound for greedy, = objective when optimal). */
  bound: number;
  gap: number;
}

/** One scenario analysed after the baseline (ordered modifications, see analysis/siting). */
export type { ReportNetworkEdit } from './network-edits.ts';

import type { ReportNetworkEdit } from './network-edits.ts';

export interface ReportScenario {
  name: string;
  modifications: readonly Modification[];
  facilities: readonly SiteFacility[];
  result: AnalysisResult;
  /** Walking speed and profile after the scenario's settings modifications. */
  walkingSpeedMps: number;
  profileId: string;
  /** The profile the scenario was evaluated against (after a set-profile modification). */
  profile?: StandardsProfile;
  /** Present when the scenario was produced by the site optimiser. */
  optimiser?: ReportOptimiserRun;
  /** Its added links and closed roads: shape, length, cost and what each brings. */
  networkEdits?: ReportNetworkEdit[];
}

/** Sites proposed by the optimiser (analysis/siting optimise*): filled by the host. */
export interface RecommendedSites {
  problem: 'mclp' | 'lscp';
  method: string;
  status: string;
  minutes: number;
  newlyCoveredElders: number;
  coveredShareAfter: number;
  objective: number;
  bound: number;
  gap: number;
  sites: {
    id: string;
    name?: string;
    lon: number;
    lat: number;
    floorAreaM2?: number;
    unitId?: string;
  }[];
}

/** A named road centre line (roads.geojson `name`, `highway`). */
export interface NamedRoad {
  name: string;
  highway: string;
  coordinates: number[][];
}

/** A building with an OSM name: its outer ring [lon, lat][]. */
export interface NamedBuilding {
  name: string;
  ring: number[][];
}

/**
 * Context for maps and place names (reportMapContext in map-context.ts builds it from the
 * city's roads.geojson and buildings.geojson): every road line, named roads, named buildings
 * and the study area's extent [west, south, east, north].
 */
export interface ReportMapContext {
  roads?: number[][][];
  namedRoads?: NamedRoad[];
  buildings?: NamedBuilding[];
  bbox?: [number, number, number, number];
}

/** The population model's assumptions as numbers (from city.json / the model's totals). */
export interface ReportPopulationFacts {
  /** Census area the age shares came from, e.g. "玄武区（320102）"; absent when unknown. */
  censusArea?: string;
  share60: number;
  share65: number;
  share80: number;
  householdSize: number;
  /** Housing floor area per resident, m²; absent when the population was supplied. */
  perCapitaFloorAreaM2?: number;
}

/** One programme year of the implementation plan (analysis/programme estimateBudget). */
export interface ReportProgrammeYear {
  /** The year, or null for projects not yet scheduled. */
  year: number | null;
  /** Projects of the year by name (site names, not ids). */
  tasks: string[];
  sites: number;
  costYuan: number;
  subsidyCommittedYuan: number;
  /** Subsidy paid out so far; null when the register does not record payments. */
  subsidyPaidYuan: number | null;
  localYuan: number;
}

export interface ReportProgramme {
  years: ReportProgrammeYear[];
  /** Sites whose cost is unknown (left out of the sums). */
  sitesWithoutCost: number;
  costAssumption: string;
}

export interface ReportInput {
  lang: ReportLang;
  /** Date printed on the title page (YYYY-MM-DD); the host supplies it so output is reproducible. */
  generatedOn: string;
  city: ReportCityInfo;
  profile: StandardsProfile;
  units: readonly UnitInput[];
  facilities: readonly SiteFacility[];
  baseline: AnalysisResult;
  scenario?: ReportScenario;
  recommended?: RecommendedSites;
  map?: ReportMapContext;
  /** Implementation plan (yearly tasks, cost, subsidy) when a programme register is given. */
  programme?: ReportProgramme;
}

/** A table cell: plain text or text with a tone that renderers colour (pass/fail). */
export type Tone = 'pass' | 'fail' | 'muted' | 'strong';
export type TableCell = string | { text: string; tone: Tone };

export interface ReportTable {
  caption?: string;
  header: string[];
  rows: TableCell[][];
  /** Per column: numbers are right-aligned. */
  numeric?: boolean[];
  /** Per column width in percent of the table (renderers size columns to content without). */
  widths?: number[];
}

/** Figures in the order they are numbered (图1 …): chart, travel-time map, compliance, before/after. */
export const FIGURE_ORDER = [
  'coverage-chart',
  'map-coverage',
  'map-compliance',
  'map-effect',
] as const;
export type FigureId = (typeof FIGURE_ORDER)[number];

export interface ReportFigure {
  id: FigureId;
  caption: string;
  svg: string;
  width: number;
  height: number;
}

export type Block =
  | { kind: 'heading'; text: string; level?: 2 | 3 }
  | { kind: 'paragraph'; text: string; tone?: Tone | 'warning' | 'quote' }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'keyFigures'; items: { label: string; value: string }[] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'figure'; figure: FigureId };

/** The chapters of a planning review document (评审材料), in order. */
export type SectionId =
  | 'overview'
  | 'current'
  | 'compliance'
  | 'proposal'
  | 'effect'
  | 'implementation'
  | 'appendix';

export interface ReportSection {
  id: SectionId;
  title: string;
  blocks: Block[];
}

/** Flat rows for spreadsheets (every finding, every unit), with localised headers. */
export type CellFormat = 'text' | 'int' | 'decimal' | 'percent' | 'area' | 'yuan';
/** A number with its own format (a column of mixed units, e.g. finding values). */
export interface FormattedValue {
  value: number;
  format: CellFormat;
}
export type SheetValue = string | number | boolean | null | FormattedValue;

export interface SheetData {
  name: string;
  header: string[];
  /** Per column: how numbers are shown (percent = fraction shown as %, area = m² #,##0). */
  formats?: CellFormat[];
  rows: SheetValue[][];
  /** Columns kept for joining (ids) but hidden from view. */
  hidden?: number[];
}

export interface ReportModel {
  lang: ReportLang;
  title: string;
  subtitle: string;
  /** Title-page lines: city, profile, date, data status. */
  titleLines: { label: string; value: string }[];
  /** Title of the contents page (目录). */
  contentsTitle: string;
  /** Shown on every page when the register is illustrative. */
  banner: string | null;
  sections: ReportSection[];
  figures: Partial<Record<FigureId, ReportFigure>>;
  sheets: SheetData[];
  /** Running footer text (city · profile). */
  footer: string;
}
