import Papa from 'papaparse';
import { InputError } from '../errors.ts';
import {
  type CellProblem,
  type ColumnLanguage,
  parseStatusTable,
  type StatusTable,
} from './status-columns.ts';
import { statusTableCells } from './status-table.ts';

/** Reads the status columns of a CSV register (UTF-8 text; a leading BOM is ignored). */
export function readStatusCsv(
  text: string,
  options: { file?: string } = {},
): { table: StatusTable; problems: CellProblem[] } {
  // Only comma or tab: ';' inside list cells (服务功能) must never be taken for the delimiter.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t'],
  });
  const broken = parsed.errors.filter((error) => error.type === 'Quotes');
  if (broken.length > 0) {
    const first = broken[0];
    throw new InputError('E_BAD_CSV', first.message, {
      file: options.file,
      row: first.row === undefined ? undefined : first.row + 2,
    });
  }
  const [header, ...rows] = parsed.data;
  if (header === undefined)
    throw new InputError('E_EMPTY_FILE', 'the file is empty', { file: options.file });
  return parseStatusTable(header, rows);
}

/**
 * Writes the register as CSV. A UTF-8 BOM is written by default because Chinese Excel opens
 * BOM-less UTF-8 as GBK and garbles the headers.
 */
export function writeStatusCsv(
  table: StatusTable,
  options: { language?: ColumnLanguage; bom?: boolean } = {},
): string {
  const csv = Papa.unparse(statusTableCells(table, options), { newline: '\r\n' });
  return `${options.bom === false ? '' : '\uFEFF'}${csv}\r\n`;
}
