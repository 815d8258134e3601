import ExcelJS from 'exceljs';
import type { CellFormat, ReportModel, SheetValue } from './types.ts';

/**
 * tables.xlsx: one sheet per SheetData of the model. Bold, shaded, frozen header row with a
 * filter; percentages as %, areas and counts with thousands separators; id columns hidden;
 * widths from content. exceljs writes in Node and in the browser.
 */
const NUMBER_FORMAT: Record<CellFormat, string | undefined> = {
  text: undefined,
  int: '#,##0',
  decimal: '#,##0.000',
  percent: '0.0%',
  area: '#,##0',
  yuan: '#,##0',
};

function plain(value: SheetValue): string | number | boolean | null {
  return value !== null && typeof value === 'object' ? value.value : value;
}

export async function renderXlsx(model: ReportModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CareCircle';
  // A fixed date keeps the file reproducible; the report's own date is in the document.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    });
    ws.addRow(sheet.header);
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map(plain));
      row.forEach((value, i) => {
        const format =
          value !== null && typeof value === 'object'
            ? value.format
            : (sheet.formats?.[i] ?? 'text');
        const numFmt = NUMBER_FORMAT[format];
        if (numFmt !== undefined && typeof plain(value) === 'number')
          added.getCell(i + 1).numFmt = numFmt;
      });
    }
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
    sheet.header.forEach((title, i) => {
      const longest = sheet.rows.reduce(
        (m, r) => Math.max(m, displayWidth(plain(r[i]))),
        Math.min(displayWidth(title), 24),
      );
      const column = ws.getColumn(i + 1);
      column.width = Math.min(Math.max(longest + 2, 8), 60);
      if (sheet.hidden?.includes(i)) column.hidden = true;
    });
  }
  if (model.banner !== null) workbook.subject = model.banner;
  workbook.title = `${model.title} · ${model.footer}`;
  // exceljs types the result as Node's Buffer; in the browser it is an ArrayBuffer. Both are
  // viewed as bytes here.
  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  return buffer instanceof Uint8Array ? new Uint8Array(buffer) : new Uint8Array(buffer);
}

/** Column width in characters; CJK characters count double. */
function displayWidth(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const text =
    typeof value === 'number'
      ? value.toLocaleString('en-US', { maximumFractionDigits: 3 })
      : String(value);
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return width;
}
