import { InputError } from '../../errors.ts';
import { headerLikeness } from '../import/column-synonyms.ts';
import { reasons, warnings as warningsOf } from '../import/reasons.ts';
import type { RawRow, RawTable, Rejection, SourceFormat } from './types.ts';

/** A record as a reader found it: its row number in the file and its cells. */
export interface SourceRecord {
  row: number;
  cells: string[];
  /** False when the file ends inside this record without a line break (CSV). */
  terminated?: boolean;
  problems?: Rejection[];
  warnings?: Rejection[];
  /** Cells whose text is not their value (XLSX: an error value, a formula without a result). */
  cellIssues?: RawRow['cellIssues'];
}

export interface BuildTableOptions {
  fileName?: string;
  /** Force the header row (1-based, as in the file); otherwise detected among the first rows. */
  headerRow?: number;
}

type TableMeta = Pick<
  RawTable,
  'format' | 'encoding' | 'encodingEvidence' | 'sheetNames' | 'sheet' | 'delimiter'
>;

const HEADER_SEARCH_ROWS = 10;

/** A row after the header: data, or an empty row (skipped, but counted). */
export type ScanRow = RawRow | { row: number; empty: true };

/** A table read lazily: its header and column names now, its rows on each iteration. */
export interface TableScan {
  meta: Omit<RawTable, 'rows' | 'emptyRows'>;
  rows(): Iterable<ScanRow>;
}

export function isEmptyRow(row: ScanRow): row is { row: number; empty: true } {
  return 'empty' in row;
}

/**
 * Turns records into a RawTable: finds the header (Chinese registers often carry a title row such
 * as "XX区养老服务设施名录" above it), makes column names unique, counts empty rows and flags rows
 * with more fields than the header.
 */
export function buildTable(
  records: SourceRecord[],
  meta: TableMeta & { format: SourceFormat },
  options: BuildTableOptions = {},
): RawTable {
  return collectTable(scanRecords(() => records, meta, options));
}

/** Every row of a scan in memory (the wizard's path; the CLI streams the scan instead). */
export function collectTable(scan: TableScan): RawTable {
  const rows: RawRow[] = [];
  const emptyRows: number[] = [];
  for (const row of scan.rows()) {
    if (isEmptyRow(row)) emptyRows.push(row.row);
    else rows.push(row);
  }
  return { ...scan.meta, rows, emptyRows };
}

/**
 * The header is found in a first look at the opening records; rows() then reads the records
 * again from the start, so that the source can be a stream re-opened on each pass.
 */
export function scanRecords(
  records: () => Iterable<SourceRecord>,
  meta: TableMeta & { format: SourceFormat },
  options: BuildTableOptions = {},
): TableScan {
  const location = options.fileName === undefined ? {} : { file: options.fileName };
  const opening: SourceRecord[] = [];
  for (const record of records()) {
    if (options.headerRow !== undefined && record.row > options.headerRow) break;
    opening.push(record);
    if (opening.filter((r) => !isEmpty(r.cells)).length >= HEADER_SEARCH_ROWS) break;
  }
  const nonEmpty = opening.filter((r) => !isEmpty(r.cells));
  if (nonEmpty.length === 0) {
    throw new InputError('E_EMPTY_FILE', 'the file has no header and no rows; 文件为空', location);
  }
  const header = pickHeader(opening, nonEmpty, options);
  const warnings: string[] = [];
  if (header.row > nonEmpty[0].row) {
    warnings.push(
      `rows before ${header.row} treated as titles, not data (表头位于第 ${header.row} 行)`,
    );
  }
  const originalColumns = trimTrailingEmpty(header.cells);
  const columns = uniqueNames(originalColumns, warnings);
  return {
    meta: { ...meta, columns, originalColumns, headerRow: header.row, warnings },
    *rows() {
      for (const record of records()) {
        if (record.row <= header.row) continue;
        if (isEmpty(record.cells) && record.problems === undefined) {
          yield { row: record.row, empty: true };
          continue;
        }
        yield fitRow(record, columns);
      }
    },
  };
}

function pickHeader(
  records: SourceRecord[],
  nonEmpty: SourceRecord[],
  options: BuildTableOptions,
): SourceRecord {
  if (options.headerRow !== undefined) {
    const forced = records.find((r) => r.row === options.headerRow);
    if (forced === undefined || isEmpty(forced.cells)) {
      throw new InputError('E_BAD_OPTION', `header row ${options.headerRow} is empty or missing`, {
        ...(options.fileName === undefined ? {} : { file: options.fileName }),
        row: options.headerRow,
      });
    }
    return forced;
  }
  // The first non-empty row is the header unless a later one (within the first few) looks much
  // more like one: more cells that are known column names.
  let best = nonEmpty[0];
  let bestScore = headerLikeness(best.cells);
  for (const candidate of nonEmpty.slice(1, HEADER_SEARCH_ROWS)) {
    const score = headerLikeness(candidate.cells);
    if (score >= 2 && score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function fitRow(record: SourceRecord, columns: string[]): RawRow {
  const problems = [...(record.problems ?? [])];
  const warnings = [...(record.warnings ?? [])];
  const fields = trimTrailingEmpty(record.cells).length;
  const extra = fields - columns.length;
  if (extra > 0) {
    problems.push({
      row: record.row,
      column: `(column ${columns.length + 1})`,
      value: record.cells.slice(columns.length).join(','),
      reason: reasons.fieldCount(columns.length, columns.length + extra),
    });
  }
  if (record.terminated === false && problems.length === 0) {
    // The file stops inside its last record: fewer fields than the header means it was cut;
    // a full record may still have lost the end of its last value.
    const cut = record.cells.length < columns.length;
    (cut ? problems : warnings).push({
      row: record.row,
      column: '(row)',
      value: record.cells.join(',').slice(0, 200),
      reason: cut ? reasons.truncated() : warningsOf.noFinalLineBreak(),
    });
  }
  const cells = columns.map((_, i) => record.cells[i] ?? '');
  const row: RawRow = { row: record.row, cells };
  if (problems.length > 0) row.problems = problems;
  if (warnings.length > 0) row.warnings = warnings;
  if (record.cellIssues !== undefined && record.cellIssues.length > 0)
    row.cellIssues = record.cellIssues;
  return row;
}

function uniqueNames(names: string[], warnings: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `column_${i + 1}` : raw.trim();
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    if (name !== raw) warnings.push(`column ${i + 1} "${raw}" renamed "${name}"`);
    seen.add(name);
    return name;
  });
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === '') end--;
  return cells.slice(0, end);
}

export function isEmpty(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
