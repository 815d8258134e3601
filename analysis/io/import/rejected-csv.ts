import { csvField } from '../csv/spreadsheet-safe.ts';
import type { RawTable, Rejection } from '../table/types.ts';
import type { FileWarning } from './empty-columns.ts';
import { reasonText } from './reasons.ts';

/** Accepted rows that carry a warning (W_ codes), in the same shape, for the user to check. */
export function warnedRowsCsv(
  table: RawTable,
  warnings: Rejection[],
  fileWarnings: FileWarning[] = [],
): string {
  return [...warnedRowsCsvLines(table, warnings, fileWarnings)].join('');
}

/**
 * The same line by line. Notes on the whole file come first, one line each: empty cells and an
 * empty row number, so that they sort and filter apart from the rows in a spreadsheet.
 */
export function* warnedRowsCsvLines(
  table: RawTable,
  warnings: Rejection[],
  fileWarnings: FileWarning[] = [],
): Generator<string> {
  let header = true;
  for (const line of rejectedRowsCsvLines(table, warnings, 'warning')) {
    yield line;
    if (!header) continue;
    header = false;
    for (const w of fileWarnings) {
      const why = `${w.column ?? '(no column)'}: ${reasonText(w.reason)}`;
      yield `${[...table.originalColumns.map(() => ''), '', why].map(csvField).join(',')}\r\n`;
    }
  }
}

/**
 * The rejected rows as CSV: the file's own columns (original header names, original cell text)
 * plus `row` and `reject_reason`, UTF-8 with BOM and CRLF so that Excel on a Chinese Windows
 * opens it without garbling; cells that a spreadsheet would run as formulas are neutralised
 * (spreadsheetSafe). Fixing the rows and re-importing this file is the intended loop.
 */
export function rejectedRowsCsv(
  table: RawTable,
  rejections: Rejection[],
  reasonColumn = 'reject_reason',
): string {
  return [...rejectedRowsCsvLines(table, rejections, reasonColumn)].join('');
}

/** The same, line by line (each with its CRLF), so that a large file is never one string. */
export function* rejectedRowsCsvLines(
  table: RawTable,
  rejections: Rejection[],
  reasonColumn = 'reject_reason',
): Generator<string> {
  const byRow = new Map<number, Rejection[]>();
  for (const r of rejections) {
    const list = byRow.get(r.row) ?? [];
    list.push(r);
    byRow.set(r.row, list);
  }
  yield `\uFEFF${[...table.originalColumns, 'row', reasonColumn].map(csvField).join(',')}\r\n`;
  for (const row of table.rows) {
    const problems = byRow.get(row.row);
    if (problems === undefined) continue;
    const why = problems.map((p) => `${p.column}: ${reasonText(p.reason)}`).join('; ');
    yield `${[...row.cells, String(row.row), why].map(csvField).join(',')}\r\n`;
  }
}
