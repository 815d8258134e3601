import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importFacilities } from '../../../analysis/io/import/import-facilities.ts';
import { importFacilitiesStreamed } from '../../../analysis/io/import/import-facilities-streamed.ts';
import { warnedRowsCsv } from '../../../analysis/io/import/rejected-csv.ts';
import { main } from '../../../scripts/cli.ts';
import { utf8 } from './helpers.ts';

const options = { crs: 'wgs84' as const, fileName: 'list.csv' };
// 建筑面积 is empty in every row, 床位 only in the last, 楼层 in none; no lift column at all.
const REGISTER = [
  '编号,名称,类型,经度,纬度,建筑面积,床位,楼层',
  'F1,甲站,社区养老服务站,118.78,32.04,,,',
  'F2,乙站,社区养老服务站,118.77,32.05,,,',
  'F3,丙站,养老驿站,118.76,32.05,,,',
  'F4,丁站,养老驿站,118.79,32.04,,12,',
].join('\n');

const summary = (w: { column: string | null; reason: { code: string } }) =>
  `${w.column ?? '-'} ${w.reason.code}`;

describe('a field no row fills', () => {
  it('gives one warning for the file per field, beside the row warnings', async () => {
    const report = await importFacilities(utf8(REGISTER), options);
    expect(report.fileWarnings.map(summary)).toEqual([
      '建筑面积 W_EMPTY_COLUMN',
      '楼层 W_EMPTY_COLUMN',
      '- W_NO_COLUMN',
    ]);
    expect(report.fileWarnings.map((w) => w.field)).toEqual(['floorArea', 'floorLevel', 'lift']);
    expect(report.fileWarnings[0].reason.zh).toBe(
      '列「建筑面积」全部为空：所有设施的建筑面积将显示为未知（不是 0），请在文件中补充',
    );
    expect(report.fileWarnings[2].reason.zh).toBe(
      '文件中没有「电梯」列：所有设施的电梯情况将显示为未知',
    );
    // The rows keep their own warnings: each one still lacks its value.
    expect(report.warnings.filter((w) => w.column === '建筑面积')).toHaveLength(4);
    expect(report.collection.features.every((f) => f.properties.floorAreaM2 === null)).toBe(true);
  });

  it('says nothing of a column one row fills, nor of a file without data rows', async () => {
    const filled = await importFacilities(
      utf8(
        '名称,类型,经度,纬度,建筑面积,床位,楼层,电梯\n甲站,养老驿站,118.78,32.04,,1,,\n乙站,养老驿站,118.78,32.04,80,,2,有',
      ),
      options,
    );
    expect(filled.fileWarnings).toEqual([]);
    const empty = await importFacilities(utf8('名称,类型,经度,纬度\n'), options);
    expect(empty.fileWarnings).toEqual([]);
  });

  it('is decided over the whole file when it is checked in batches', async () => {
    const all = await importFacilities(utf8(REGISTER), options);
    const streamed = importFacilitiesStreamed(utf8(REGISTER), options, 2);
    if (streamed === undefined) throw new Error('a CSV must stream');
    const batches = [...streamed.batches()];
    expect(batches.length).toBeGreaterThan(1);
    // The first batch has no 床位 value, the file has one: no warning for 床位 in any batch.
    for (const batch of batches) expect(batch.fileWarnings).toEqual(all.fileWarnings);
  });

  it('heads warnings.csv, one line each, and is printed by the import verb', async () => {
    const report = await importFacilities(utf8(REGISTER), options);
    const csv = warnedRowsCsv(report.table, report.warnings, report.fileWarnings).split('\r\n');
    const { zh, en } = report.fileWarnings[0].reason;
    expect(csv[1]).toBe(`,,,,,,,,,"建筑面积: W_EMPTY_COLUMN ${zh} / ${en.replaceAll('"', '""')}"`);
    expect(csv[3]).toContain('(no column): W_NO_COLUMN');
    expect(csv[4]).toMatch(/^F1,/);

    const dir = mkdtempSync(join(tmpdir(), 'cc-empty-'));
    const input = join(dir, 'list.csv');
    writeFileSync(input, `${REGISTER}\n`);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await main(['import', '--facilities', input, '--out', dir, '--crs', 'wgs84']);
    const printed = log.mock.calls.flat().join('\n');
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(printed).toContain('warning: column 建筑面积: W_EMPTY_COLUMN');
    expect(printed).toContain('warning: column (none): W_NO_COLUMN');
    const written = readFileSync(join(dir, 'warnings.csv'), 'utf8').split('\r\n');
    expect(written.filter((l) => l.includes('W_EMPTY_COLUMN'))).toHaveLength(2);
    expect(written.filter((l) => l.includes('W_NO_COLUMN'))).toHaveLength(1);
    expect(written[1]).toContain('建筑面积: W_EMPTY_COLUMN');
  });
});
