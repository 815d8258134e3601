import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../analysis/io/import/progress.ts';
import { validateFacilities } from '../../../analysis/io/import/validate-facilities.ts';
import { readTable } from '../../../analysis/io/table/read-table.ts';
import { utf8 } from './helpers.ts';

function register(rows: number): Uint8Array {
  const lines = ['名称,类型,经度,纬度,备注'];
  // A long remark makes the file a few megabytes, so that reading reports between start and end.
  const remark = '备注'.repeat(200);
  for (let i = 1; i <= rows; i++) lines.push(`站${i},养老驿站,118.78,32.04,${remark}`);
  return utf8(`${lines.join('\n')}\n`);
}

describe('import progress', () => {
  it('reading a CSV reports bytes from 0 to the file size, with steps between', async () => {
    const bytes = register(4_500);
    const seen: ImportProgress[] = [];
    await readTable(bytes, { fileName: 'r.csv', onProgress: (p) => seen.push(p) });
    expect(bytes.length).toBeGreaterThan(3 << 20);
    expect(seen[0]).toEqual({ stage: 'read', unit: 'bytes', done: 0, total: bytes.length });
    expect(seen.at(-1)).toEqual({
      stage: 'read',
      unit: 'bytes',
      done: bytes.length,
      total: bytes.length,
    });
    const between = seen.filter((p) => p.done > 0 && p.done < bytes.length);
    expect(between.length).toBeGreaterThanOrEqual(2);
  });

  it('validating reports rows every 2,000 and at the end, without changing the result', async () => {
    const table = await readTable(register(4_500), { fileName: 'r.csv' });
    const mapping = { name: '名称', type: '类型', lon: '经度', lat: '纬度' };
    const seen: number[] = [];
    const watched = validateFacilities(table, mapping, {
      crs: 'wgs84',
      onProgress: (p) => {
        expect(p).toMatchObject({ stage: 'validate', unit: 'rows', total: 4_500 });
        seen.push(p.done);
      },
    });
    expect(seen).toEqual([2_000, 4_000, 4_500]);
    expect(watched).toEqual(validateFacilities(table, mapping, { crs: 'wgs84' }));
  });
});
