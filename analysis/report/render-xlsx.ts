import ExcelJS from 'exceljs';
import type { ReportModel } from './types.ts';

/**
 * tables.xlsx: one sheet per SheetData of the model (units, findings, coverage, recommended
 * sites), bold frozen header row, autofilter, widths from content. exceljs writes in Node
 * and in the browser.
 */
export async function renderXlsx(model: ReportModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CareCircle';
  // A fixed date keeps the file reproducible; the report's own date is in the document.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.header);
    for (const row of sheet.rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
    sheet.header.forEach((title, i) => {
      const longest = sheet.rows.reduce(
        (m, r) => Math.max(m, displayWidth(r[i])),
        displayWidth(title),
      );
      ws.getColumn(i + 1).width = Math.min(Math.max(longest + 2, 8), 60);
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
  const text = String(value);
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return width;
}
