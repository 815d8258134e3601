import { describe, expect, it, vi } from 'vitest';
import type { ImportProgress } from '../../../analysis/io/import/progress.ts';
import { importFileApi } from '../../../web/src/worker/import-file-api.ts';
import { throttled } from '../../../web/src/worker/progress-throttle.ts';

function register(rows: number): Blob {
  const lines = ['名称,类型,经度,纬度,建筑面积'];
  for (let i = 1; i <= rows; i++)
    lines.push(`站${i},${i % 3 === 0 ? '未知' : '养老驿站'},118.78,32.04,${i % 2 === 0 ? '' : 80}`);
  return new Blob([`${lines.join('\n')}\n`]);
}

describe('the import worker API (plain functions, run in Node)', () => {
  it('keeps the table, hands the page the opening rows and small summaries', async () => {
    const read = await importFileApi.read('k', register(3_000), { fileName: 'r.csv' });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.rowCount).toBe(3_000);
    expect(read.value.table.rows).toHaveLength(200);
    const mapping = read.value.facilities.mapping;
    const seen: number[] = [];
    const summary = importFileApi.validateFacilities('k', 'v', mapping, { crs: 'wgs84' }, (p) =>
      seen.push(p.done),
    );
    if (!summary.ok) throw new Error(summary.error.message);
    expect(summary.value.counts).toMatchObject({ rows: 3_000, accepted: 2_000, rejected: 1_000 });
    expect(summary.value.rejectionCount).toBe(1_000);
    expect(summary.value.rejections).toHaveLength(100);
    expect(summary.value.accepted).toHaveLength(100);
    expect(seen.at(-1)).toBe(3_000);
    const slices = [0, 1_500].map((from) => importFileApi.acceptedFeatures('v', from, 1_500));
    expect(slices.flat().map((f) => f.properties.source_row)).toHaveLength(2_000);
    expect(importFileApi.rejectedCsv('v').split('\r\n')).toHaveLength(1_002);
    const evidence = importFileApi.crsEvidence('k', mapping, 'r.csv');
    if (!evidence.ok) throw new Error(evidence.error.message);
    expect(evidence.value.points).toHaveLength(6_000);
    // Another file read drops what the previous one left.
    await importFileApi.read('other', register(1), { fileName: 'o.csv' });
    expect(importFileApi.holdsValidation('v')).toBe(false);
    expect(() => importFileApi.acceptedFeatures('v', 0, 1)).toThrow();
  });

  it('reports at most every 100 ms, always the end, never backwards', () => {
    const seen: number[] = [];
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const report = throttled((p) => seen.push(p.done));
    const at = (done: number, ms: number) => {
      now = ms;
      report?.({ stage: 'read', unit: 'bytes', done, total: 10 } satisfies ImportProgress);
    };
    at(0, 0);
    at(1, 50); // too soon
    at(2, 120);
    at(1, 300); // backwards (a reader's second pass)
    at(3, 310); // 190 ms after the last report
    at(10, 320); // the end always goes
    vi.restoreAllMocks();
    expect(seen).toEqual([0, 2, 3, 10]);
  });
});
