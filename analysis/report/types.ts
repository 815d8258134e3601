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

/** Light context for maps: road centre lines [lon, lat][] (optional). */
export interface ReportMapContext {
  roads?: number[][][];
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
}

/** A table cell: plain text or text with a tone that renderers colour (pass/fail). */
export type Tone = 'pass' | 'fail' | 'muted';
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

export type FigureId = 'coverage-chart' | 'map-compliance' | 'map-coverage' | 'map-scenario';

export interface ReportFigure {
  id: FigureId;
  caption: string;
  svg: string;
  width: number;
  height: number;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; tone?: Tone | 'warning' }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'keyFigures'; items: { label: string; value: string }[] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'figure'; figure: FigureId };

export type SectionId =
  | 'summary'
  | 'method'
  | 'coverage'
  | 'findings'
  | 'scenario'
  | 'sites'
  | 'maps'
  | 'tables';

export interface ReportSection {
  id: SectionId;
  title: string;
  blocks: Block[];
}

/** Flat rows for spreadsheets (every finding, every unit), with localised headers. */
export interface SheetData {
  name: string;
  header: string[];
  rows: (string | number | boolean | null)[][];
}

export interface ReportModel {
  lang: ReportLang;
  title: string;
  subtitle: string;
  /** Title-page lines: city, profile, date, data status. */
  titleLines: { label: string; value: string }[];
  /** Shown on every page when the register is illustrative. */
  banner: string | null;
  sections: ReportSection[];
  figures: Partial<Record<FigureId, ReportFigure>>;
  sheets: SheetData[];
  /** Running footer text (city · profile). */
  footer: string;
}
