import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanWorkbook } from '../../../analysis/io/table/read-table.ts';
import { sheetRecords } from '../../../analysis/io/table/xlsx-sheet-rows.ts';
import { openWorkbook } from '../../../analysis/io/table/xlsx-workbook.ts';

/**
 * The streaming sheet reader against an independent one: ExcelJS loading the whole workbook,
 * its cell values turned into text by the rules the reader documents. Workbooks are written by
 * ExcelJS with shared and with inline strings.
 */

type Cell = ExcelJS.CellValue;

function oracleText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if ('richText' in value) return value.richText.map((p) => p.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && !(result instanceof Date))
      return String((result as { error: unknown }).error);
    return oracleText(result as Cell);
  }
  if ('error' in value) return String(value.error);
  if ('text' in value) return String(value.text);
  return '';
}

async function oracleRows(bytes: Uint8Array, sheet = 0): Promise<[number, string[]][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  const ws = book.worksheets[sheet];
  const out: [number, string[]][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(oracleText(row.getCell(c).value));
    out.push([n, trim(cells)]);
  });
  return out;
}

function streamedRows(bytes: Uint8Array, sheet = 0): [number, string[]][] {
  const book = openWorkbook(bytes);
  return Array.from(sheetRecords(book, book.sheets[sheet].entry), (r) => [r.row, trim(r.cells)]);
}

function trim(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

async function write(fill: (ws: ExcelJS.Worksheet) => void, sharedStrings: boolean) {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('名录'));
  return new Uint8Array(await book.xlsx.writeBuffer({ useSharedStrings: sharedStrings }));
}

function register(ws: ExcelJS.Worksheet): void {
  ws.addRow(['XX区养老服务设施名录']);
  ws.addRow([]);
  ws.addRow(['编号', '名称', '类型', '经度', '纬度', '建筑面积', '床位', '开业日期', '有电梯']);
  ws.addRow(['F001', '新街口街道综合养老服务中心', 'street_center', 118.78, 32.04, 600, 40]);
  ws.getCell('H4').value = new Date(Date.UTC(2021, 4, 17));
  ws.getCell('I4').value = true;
  ws.addRow(['F002', { richText: [{ text: '华侨路' }, { text: '社区站', font: { bold: true } }] }]);
  ws.getCell('C5').value = 'community_station';
  ws.getCell('D5').value = 0.1 + 0.2;
  ws.getCell('E5').value = 1e-7;
  ws.getCell('F5').value = { formula: 'F4/2', result: 300 };
  ws.getCell('G5').value = { formula: 'G4/0', result: { error: '#DIV/0!' } };
  ws.getCell('H5').value = { formula: 'TODAY()', date1904: false } as unknown as Cell;
  ws.getCell('B7').value = { text: '链接站', hyperlink: 'https://example.org/' };
  ws.getCell('C7').value = { error: '#N/A' };
  ws.getCell('D7').value = 'a & <b> "q"';
  ws.getCell('H7').value = new Date(Date.UTC(2020, 0, 2, 8, 30));
  ws.getCell('H7').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('F7').value = 1234.5;
  ws.getCell('F7').numFmt = '#,##0.00" m²"';
  ws.mergeCells('A9:C9');
  ws.getCell('A9').value = '合并单元格';
  ws.mergeCells('E9:E11');
  ws.getCell('E9').value = 42;
  ws.getCell('A12').value = { formula: 'A4&"x"', result: 'F001x' };
}

describe('the streaming XLSX reader', () => {
  for (const shared of [true, false])
    it(`gives ExcelJS's cell texts, row by row (${shared ? 'shared' : 'inline'} strings)`, async () => {
      const bytes = await write(register, shared);
      expect(streamedRows(bytes)).toEqual(await oracleRows(bytes));
    });

  it('keeps every row of random sheets, gaps and merges included', async () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let round = 0; round < 12; round++) {
      const bytes = await write((ws) => {
        for (let r = 1; r <= 40; r++) {
          if (next() < 0.15) continue; // a row the sheet skips
          for (let c = 1; c <= 8; c++) {
            const p = next();
            const cell = ws.getCell(r, c);
            if (p < 0.3) cell.value = `文本${Math.floor(next() * 1000)}`;
            else if (p < 0.55) cell.value = Math.round(next() * 1e6) / 100;
            else if (p < 0.6) cell.value = next() < 0.5;
            else if (p < 0.65) cell.value = new Date(Date.UTC(2000 + (r % 20), c % 12, 1 + r));
          }
        }
        if (next() < 0.7) ws.mergeCells(3, 2, 5, 4);
      }, next() < 0.5);
      expect(streamedRows(bytes)).toEqual(await oracleRows(bytes));
    }
  });

  it('reads a cell issue for an error value and for a formula without its result', async () => {
    const bytes = await write(register, true);
    const scan = scanWorkbook(bytes, { fileName: 'r.xlsx' });
    const issues = [...scan.rows()].flatMap((row) =>
      'cellIssues' in row ? (row.cellIssues ?? []).map((i) => [row.row, i.column, i.value]) : [],
    );
    expect(issues).toEqual([
      [5, 6, '#DIV/0!'],
      [5, 7, ''],
      [7, 2, '#N/A'],
    ]);
  });

  it('shows an East Asian built-in date format (numFmtId 31: 2024年3月5日) as a date', async () => {
    const bytes = await write((ws) => {
      ws.addRow(['编号', '开业日期']);
      ws.addRow(['F1', 45356]);
    }, true);
    // Give the number cell's style the built-in id 31 (yyyy"年"m"月"d"日"), which ExcelJS
    // itself does not read as a date.
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    const styles = strFromU8(files['xl/styles.xml']);
    const withDate = styles.replace(
      /<cellXfs count="(\d+)">/,
      (_, n) => `<cellXfs count="${Number(n) + 1}">`,
    );
    const added = withDate.replace(
      '</cellXfs>',
      '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    );
    const count = Number(/<cellXfs count="(\d+)">/.exec(styles)?.[1]);
    files['xl/styles.xml'] = strToU8(added);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    files['xl/worksheets/sheet1.xml'] = strToU8(
      sheet.replace(/<c r="B2"( s="\d+")?/, `<c r="B2" s="${count}"`),
    );
    const rows = streamedRows(zipSync(files));
    expect(rows[1]).toEqual([2, ['F1', '2024-03-05']]);
  });
});
