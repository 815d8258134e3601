import { InputError } from '../../errors.ts';
import { headerLikeness } from '../import/column-synonyms.ts';
import { reasons } from '../import/reasons.ts';
import type { RawRow, RawTable, Rejection, SourceFormat } from './types.ts';

/** A record as a reader found it: its row number in the file and its cells. */
export interface SourceRecord {
  row: number;
  cells: string[];
  problems?: Rejection[];
}

export interface BuildTableOptions {
  fileName?: string;
  /** Force the header row (1-based, as in the file); otherwise detected among the first rows. */
  headerRow?: number;
}

type TableMeta = Pick<
  RawTable,
  'format' | 'encoding' | 'encodingEvidence' | 'sheetNames' | 'sheet'
>;

const HEADER_SEARCH_ROWS = 10;

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
  const location = options.fileName === undefined ? {} : { file: options.fileName };
  const nonEmpty = records.filter((r) => !isEmpty(r.cells));
  if (nonEmpty.length === 0) {
    throw new InputError('E_EMPTY_FILE', 'the file has no header and no rows; 文件为空', location);
  }
  const header = pickHeader(records, nonEmpty, options);
  const warnings: string[] = [];
  if (header.row > nonEmpty[0].row) {
    warnings.push(
      `rows before ${header.row} treated as titles, not data (表头位于第 ${header.row} 行)`,
    );
  }
  const originalColumns = trimTrailingEmpty(header.cells);
  const columns = uniqueNames(originalColumns, warnings);
  const rows: RawRow[] = [];
  const emptyRows: number[] = [];
  for (const record of records) {
    if (record.row <= header.row) continue;
    if (isEmpty(record.cells)) {
      emptyRows.push(record.row);
      continue;
    }
    rows.push(fitRow(record, columns));
  }
  return { ...meta, columns, originalColumns, headerRow: header.row, rows, emptyRows, warnings };
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
  const extra = trimTrailingEmpty(record.cells).length - columns.length;
  if (extra > 0) {
    problems.push({
      row: record.row,
      column: `(column ${columns.length + 1})`,
      value: record.cells.slice(columns.length).join(','),
      reason: reasons.fieldCount(columns.length, columns.length + extra),
    });
  }
  const cells = columns.map((_, i) => record.cells[i] ?? '');
  return problems.length > 0 ? { row: record.row, cells, problems } : { row: record.row, cells };
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
