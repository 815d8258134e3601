import type { FacilityType } from '../../../analysis/city/types.ts';
import { buildCity } from '../../../analysis/city/write-city.ts';
import { isInputError } from '../../../analysis/errors.ts';
import type { CrsHint } from '../../../analysis/io/crs/convert.ts';
import {
  type ColumnGuess,
  type ColumnMapping,
  type Crs,
  type CrsSuggestion,
  type DistanceToRoads,
  type FacilityField,
  type FacilityImport,
  guessColumns,
  type PopulationField,
  type PopulationImport,
  type RawTable,
  type Rejection,
  readTable,
  rejectedRowsCsv,
  roadDistanceIndex,
  roadLinesFromGeoJson,
  suggestCrs,
  suggestTableCrs,
  validateFacilities,
  validatePopulation,
} from '../../../analysis/io/import/index.ts';
import type { StudyArea } from '../../../analysis/io/import/study-area.ts';
import { readOsm } from '../../../analysis/io/osm/read-osm.ts';

/**
 * The import wizard's half of the analysis worker: reading, guessing, CRS suggestion, validation
 * and the in-browser city build all run here, off the main thread. Every function answers with a
 * WorkerResult rather than throwing, because comlink keeps only an error's message: the wizard
 * needs the stable code (E_EMPTY_FILE...) and whether it is the user's problem or a bug.
 */
export interface WorkerError {
  code: string;
  message: string;
  /** True for an InputError (the file's problem); false means a bug. */
  userError: boolean;
}

export type WorkerResult<T> = { ok: true; value: T } | { ok: false; error: WorkerError };

export interface ReadImportResult {
  table: RawTable;
  facilities: ColumnGuess<FacilityField>;
  population: ColumnGuess<PopulationField>;
}

export type ImportKind = 'facilities' | 'population';

export interface ValidateImportOptions {
  crs: Crs;
  defaultType?: FacilityType;
  fileName?: string;
  /** Facilities only: the city's study area, and whether rows outside it are kept. */
  studyArea?: StudyArea;
  keepOutsideStudyArea?: boolean;
}

export interface BuiltCityFiles {
  /** File path → content, exactly as build-city would write them. */
  files: { path: string; bytes: Uint8Array | string }[];
  warnings: string[];
}

let distanceToRoads: DistanceToRoads | undefined;

function attempt<T>(work: () => T): WorkerResult<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return failure(error);
  }
}

export function failure(error: unknown): { ok: false; error: WorkerError } {
  if (isInputError(error))
    return { ok: false, error: { code: error.code, message: error.message, userError: true } };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'E_BUG', message, userError: false } };
}

export const importApi = {
  /** The current city's roads (WGS-84 GeoJSON), the reference for the CRS suggestion. */
  setImportRoads(roads: unknown): number {
    const lines = roadLinesFromGeoJson(roads);
    distanceToRoads = roadDistanceIndex(lines);
    return lines.length;
  },

  async readImportFile(
    bytes: Uint8Array,
    options: { fileName: string; sheet?: string; headerRow?: number },
  ): Promise<WorkerResult<ReadImportResult>> {
    try {
      const table = await readTable(bytes, options);
      return {
        ok: true,
        value: {
          table,
          facilities: guessColumns(table, 'facilities'),
          population: guessColumns(table, 'population'),
        },
      };
    } catch (error) {
      return failure(error);
    }
  },

  /**
   * The suggestion from evidence gathered by the import worker, which holds the table (points
   * packed lon, lat, …): judged here, against the roads this worker holds.
   */
  suggestImportCrsFrom(points: Float64Array, hints: CrsHint[]): WorkerResult<CrsSuggestion> {
    return attempt(() => {
      const pairs: [number, number][] = [];
      for (let i = 0; i + 1 < points.length; i += 2) pairs.push([points[i], points[i + 1]]);
      return suggestCrs(pairs, {
        hints,
        ...(distanceToRoads === undefined ? {} : { distanceToRoadsM: distanceToRoads }),
      });
    });
  },

  suggestImportCrs(
    table: RawTable,
    mapping: ColumnMapping,
    fileName: string,
  ): WorkerResult<CrsSuggestion> {
    return attempt(() =>
      suggestTableCrs(table, mapping, {
        fileName,
        ...(distanceToRoads === undefined ? {} : { distanceToRoadsM: distanceToRoads }),
      }),
    );
  },

  validateFacilityImport(
    table: RawTable,
    mapping: ColumnMapping<FacilityField>,
    options: ValidateImportOptions,
  ): WorkerResult<FacilityImport> {
    return attempt(() => validateFacilities(table, mapping, options));
  },

  validatePopulationImport(
    table: RawTable,
    mapping: ColumnMapping<PopulationField>,
    options: ValidateImportOptions,
  ): WorkerResult<PopulationImport> {
    return attempt(() =>
      validatePopulation(table, mapping, {
        crs: options.crs,
        ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
      }),
    );
  },

  rejectedRowsCsv(table: RawTable, rejections: Rejection[]): string {
    return rejectedRowsCsv(table, rejections);
  },

  /** Reads an OSM extract and builds every file of a city folder, in memory. */
  buildCityFromOsm(
    bytes: Uint8Array,
    fileName: string,
    name: string,
  ): WorkerResult<BuiltCityFiles> {
    return attempt(() => {
      const osm = readOsm(bytes, fileName);
      const built = buildCity({ osm, osmFile: fileName, name, command: `browser: ${fileName}` });
      return { files: built.files, warnings: built.manifest.warnings };
    });
  },
};
