import * as Comlink from 'comlink';
import type { CrsHint } from '../../../analysis/io/crs/convert.ts';
import {
  type ColumnMapping,
  crsEvidence,
  type FacilityFeature,
  type FacilityField,
  type FacilityImport,
  type FileWarning,
  guessColumns,
  type ImportProgress,
  type PopulationField,
  type PopulationImport,
  type RawTable,
  type Rejection,
  readTable,
  rejectedRowsCsv,
  type StudyAreaOutcome,
  validateFacilities,
  validatePopulation,
} from '../../../analysis/io/import/index.ts';
import { type PopulationCells, populationCells } from '../import/population-cells.ts';
import type { AcceptedPreview } from '../import/ResultStep.tsx';
import {
  failure,
  type ReadImportResult,
  type ValidateImportOptions,
  type WorkerResult,
} from './import-api.ts';
import { throttled } from './progress-throttle.ts';

/**
 * The import wizard's reading and checking, in a worker of its own: the page terminates it to
 * cancel (a synchronous parse cannot be interrupted any other way) and starts a new one on next
 * use. The table and the last validation stay here; the page gets summaries small enough to
 * arrive without a long task (a few hundred rows), and the accepted features in slices at apply.
 */
export interface ImportFileRead extends ReadImportResult {
  /** Data rows in the file; `table.rows` holds the opening rows only (the mapping's samples). */
  rowCount: number;
}

export interface ValidatedSummary {
  counts: FacilityImport['counts'];
  /** The first LISTED_REJECTIONS problems; all of them are in the downloaded CSV. */
  rejections: Rejection[];
  rejectionCount: number;
  fileWarnings: FileWarning[];
  accepted: AcceptedPreview[];
  studyArea?: StudyAreaOutcome;
  /** Population only: the accepted rows on the city's H3 grid. */
  cells?: PopulationCells;
}

export type OnProgress = (progress: ImportProgress) => void;

const SAMPLE_ROWS = 200;
// A hundred rows of each are enough to judge a file by, and keep the result step quick to lay
// out (four hundred table rows took some 300 ms of the page's time); the CSV has them all.
const LISTED_REJECTIONS = 100;
const PREVIEW_ROWS = 100;
const OUTSIDE_POINTS = 2_000;

let held: { key: string; table: RawTable } | undefined;
let validated:
  | { key: string; kind: 'facilities'; result: FacilityImport }
  | { key: string; kind: 'population'; result: PopulationImport }
  | undefined;

function heldTable(key: string): RawTable {
  if (held === undefined || held.key !== key) throw new Error(`the file ${key} is not read here`);
  return held.table;
}

function attempt<T>(work: () => T): WorkerResult<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return failure(error);
  }
}

export const importFileApi = {
  async read(
    key: string,
    file: Blob,
    options: { fileName: string; sheet?: string; headerRow?: number },
    onProgress?: OnProgress,
  ): Promise<WorkerResult<ImportFileRead>> {
    held = undefined;
    validated = undefined;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const table = await readTable(bytes, { ...options, onProgress: throttled(onProgress) });
      held = { key, table };
      return {
        ok: true,
        value: {
          table: { ...table, rows: table.rows.slice(0, SAMPLE_ROWS) },
          rowCount: table.rows.length,
          facilities: guessColumns(table, 'facilities'),
          population: guessColumns(table, 'population'),
        },
      };
    } catch (error) {
      return failure(error);
    }
  },

  /** The CRS evidence of the whole table, points packed (lon, lat, …) and transferred. */
  crsEvidence(
    key: string,
    mapping: ColumnMapping,
    fileName: string,
  ): WorkerResult<{ points: Float64Array; hints: CrsHint[] }> {
    const answer = attempt(() => crsEvidence(heldTable(key), mapping, fileName));
    if (!answer.ok) return answer;
    const points = new Float64Array(answer.value.points.flat());
    return Comlink.transfer({ ok: true, value: { points, hints: answer.value.hints } }, [
      points.buffer,
    ]);
  },

  validateFacilities(
    key: string,
    validateKey: string,
    mapping: ColumnMapping<FacilityField>,
    options: ValidateImportOptions,
    onProgress?: OnProgress,
  ): WorkerResult<ValidatedSummary> {
    validated = undefined;
    return attempt(() => {
      const result = validateFacilities(heldTable(key), mapping, {
        ...options,
        onProgress: throttled(onProgress),
      });
      validated = { key: validateKey, kind: 'facilities', result };
      return {
        ...listed(result),
        fileWarnings: result.fileWarnings,
        accepted: result.collection.features.slice(0, PREVIEW_ROWS).map(facilityPreview),
        ...(result.studyArea === undefined
          ? {}
          : {
              studyArea: {
                ...result.studyArea,
                outsidePoints: result.studyArea.outsidePoints.slice(0, OUTSIDE_POINTS),
              },
            }),
      };
    });
  },

  validatePopulation(
    key: string,
    validateKey: string,
    mapping: ColumnMapping<PopulationField>,
    options: ValidateImportOptions & { h3Resolution: number },
    onProgress?: OnProgress,
  ): WorkerResult<ValidatedSummary> {
    validated = undefined;
    return attempt(() => {
      const result = validatePopulation(heldTable(key), mapping, {
        crs: options.crs,
        ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
        onProgress: throttled(onProgress),
      });
      validated = { key: validateKey, kind: 'population', result };
      return {
        ...listed(result),
        fileWarnings: [],
        accepted: result.rows.slice(0, PREVIEW_ROWS).map(populationPreview),
        cells: populationCells(result.rows, options.h3Resolution),
      };
    });
  },

  /** Whether this worker still holds that validation (a cancel ends the worker that held it). */
  holdsValidation(validateKey: string): boolean {
    return validated?.key === validateKey;
  },

  /** A slice of the accepted facilities, for apply: small messages instead of one huge one. */
  acceptedFeatures(validateKey: string, from: number, count: number): FacilityFeature[] {
    if (validated?.key !== validateKey || validated.kind !== 'facilities')
      throw new Error('no such validation here');
    return validated.result.collection.features.slice(from, from + count);
  },

  rejectedCsv(validateKey: string): string {
    if (validated?.key !== validateKey || held === undefined)
      throw new Error('no such validation here');
    return rejectedRowsCsv(held.table, validated.result.rejections);
  },
};

export type ImportFileApi = typeof importFileApi;

function listed(result: FacilityImport | PopulationImport) {
  return {
    counts: result.counts,
    rejections: result.rejections.slice(0, LISTED_REJECTIONS),
    rejectionCount: result.rejections.length,
  };
}

function facilityPreview(f: FacilityFeature): AcceptedPreview {
  return {
    row: f.properties.source_row,
    name: f.properties.name,
    source: [f.properties.source_lon, f.properties.source_lat],
    wgs84: f.geometry.coordinates,
  };
}

function populationPreview(r: PopulationImport['rows'][number]): AcceptedPreview {
  return {
    row: r.source_row,
    name: r.name ?? r.h3 ?? r.id ?? '',
    source:
      r.source_lon === undefined || r.source_lat === undefined
        ? null
        : [r.source_lon, r.source_lat],
    wgs84: r.lon === undefined || r.lat === undefined ? null : [r.lon, r.lat],
  };
}
