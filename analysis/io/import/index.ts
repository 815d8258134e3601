/**
 * Public entry points of the importers, for the CLI and the import wizard's Web Worker. Every
 * input and output is plain data (structured-cloneable) except DistanceToRoads, which the worker
 * builds itself from the city's roads (roadDistanceIndex) rather than receiving across threads.
 *
 * Wizard order: readTable → guessColumns (show, let the user override: withOverrides) →
 * suggestTableCrs (show scores, let the user choose) → validateFacilities → rejectedRowsCsv.
 */
export {
  CRS_LABELS,
  CRS_LIST,
  type Crs,
  crsHints,
  fromWgs84,
  parseCrs,
  toWgs84,
} from '../crs/convert.ts';
export {
  type DistanceToRoads,
  roadDistanceIndex,
  roadLinesFromGeoJson,
} from '../crs/road-distance.ts';
export { type CrsSuggestion, suggestCrs } from '../crs/suggest-crs.ts';
export { decodeText } from '../table/decode-text.ts';
export { type ReadTableOptions, readTable, sniffFormat } from '../table/read-table.ts';
export type { RawRow, RawTable, Reason, Rejection } from '../table/types.ts';
export type { FacilityField, PopulationField } from './column-synonyms.ts';
export { type FileWarning, tableEmptyColumnWarnings } from './empty-columns.ts';
export { facilityTypeOf } from './facility-type-names.ts';
export {
  type ColumnGuess,
  type ColumnMapping,
  guessColumns,
  withOverrides,
} from './guess-columns.ts';
export {
  type CrsEvidence,
  crsEvidence,
  type FacilityImportReport,
  importFacilities,
  suggestTableCrs,
} from './import-facilities.ts';
export {
  type ImportPopulationOptions,
  importPopulation,
  type PopulationImportReport,
} from './import-population.ts';
export type { ImportProgress, OnImportProgress } from './progress.ts';
export {
  rejectedRowsCsv,
  rejectedRowsCsvLines,
  warnedRowsCsv,
  warnedRowsCsvLines,
} from './rejected-csv.ts';
export {
  DEFAULT_STUDY_AREA_MARGIN_M,
  inStudyArea,
  type StudyArea,
  type StudyAreaOutcome,
  studyAreaOf,
} from './study-area.ts';
export {
  type FacilityCollection,
  type FacilityFeature,
  type FacilityImport,
  type ImportedFacilityProperties,
  validateFacilities,
} from './validate-facilities.ts';
export {
  type PopulationImport,
  type PopulationImportRow,
  validatePopulation,
} from './validate-population.ts';
