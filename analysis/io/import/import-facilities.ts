import { InputError } from '../../errors.ts';
import type { FacilityType } from '../../vocabulary.ts';
import { type Crs, type CrsHint, crsHints } from '../crs/convert.ts';
import type { DistanceToRoads } from '../crs/road-distance.ts';
import { type CrsSuggestion, suggestCrs } from '../crs/suggest-crs.ts';
import { type ReadTableOptions, readTable } from '../table/read-table.ts';
import type { RawTable } from '../table/types.ts';
import type { FacilityField, ImportField } from './column-synonyms.ts';
import {
  type ColumnGuess,
  type ColumnMapping,
  guessColumns,
  withOverrides,
} from './guess-columns.ts';
import { readCoordinates } from './row-checks.ts';
import type { StudyArea } from './study-area.ts';
import {
  type FacilityImport,
  type ValidateFacilitiesOptions,
  validateFacilities,
} from './validate-facilities.ts';

export interface ImportFacilitiesOptions extends ReadTableOptions {
  /** 'auto' (default) suggests one and fails with E_CRS_UNDECIDED when it cannot tell. */
  crs?: Crs | 'auto';
  /** The user's corrections to the guessed mapping; null unmaps a field. */
  mapping?: Partial<Record<FacilityField, string | null>>;
  defaultType?: FacilityType;
  allowOutsideChina?: boolean;
  distanceToRoadsM?: DistanceToRoads;
  /** The city's study area (see study-area.ts); rows outside it are rejected unless kept. */
  studyArea?: StudyArea;
  keepOutsideStudyArea?: boolean;
}

export interface FacilityImportReport extends FacilityImport {
  table: RawTable;
  guess: ColumnGuess<FacilityField>;
  mapping: ColumnMapping<FacilityField>;
  crs: Crs;
  /** How the CRS was chosen: forced by the caller, or the suggestion that decided it. */
  crsChoice: { forced: boolean; suggestion: CrsSuggestion };
}

/**
 * The whole import in one call (the CLI's path): read, guess the mapping (with overrides),
 * decide the CRS, validate. The wizard calls the same steps one by one to show each to the user.
 */
export async function importFacilities(
  bytes: Uint8Array | ArrayBuffer,
  options: ImportFacilitiesOptions = {},
): Promise<FacilityImportReport> {
  const table = await readTable(bytes, options);
  const guess = guessColumns(table, 'facilities');
  const mapping = withOverrides(guess.mapping, options.mapping ?? {});
  const suggestion = suggestTableCrs(table, mapping, options);
  const { crs, forced } = decideCrs(suggestion, options);
  const result = validateFacilities(table, mapping, validateOptions(crs, options));
  return { ...result, table, guess, mapping, crs, crsChoice: { forced, suggestion } };
}

/** The caller's CRS, or the suggestion's; E_CRS_UNDECIDED when neither decides. */
export function decideCrs(
  suggestion: CrsSuggestion,
  options: ImportFacilitiesOptions,
): { crs: Crs; forced: boolean } {
  const forced = options.crs !== undefined && options.crs !== 'auto';
  const crs = forced ? (options.crs as Crs) : suggestion.crs;
  if (crs === 'unknown') {
    const scores = Object.entries(suggestion.scores)
      .map(
        ([name, s]) =>
          `${name}: ${s.medianRoadDistanceM === null ? 'no roads' : `${s.medianRoadDistanceM} m`}`,
      )
      .join(', ');
    throw new InputError(
      'E_CRS_UNDECIDED',
      `${suggestion.en} (median distance to roads — ${scores}); pass --crs wgs84|gcj02|bd09. ${suggestion.zh}`,
      options.fileName === undefined ? {} : { file: options.fileName },
    );
  }
  return { crs, forced };
}

export function validateOptions(
  crs: Crs,
  options: ImportFacilitiesOptions,
): ValidateFacilitiesOptions {
  return {
    crs,
    ...(options.defaultType === undefined ? {} : { defaultType: options.defaultType }),
    ...(options.allowOutsideChina === undefined
      ? {}
      : { allowOutsideChina: options.allowOutsideChina }),
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
    ...(options.studyArea === undefined
      ? {}
      : { studyArea: options.studyArea, keepOutsideStudyArea: options.keepOutsideStudyArea }),
  };
}

/** CRS suggestion for a table under a mapping: hints from its headers and file name, points from its valid rows. */
export function suggestTableCrs(
  table: RawTable,
  mapping: ColumnMapping<ImportField>,
  options: { fileName?: string; distanceToRoadsM?: DistanceToRoads } = {},
): CrsSuggestion {
  const { points, hints } = crsEvidence(table, mapping, options.fileName);
  return suggestCrs(points, {
    hints,
    ...(options.distanceToRoadsM === undefined
      ? {}
      : { distanceToRoadsM: options.distanceToRoadsM }),
  });
}

/** What suggestTableCrs weighs, gathered where the table is (it can then be judged elsewhere). */
export interface CrsEvidence {
  points: [number, number][];
  hints: CrsHint[];
}

export function crsEvidence(
  table: RawTable,
  mapping: ColumnMapping<ImportField>,
  fileName?: string,
): CrsEvidence {
  const coordinateColumns = [mapping.lon, mapping.lat, mapping.lonlat].filter(
    (c): c is string => c !== undefined,
  );
  const hints = crsHints(
    coordinateColumns.length > 0 ? coordinateColumns : table.columns,
    fileName,
  );
  return { points: coordinatePoints(table, table.rows, mapping), hints };
}

/** The readable points of the rows (any CRS, outside China too), for the CRS suggestion. */
export function coordinatePoints(
  table: RawTable,
  rows: Iterable<RawTable['rows'][number]>,
  mapping: ColumnMapping<ImportField>,
): [number, number][] {
  const points: [number, number][] = [];
  if (mapping.lonlat === undefined && (mapping.lon === undefined || mapping.lat === undefined))
    return points;
  for (const row of rows) {
    const point = readCoordinates({ row, table, problems: [] }, mapping, {
      allowOutsideChina: true,
    });
    if (point !== undefined) points.push(point);
  }
  return points;
}
