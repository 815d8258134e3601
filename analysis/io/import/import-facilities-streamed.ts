import { InputError } from '../../errors.ts';
import { crsHints } from '../crs/convert.ts';
import { suggestCrs } from '../crs/suggest-crs.ts';
import { isEmptyRow, type TableScan } from '../table/build-table.ts';
import { scanCsv } from '../table/read-csv.ts';
import { scanWorkbook, sniffFormat } from '../table/read-table.ts';
import type { RawRow, RawTable } from '../table/types.ts';
import type { FacilityField } from './column-synonyms.ts';
import { type ColumnFill, columnFillCounter } from './empty-columns.ts';
import {
  type ColumnGuess,
  type ColumnMapping,
  guessColumns,
  withOverrides,
} from './guess-columns.ts';
import {
  coordinatePoints,
  decideCrs,
  type FacilityImportReport,
  type ImportFacilitiesOptions,
  validateOptions,
} from './import-facilities.ts';
import { type FacilityImport, idKey, validateFacilities } from './validate-facilities.ts';

/** Rows validated together: the largest batch held in memory at once. */
const BATCH_ROWS = 20_000;
/** guessColumns looks at the first rows only (its SAMPLE_ROWS); a few more are harmless. */
const GUESS_ROWS = 200;

/** One batch of rows and its validation, in file order; `table.rows` holds this batch only. */
export interface FacilityBatch extends FacilityImport {
  table: RawTable;
}

export interface StreamedFacilityImport
  extends Pick<FacilityImportReport, 'guess' | 'mapping' | 'crs' | 'crsChoice'> {
  /** The table's header and metadata (rows: the opening rows only). */
  table: RawTable;
  /** Validates the rows batch by batch (each call reads the file again). */
  batches(): Generator<FacilityBatch>;
}

/**
 * The CLI's import of a large CSV or XLSX register with bounded memory: the same steps and rules as
 * importFacilities (one path for every number: the same validateFacilities per batch), but the
 * rows are read three times from the bytes instead of held: the opening rows for the column guess,
 * a pass for the CRS suggestion and the ids found twice, then the batches. Duplicate ids are
 * compared over the whole file. Returns undefined for the other formats (GeoJSON, Shapefile).
 */
export function importFacilitiesStreamed(
  bytes: Uint8Array,
  options: ImportFacilitiesOptions & { maxBytes?: number } = {},
  batchRows = BATCH_ROWS,
): StreamedFacilityImport | undefined {
  const format = bytes.length === 0 ? undefined : sniffFormat(bytes, options.fileName);
  if (format !== 'csv' && format !== 'xlsx') return undefined;
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024;
  if (bytes.length > maxBytes) {
    throw new InputError(
      'E_TOO_LARGE',
      `file is ${bytes.length} bytes, more than the ${maxBytes} allowed; 文件过大`,
      options.fileName === undefined ? {} : { file: options.fileName },
    );
  }
  const scan = format === 'csv' ? scanCsv(bytes, options) : scanWorkbook(bytes, options);
  const opening: RawRow[] = [];
  for (const row of scan.rows()) {
    if (isEmptyRow(row)) continue;
    opening.push(row);
    if (opening.length >= GUESS_ROWS) break;
  }
  const table: RawTable = { ...scan.meta, rows: opening, emptyRows: [] };
  const guess: ColumnGuess<FacilityField> = guessColumns(table, 'facilities');
  const mapping = withOverrides(guess.mapping, options.mapping ?? {});
  const { points, duplicateIds, columnFill } = firstPass(scan, table, mapping);
  const coordinateColumns = [mapping.lon, mapping.lat, mapping.lonlat].filter(
    (c): c is string => c !== undefined,
  );
  const suggestion = suggestCrs(points, {
    hints: crsHints(
      coordinateColumns.length > 0 ? coordinateColumns : table.columns,
      options.fileName,
    ),
    ...(options.distanceToRoadsM === undefined
      ? {}
      : { distanceToRoadsM: options.distanceToRoadsM }),
  });
  const { crs, forced } = decideCrs(suggestion, options);
  const validate = { ...validateOptions(crs, options), duplicateIds, columnFill };
  return {
    table,
    guess,
    mapping,
    crs,
    crsChoice: { forced, suggestion },
    *batches() {
      let rows: RawRow[] = [];
      let emptyRows: number[] = [];
      const flush = (): FacilityBatch => {
        const part: RawTable = { ...scan.meta, rows, emptyRows };
        rows = [];
        emptyRows = [];
        return { ...validateFacilities(part, mapping, validate), table: part };
      };
      for (const row of scan.rows()) {
        if (isEmptyRow(row)) emptyRows.push(row.row);
        else rows.push(row);
        if (rows.length >= batchRows) yield flush();
      }
      yield flush();
    },
  };
}

/**
 * CRS evidence (every readable point), the ids written more than once and the optional columns
 * that some row fills (for the file-level warnings), in one read.
 */
function firstPass(
  scan: TableScan,
  table: RawTable,
  mapping: ColumnMapping<FacilityField>,
): { points: [number, number][]; duplicateIds: Map<string, number[]>; columnFill: ColumnFill } {
  const fill = columnFillCounter(table.columns, mapping);
  const idColumn = mapping.id === undefined ? -1 : table.columns.indexOf(mapping.id);
  const firstRow = new Map<string, number>();
  const duplicateIds = new Map<string, number[]>();
  const rows = function* (): Generator<RawRow> {
    for (const row of scan.rows()) {
      if (isEmptyRow(row)) continue;
      fill.add(row);
      if (idColumn >= 0) {
        const id = idKey(row.cells[idColumn]);
        if (id !== '') {
          const seen = firstRow.get(id);
          if (seen === undefined) firstRow.set(id, row.row);
          else {
            const list = duplicateIds.get(id) ?? [seen];
            list.push(row.row);
            duplicateIds.set(id, list);
          }
        }
      }
      yield row;
    }
  };
  const points = coordinatePoints(table, rows(), mapping);
  if (mapping.lonlat === undefined && (mapping.lon === undefined || mapping.lat === undefined)) {
    for (const _ of rows()) {
      // ids only: the mapping has no coordinates (validation will say so).
    }
  }
  return { points, duplicateIds, columnFill: fill.result() };
}
