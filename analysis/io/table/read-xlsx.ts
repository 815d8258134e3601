import ExcelJS from 'exceljs';
import { InputError } from '../../errors.ts';
import { type BuildTableOptions, buildTable, type SourceRecord } from './build-table.ts';
import type { RawTable } from './types.ts';

export interface ReadXlsxOptions extends BuildTableOptions {
  /** Sheet name; the first sheet when absent. */
  sheet?: string;
}

/**
 * Reads one sheet of an .xlsx workbook (exceljs works on bytes in Node and in a Worker). Every
 * cell becomes the text a person would type: numbers in JavaScript's shortest exact form (no
 * display rounding), dates as ISO dates, formulas as their cached result.
 */
export async function readXlsx(
  bytes: Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<RawTable> {
  const location = options.fileName === undefined ? {} : { file: options.fileName };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's type says Buffer; its loader (JSZip) accepts any ArrayBuffer view.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new InputError(
      'E_BAD_XLSX',
      `not a readable .xlsx workbook (${(error as Error).message}); 无法读取 Excel 文件`,
      location,
    );
  }
  const sheetNames = workbook.worksheets.map((w) => w.name);
  const sheet =
    options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (sheet === undefined) {
    const known = sheetNames.map((n) => `"${n}"`).join(', ');
    throw new InputError(
      'E_NO_SHEET',
      `sheet "${options.sheet ?? ''}" not found (sheets: ${known}); 找不到工作表`,
      location,
    );
  }
  const width = sheet.columnCount;
  const records: SourceRecord[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records.push({ row: rowNumber, cells });
  });
  return buildTable(
    records,
    {
      format: 'xlsx',
      encoding: 'binary',
      encodingEvidence: 'XLSX stores Unicode',
      sheetNames,
      sheet: sheet.name,
    },
    options,
  );
}

type CellValue = ExcelJS.CellValue;

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ||
      (typeof result === 'object' && result !== null && !(result instanceof Date))
      ? ''
      : cellText(result as CellValue);
  }
  if ('error' in value) return String(value.error);
  if ('text' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  return '';
}

/** Excel dates carry no zone; exceljs gives them as UTC. A midnight date prints as YYYY-MM-DD. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
