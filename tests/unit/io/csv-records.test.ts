import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../analysis/io/table/read-csv.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const codes = (list?: { reason: { code: string } }[]) => list?.map((p) => p.reason.code);

describe('CSV records', () => {
  it('counts every row whatever mix of LF, CRLF and CR ends them', () => {
    const endings = ['\n', '\r\n', '\r'];
    const body = Array.from({ length: 34 }, (_, i) => `${i},n${i}${endings[i % 3]}`).join('');
    const table = readCsv(bytes(`id,name\n${body}`));
    expect(table.rows.map((r) => r.cells[0])).toEqual(Array.from({ length: 34 }, (_, i) => `${i}`));
  });

  it('keeps line breaks inside quoted cells', () => {
    expect(readCsv(bytes('a,b\r\n"x\r\ny",2\r\n')).rows.map((r) => r.cells)).toEqual([
      ['x\r\ny', '2'],
    ]);
  });

  it('an unbalanced quote rejects its own line only; the rows after it are read', () => {
    const table = readCsv(bytes('id,name\n1,"abc\n2,b\n3,c\n'));
    expect(table.rows.map((r) => [r.row, codes(r.problems)])).toEqual([
      [2, ['E_CSV_QUOTES']],
      [3, undefined],
      [4, undefined],
    ]);
    expect(table.rows[2].cells).toEqual(['3', 'c']);
  });

  it('a last line cut short (no line break, fields missing) is E_TRUNCATED', () => {
    const table = readCsv(bytes('id,name,area\n1,a,600\n2,b'));
    expect(codes(table.rows[1].problems)).toEqual(['E_TRUNCATED']);
    expect(table.rows[0].problems).toBeUndefined();
  });

  it('an open quote on the last line is E_TRUNCATED', () => {
    const table = readCsv(bytes('id,name\n1,a\n2,"b'));
    expect(codes(table.rows[1].problems)).toEqual(['E_TRUNCATED']);
  });

  it('a full last line without a line break is accepted with a warning', () => {
    const table = readCsv(bytes('id,name,area\n1,a,600\n2,b,6'));
    expect(table.rows[1].problems).toBeUndefined();
    expect(codes(table.rows[1].warnings)).toEqual(['W_NO_FINAL_LINE_BREAK']);
  });
});
