import ExcelJS from 'exceljs';
import { InputError } from '../../errors.ts';
import { headerLikeness } from '../import/column-synonyms.ts';
import { reasons } from '../import/reasons.ts';
import { type BuildTableOptions, buildTable, type SourceRecord } from './build-table.ts';
import type { RawRow, RawTable, Reason } from './types.ts';

export interface ReadXlsxOptions extends BuildTableOptions {
  /** Sheet name; the first sheet when absent. */
  sheet?: string;
  /**
   * When no sheet is named and several hold register rows: 'warn' (default; the wizard) reads
   * the first and names the others in the table's warnings, beside its sheet picker; 'error'
   * (the CLI) refuses with E_MULTIPLE_SHEETS until one is named.
   */
  severalSheets?: 'warn' | 'error';
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
  const dataSheets = options.sheet === undefined ? sheetsWithRows(workbook) : [];
  if (dataSheets.length > 1 && options.severalSheets === 'error') {
    throw new InputError(
      'E_MULTIPLE_SHEETS',
      `sheets ${quoted(dataSheets)} all hold register rows; choose one (--sheet NAME) and import the others separately; 多个工作表均有数据，请选择工作表`,
      location,
    );
  }
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
  const issues = new Map<number, NonNullable<RawRow['cellIssues']>>();
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const value = row.getCell(c).value;
      cells.push(cellText(value));
      const reason = cellIssue(value);
      if (reason !== undefined) {
        const list = issues.get(rowNumber) ?? [];
        list.push({ column: c - 1, value: cells[c - 1], reason });
        issues.set(rowNumber, list);
      }
    }
    records.push({ row: rowNumber, cells });
  });
  const table = buildTable(
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
  for (const row of table.rows) {
    const found = issues.get(row.row);
    if (found !== undefined) row.cellIssues = found;
  }
  if (dataSheets.length > 1) {
    table.warnings.push(
      `sheets ${quoted(dataSheets)} all hold register rows; only "${sheet.name}" is read: choose each sheet in turn (多个工作表均有数据，本次只读取"${sheet.name}"，请逐个选择工作表导入)`,
    );
  }
  const others = sheetNames.filter((n) => n !== sheet.name && !dataSheets.includes(n));
  if (others.length > 0)
    table.warnings.push(`sheets not read: ${others.join(', ')} (未读取的工作表)`);
  return table;
}

/**
 * The sheets that hold register rows: a header of known column names with rows under it. A
 * notes or instructions sheet does not count. A register split over such sheets (one per
 * district, say) must never import as its first sheet alone without a word.
 */
function sheetsWithRows(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets
    .filter((ws) => {
      let header = false;
      let rows = 0;
      ws.eachRow((row) => {
        if (rows > 0) return;
        const cells = (row.values as CellValue[]).slice(1).map(cellText);
        if (header && cells.some((c) => c.trim() !== '')) rows++;
        else if (!header && headerLikeness(cells) >= 2) header = true;
      });
      return rows > 0;
    })
    .map((ws) => ws.name);
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** Why a cell's text is not its value, if it is not. */
function cellIssue(value: CellValue): Reason | undefined {
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  if ('error' in value) return reasons.cellError(String(value.error));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return reasons.formulaWithoutValue();
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result)
      return reasons.cellError(String((result as { error: unknown }).error));
  }
  return undefined;
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
