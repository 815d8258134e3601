import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeStatusCsv } from '../../../analysis/programme/status-csv.ts';
import { writeStatusXlsx } from '../../../analysis/programme/status-xlsx.ts';
import { main } from '../../../scripts/cli.ts';
import { handMadeRegister } from './register-fixture.ts';

/** A city folder with the hand-made register: U1 = lon 0–1, U2 = lon 1–2 (community units). */
function makeCity(): {
  city: string;
  csv: string;
  xlsxTable: Parameters<typeof writeStatusXlsx>[0];
} {
  const dir = mkdtempSync(join(tmpdir(), 'cc-programme-'));
  const { facilities, sites } = handMadeRegister();
  const inU1 = new Set(['C1', 'C2', 'P1', 'P2']);
  const features = facilities.map((f) => ({
    type: 'Feature',
    properties: f,
    geometry: { type: 'Point', coordinates: [inU1.has(f.id) ? 0.5 : 1.5, 0.5] },
  }));
  writeFileSync(
    join(dir, 'facilities.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features }),
  );
  const square = (x: number) => [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ];
  const units = ['U1', 'U2'].map((id, index) => ({
    type: 'Feature',
    properties: { id, name: id, level: 'community', derived: true },
    geometry: { type: 'Polygon', coordinates: square(index) },
  }));
  writeFileSync(
    join(dir, 'units.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features: units }),
  );
  // Unit ids come from the polygons here, so drop the records' own ones.
  const table = {
    language: 'zh' as const,
    extraColumns: [],
    rows: sites.map(({ unitId: _, ...record }) => ({ id: record.id, record, extra: {} })),
  };
  const csv = join(dir, 'register.csv');
  writeFileSync(csv, writeStatusCsv(table));
  return { city: dir, csv, xlsxTable: table };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts) => out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts) => err.push(parts.join(' ')));
  const code = await main(['progress', ...args]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('carecircle progress', () => {
  it('writes progress.json and budget.csv from a CSV register', async () => {
    const { city, csv } = makeCity();
    const outDir = join(city, 'out');
    const result = await run([
      '--city',
      city,
      '--profile',
      'haining-2024',
      '--register',
      csv,
      '--out',
      outDir,
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const progress = JSON.parse(readFileSync(join(outDir, 'progress.json'), 'utf8'));
    const points2025 = progress.years[1].targets.find((t: { id: string }) => t.id === 'points');
    expect(points2025).toMatchObject({ year: 2025, target: 180, achieved: 3, gap: 177 });
    expect(points2025.byUnit).toEqual({ U1: { achieved: 2 }, U2: { achieved: 1 } });
    expect(progress.budget.total).toMatchObject({
      sites: 7,
      costYuan: 473_000,
      subsidyYuan: 128_000,
      localYuan: 345_000,
    });
    expect(progress.warnings).toEqual([]);
    const budget = readFileSync(join(outDir, 'budget.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(budget[0]).toBe(
      'site_id,name,type,upgraded,year,unit_id,area_m2,cost_yuan,cost_source,subsidy_yuan,subsidy_committed_yuan,subsidy_paid_yuan,subsidy_rules,local_yuan',
    );
    expect(budget[1]).toBe(
      'C2,site C2,day_care,true,2024,U1,100,80000,entered,30000,30000,30000,center-upgrade,50000',
    );
    expect(budget).toHaveLength(8);
  });

  it('reads an XLSX register and limits the report to one year', async () => {
    const { city, xlsxTable } = makeCity();
    const file = join(city, 'register.xlsx');
    writeFileSync(file, await writeStatusXlsx(xlsxTable, { language: 'en' }));
    const outDir = join(city, 'out');
    const result = await run([
      '--city',
      city,
      '--profile',
      'haining-2024',
      '--register',
      file,
      '--year',
      '2025',
      '--out',
      outDir,
    ]);
    expect(result.code).toBe(0);
    const progress = JSON.parse(readFileSync(join(outDir, 'progress.json'), 'utf8'));
    expect(progress.years.map((y: { year: number }) => y.year)).toEqual([2025]);
    expect(progress.budget.total).toMatchObject({ sites: 4, costYuan: 318_000 });
  });

  it('reads a GBK register (Chinese Excel) and applies edited targets', async () => {
    const { city } = makeCity();
    const targets = join(city, 'targets.json');
    writeFileSync(targets, JSON.stringify([{ id: 'points', year: 2025, value: 4 }]));
    const gbk = new URL('../../fixtures/programme/register-gbk.csv', import.meta.url).pathname;
    const outDir = join(city, 'out');
    const args = [
      '--city',
      city,
      '--profile',
      'haining-2024',
      '--register',
      gbk,
      '--targets',
      targets,
    ];
    const result = await run([...args, '--out', outDir]);
    expect(result.err).toBe('');
    const progress = JSON.parse(readFileSync(join(outDir, 'progress.json'), 'utf8'));
    // C2, P3 and P5 have statuses here; P1 (a note only), P2 and P4 are baseline points.
    const points = progress.years.map((y: { targets: { id: string }[] }) =>
      y.targets.find((t) => t.id === 'points'),
    );
    expect(points.map((t: { achieved: number }) => t.achieved)).toEqual([3, 4, 4]);
    expect(points[1]).toMatchObject({ target: 4, gap: 0, met: true });
    const upgraded = progress.years[0].targets.find(
      (t: { id: string }) => t.id === 'centers-upgraded',
    );
    expect(upgraded).toMatchObject({ achieved: 0.25, numerator: 1, denominator: 4 });
    expect(progress.budget.total).toMatchObject({
      sites: 3,
      sitesWithoutCost: 0,
      costYuan: 170_000, // C2 ¥80,000 + P3 ¥30,000 entered; P5 40 m² × ¥1,500 (assumed)
    });
  });

  it('fails with every bad cell named', async () => {
    const { city } = makeCity();
    const bad = join(city, 'bad.csv');
    writeFileSync(bad, '编号,状态,列入年度\nC2,完成,2024\nP2,planned,二〇二四\n');
    const result = await run([
      '--city',
      city,
      '--profile',
      'haining-2024',
      '--register',
      bad,
      '--out',
      join(city, 'o'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('E_BAD_STATUS_COLUMNS');
    expect(result.err).toContain('row 2, column 状态 ("完成")');
    expect(result.err).toContain('row 3, column 列入年度 ("二〇二四")');
  });
});
