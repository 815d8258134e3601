import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import {
  csvField,
  spreadsheetCsv,
  spreadsheetSafe,
} from '../../../analysis/io/csv/spreadsheet-safe.ts';
import { guessColumns } from '../../../analysis/io/import/guess-columns.ts';
import { rejectedRowsCsv } from '../../../analysis/io/import/rejected-csv.ts';
import { validateFacilities } from '../../../analysis/io/import/validate-facilities.ts';
import { readCsv } from '../../../analysis/io/table/read-csv.ts';
import { main } from '../../../scripts/cli.ts';
import { utf8 } from './helpers.ts';

const HOSTILE = [
  '=HYPERLINK("http://x.example","点我")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
];

describe('spreadsheetSafe', () => {
  it.each(HOSTILE)('prefixes %j with an apostrophe', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });

  it.each(['-5', '+3.5', '-1e3', '118.78', '鼓楼区养老服务站', '', "'=already"])(
    'leaves %j alone',
    (cell) => {
      expect(spreadsheetSafe(cell)).toBe(cell);
    },
  );

  it('quotes after neutralising, and the CSV reads back to the neutralised text', () => {
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    const text = spreadsheetCsv([
      ['name', 'n'],
      [HOSTILE[0], -5],
      [null, undefined],
    ]);
    const back = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(back).toEqual([
      ['name', 'n'],
      [`'${HOSTILE[0]}`, '-5'],
      ['', ''],
    ]);
  });
});

describe('rejected.csv', () => {
  const text = `名称,类型,经度,纬度,备注\n${HOSTILE.map((h) => `"${h.replace(/"/g, '""')}",敬老院,118.78,32.04,@x`).join('\n')}\n`;

  it('neutralises every cell a spreadsheet would run', () => {
    const table = readCsv(utf8(text));
    const result = validateFacilities(table, guessColumns(table, 'facilities').mapping, {
      crs: 'wgs84',
    });
    const out = rejectedRowsCsv(table, result.rejections);
    const rows = Papa.parse<string[]>(out.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data.slice(1);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('in the file the import verb writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-safe-'));
    const input = join(dir, 'list.csv');
    writeFileSync(input, text);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await main(['import', '--facilities', input, '--out', dir, '--crs', 'wgs84']);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const written = readFileSync(join(dir, 'rejected.csv'), 'utf8');
    expect(written).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
    const cells = Papa.parse<string[]>(written.replace(/^\uFEFF/, '')).data.flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
