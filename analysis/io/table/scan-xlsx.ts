import { InputError } from '../../errors.ts';
import { headerLikeness } from '../import/column-synonyms.ts';
import { type BuildTableOptions, isEmpty, scanRecords, type TableScan } from './build-table.ts';
import { sheetRecords } from './xlsx-sheet-rows.ts';
import { openWorkbook, type XlsxWorkbook } from './xlsx-workbook.ts';

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

/** A sheet without a header among its opening rows holds no register (the header search's reach). */
const HEADER_SEARCH_ROWS = 20;

/**
 * One sheet of an .xlsx workbook read lazily: each pass over rows() parses the sheet's XML again
 * as it inflates, so that the CLI's import of a large workbook holds one batch of rows at a time.
 * The cell texts are those of sheetRecords.
 */
export function scanXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): TableScan {
  const location = options.fileName === undefined ? {} : { file: options.fileName };
  const fail = (error: unknown): never => {
    throw new InputError(
      'E_BAD_XLSX',
      `not a readable .xlsx workbook (${(error as Error).message}); 无法读取 Excel 文件`,
      location,
    );
  };
  let book: XlsxWorkbook;
  try {
    book = openWorkbook(bytes);
  } catch (error) {
    return fail(error);
  }
  const sheetNames = book.sheets.map((s) => s.name);
  const dataSheets = options.sheet === undefined ? sheetsWithRows(book, fail) : [];
  if (dataSheets.length > 1 && options.severalSheets === 'error') {
    throw new InputError(
      'E_MULTIPLE_SHEETS',
      `sheets ${quoted(dataSheets)} all hold register rows; choose one (--sheet NAME) and import the others separately; 多个工作表均有数据，请选择工作表`,
      location,
    );
  }
  const sheet =
    options.sheet === undefined
      ? book.sheets[0]
      : book.sheets.find((s) => s.name === options.sheet);
  if (sheet === undefined) {
    if (options.sheet === undefined) fail(new Error('the workbook has no sheet'));
    const known = sheetNames.map((n) => `"${n}"`).join(', ');
    throw new InputError(
      'E_NO_SHEET',
      `sheet "${options.sheet ?? ''}" not found (sheets: ${known}); 找不到工作表`,
      location,
    );
  }
  const records = function* () {
    try {
      yield* sheetRecords(book, sheet.entry);
    } catch (error) {
      fail(error);
    }
  };
  const scan = scanRecords(
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
  if (dataSheets.length > 1) {
    scan.meta.warnings.push(
      `sheets ${quoted(dataSheets)} all hold register rows; only "${sheet.name}" is read: choose each sheet in turn (多个工作表均有数据，本次只读取"${sheet.name}"，请逐个选择工作表导入)`,
    );
  }
  const others = sheetNames.filter((n) => n !== sheet.name && !dataSheets.includes(n));
  if (others.length > 0)
    scan.meta.warnings.push(`sheets not read: ${others.join(', ')} (未读取的工作表)`);
  return scan;
}

/**
 * The sheets that hold register rows: a header of known column names among the opening rows,
 * with a row under it. A notes or instructions sheet does not count. A register split over such
 * sheets (one per district, say) must never import as its first sheet alone without a word.
 */
function sheetsWithRows(book: XlsxWorkbook, fail: (error: unknown) => never): string[] {
  return book.sheets
    .filter((sheet) => {
      let header = false;
      let seen = 0;
      try {
        for (const record of sheetRecords(book, sheet.entry, { merges: false })) {
          if (isEmpty(record.cells)) continue;
          if (header) return true;
          if (headerLikeness(record.cells) >= 2) header = true;
          else if (++seen >= HEADER_SEARCH_ROWS) return false;
        }
      } catch (error) {
        fail(error);
      }
      return false;
    })
    .map((sheet) => sheet.name);
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
