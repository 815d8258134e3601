import ExcelJS from 'exceljs';
import { InputError } from '../errors.ts';
import {
  type CellProblem,
  type ColumnLanguage,
  parseStatusTable,
  type StatusTable,
} from './status-columns.ts';
import { statusTableCells } from './status-table.ts';

/**
 * Reads the status columns from the first worksheet of an XLSX register (header in row 1).
 * Cells are read as text: dates typed in Excel become YYYY-MM-DD, numbers their shortest text.
 */
export async function readStatusXlsx(
  bytes: ArrayBuffer | Uint8Array,
  options: { file?: string } = {},
): Promise<{ table: StatusTable; problems: CellProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as Node's Buffer; an ArrayBuffer is what it reads in the browser.
    const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
    await workbook.xlsx.load(buffer as ArrayBuffer as ExcelJS.Buffer);
  } catch (error) {
    throw new InputError('E_BAD_XLSX', `not a readable XLSX file (${(error as Error).message})`, {
      file: options.file,
    });
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined || sheet.rowCount === 0) {
    throw new InputError('E_EMPTY_FILE', 'the workbook has no rows', { file: options.file });
  }
  const width = sheet.getRow(1).cellCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
    rows[number - 1] = cells;
  });
  const [header, ...body] = Array.from(rows, (row) => row ?? []);
  return parseStatusTable(header, body);
}

/** Writes the register as XLSX: one sheet, every cell as text so that nothing is reformatted. */
export async function writeStatusXlsx(
  table: StatusTable,
  options: { language?: ColumnLanguage; sheetName?: string } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? '项目状态');
  for (const cells of statusTableCells(table, options)) sheet.addRow(cells);
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}
