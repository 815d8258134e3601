import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import { type Crs, toWgs84 } from '../../../analysis/io/crs/convert.ts';
import { facilityTypeOf } from '../../../analysis/io/import/facility-type-names.ts';
import { guessColumns } from '../../../analysis/io/import/guess-columns.ts';
import { parseBoolean, parseNumber } from '../../../analysis/io/import/parse-values.ts';
import { rejectedRowsCsv } from '../../../analysis/io/import/rejected-csv.ts';
import {
  type FacilityImport,
  validateFacilities,
} from '../../../analysis/io/import/validate-facilities.ts';
import { readTable } from '../../../analysis/io/table/read-table.ts';
import type { RawTable } from '../../../analysis/io/table/types.ts';

// Malformed registers: known and junk headers in any order (missing, duplicated or swapped
// columns), cells that are valid, text in number fields, swapped or foreign coordinates, quotes
// and delimiters inside cells; then written in a random encoding, sometimes corrupted or cut.
const HEADERS = [
  '编号',
  '名称',
  '类型',
  '经度',
  '纬度',
  '坐标',
  '建筑面积',
  '床位',
  '楼层',
  '电梯',
  'x',
  'y',
  'lng',
  'lat',
  '状态',
  '备注',
  '',
  'id',
  'name',
];
const CORE_HEADERS = [
  '编号',
  '名称',
  '类型',
  '经度',
  '纬度',
  '建筑面积',
  '床位',
  '楼层',
  '电梯',
  '状态',
];
const TYPES = [
  '社区养老服务站',
  '驿站',
  '睦邻点',
  '日间照料中心',
  '敬老院',
  'day_care',
  '街道综合养老服务中心',
  '',
];
const cell = fc.oneof(
  fc.constantFrom(
    '118.78',
    '32.04',
    '32.04',
    '118.78',
    '2.35',
    '48.85',
    '-999',
    '1e999',
    '0',
    '-5',
    '3层',
    '1,200',
    '12,5',
  ),
  fc.constantFrom(...TYPES),
  fc.constantFrom(
    '有',
    '无',
    '也许',
    'abc',
    '',
    ' ',
    '"',
    '""',
    ',',
    ';',
    '\t',
    '\n',
    '118.78,32.04',
    '32.04，118.78',
    'NaN',
  ),
  fc.double({ min: -200, max: 200, noNaN: true }).map(String),
  fc.integer({ min: -10, max: 5000 }).map(String),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

// Mostly plausible values per column, so that many rows are accepted and their values checked.
const coordinate = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true }).map((v) => String(Math.round(v * 1e6) / 1e6));
const PLAUSIBLE: Record<string, fc.Arbitrary<string>> = {
  编号: fc.oneof(
    fc.integer({ min: 1, max: 40 }).map((n) => `F${n}`),
    fc.constant(''),
    fc.string({ maxLength: 4 }),
  ),
  名称: fc.oneof(
    fc.constantFrom('新街口站', ' 汉中路站 ', '睦邻点"一"', '站,二'),
    fc.string({ minLength: 1, maxLength: 8 }),
  ),
  类型: fc.constantFrom(...TYPES),
  经度: fc.oneof(
    coordinate(73.7, 134.7),
    coordinate(118.7, 118.8).map((v) => ` ${v} `),
  ),
  纬度: coordinate(18.2, 53.5),
  建筑面积: fc.oneof(
    fc.integer({ min: 0, max: 3000 }).map(String),
    fc.constantFrom('350㎡', '1,200', '60.5', ''),
  ),
  床位: fc.oneof(fc.integer({ min: 0, max: 200 }).map(String), fc.constantFrom('', '20张')),
  楼层: fc.oneof(fc.integer({ min: -2, max: 12 }).map(String), fc.constantFrom('2层', '')),
  电梯: fc.constantFrom('有', '无', '', '是', 'N'),
};
const cellFor = (header: string) =>
  fc.oneof(
    { weight: 10, arbitrary: PLAUSIBLE[header] ?? fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: cell },
  );

const csvText = fc
  .record({
    header: fc.oneof(
      { weight: 4, arbitrary: fc.shuffledSubarray(CORE_HEADERS, { minLength: 8 }) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...HEADERS), { maxLength: 9 }) },
    ),
    delimiter: fc.constantFrom(',', ';', '\t'),
  })
  .chain(({ header, delimiter }) =>
    fc
      .array(
        fc.oneof(
          { weight: 6, arbitrary: fc.tuple(...header.map(cellFor)) },
          { weight: 1, arbitrary: fc.array(cell, { maxLength: 10 }) },
        ),
        {
          maxLength: 6,
        },
      )
      .map((rows) =>
        [header, ...rows]
          .map((cells) =>
            cells
              .map((c) => (/[",;\t\n]/.test(c) && c !== '"' ? `"${c.replace(/"/g, '""')}"` : c))
              .join(delimiter),
          )
          .join('\n'),
      ),
  );

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const fileBytes = fc.oneof(
  { weight: 6, arbitrary: csvText.map((t) => new TextEncoder().encode(t)) },
  {
    weight: 1,
    arbitrary: csvText.map(
      (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)]),
    ),
  },
  { weight: 1, arbitrary: csvText.map(utf16le) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        csvText,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat(),
      )
      .map(([t, flips, cut]) => {
        const bytes = new TextEncoder().encode(t);
        for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
        return bytes.subarray(0, bytes.length === 0 ? 0 : (cut % bytes.length) + 1);
      }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }).map((j) => new TextEncoder().encode(j)) },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.record({
          lon: fc.double({ min: -200, max: 200 }),
          lat: fc.double({ min: -100, max: 100 }),
          name: cell,
          type: fc.constantFrom(...TYPES),
        }),
        { maxLength: 5 },
      )
      .map((points) =>
        new TextEncoder().encode(
          JSON.stringify({
            type: 'FeatureCollection',
            features: points.map((p) => ({
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
              properties: { 名称: p.name, 类型: p.type },
            })),
          }),
        ),
      ),
  },
);

/** Runs the importer as the wizard does; returns undefined when it stopped with an InputError. */
async function runImport(
  bytes: Uint8Array,
  crs: Crs,
): Promise<
  { table: RawTable; result: FacilityImport; mapping: Record<string, string> } | undefined
> {
  try {
    const table = await readTable(bytes, { fileName: 'fuzz.csv' });
    const mapping = guessColumns(table, 'facilities').mapping;
    const result = validateFacilities(table, mapping, { crs, defaultType: 'care_post' });
    return { table, result, mapping: mapping as Record<string, string> };
  } catch (error) {
    if (isInputError(error)) return undefined;
    throw error;
  }
}

// Plain checks instead of expect(): this runs ~30 times per file for 10,000 files.
function ensure(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** An empty cell is not recorded: null, never a number made up for it. */
function sameNumber(value: number | null, text: string, kind: 'area' | 'beds' | 'floor'): boolean {
  if (text.trim() === '') return value === null;
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return value === Number(text.trim());
  return value === parseNumber(text, kind);
}

function checkInvariants(
  table: RawTable,
  result: FacilityImport,
  mapping: Record<string, string>,
  crs: Crs,
) {
  const rowsByNumber = new Map(table.rows.map((r) => [r.row, r]));
  for (const r of result.rejections) {
    ensure(rowsByNumber.has(r.row), () => `rejection names row ${r.row}, not a row of the table`);
    ensure(r.column.length > 0, () => `rejection of row ${r.row} names no column`);
    ensure(
      /^E_[A-Z_]+$/.test(r.reason.code) && r.reason.zh !== '' && r.reason.en !== '',
      () => `bad reason ${JSON.stringify(r.reason)}`,
    );
    ensure(typeof r.value === 'string', () => 'value is not a string');
  }
  const rejected = new Set(result.rejectedRows);
  ensure(
    result.counts.accepted + result.counts.rejected === table.rows.length,
    () => 'accepted + rejected ≠ rows',
  );
  const mapped = new Set(Object.values(mapping));
  for (const feature of result.collection.features) {
    const p = feature.properties;
    const source = rowsByNumber.get(p.source_row);
    if (source === undefined) throw new Error(`accepted feature from unknown row ${p.source_row}`);
    const cellOf = (field: string) =>
      mapping[field] === undefined ? '' : source.cells[table.columns.indexOf(mapping[field])];
    const where = () =>
      `row ${p.source_row}: ${JSON.stringify(p)} from ${JSON.stringify(source.cells)}`;
    ensure(!rejected.has(p.source_row), () => `row ${p.source_row} both accepted and rejected`);
    ensure(p.name === cellOf('name'), () => `name altered, ${where()}`);
    ensure(
      p.type === (mapping.type === undefined ? 'care_post' : facilityTypeOf(cellOf('type'))),
      () => `type, ${where()}`,
    );
    ensure(sameNumber(p.floorAreaM2, cellOf('floorArea'), 'area'), () => `floor area, ${where()}`);
    ensure(sameNumber(p.beds, cellOf('beds'), 'beds'), () => `beds, ${where()}`);
    ensure(
      sameNumber(p.floorLevel, cellOf('floorLevel'), 'floor'),
      () => `floor level, ${where()}`,
    );
    const lift = cellOf('lift');
    ensure(
      p.hasLift === (lift.trim() === '' ? undefined : parseBoolean(lift)),
      () => `lift, ${where()}`,
    );
    const id = cellOf('id');
    ensure(p.id === (id.trim() === '' ? `row-${p.source_row}` : id), () => `id, ${where()}`);
    ensure(p.crs === crs, () => `crs, ${where()}`);
    if (mapping.lon !== undefined) {
      ensure(
        p.source_lon === parseNumber(cellOf('lon')) && p.source_lat === parseNumber(cellOf('lat')),
        () => `source coordinates, ${where()}`,
      );
    }
    // The only change allowed: the stated conversion.
    const [lon, lat] = toWgs84(p.source_lon, p.source_lat, crs);
    ensure(
      feature.geometry.coordinates[0] === lon && feature.geometry.coordinates[1] === lat,
      () => `geometry, ${where()}`,
    );
    table.columns.forEach((c, i) => {
      if (!mapped.has(c)) ensure(p.extra[c] === source.cells[i], () => `extra ${c}, ${where()}`);
    });
  }
}

describe('importer fuzzing', () => {
  it('survives 10,000 malformed files: InputError or a result whose every rejection is named and whose accepted rows are unaltered', async () => {
    let results = 0;
    let inputErrors = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fileBytes,
        fc.constantFrom<Crs>('wgs84', 'gcj02', 'bd09'),
        async (bytes, crs) => {
          const run = await runImport(bytes, crs);
          if (run === undefined) {
            inputErrors++;
            return;
          }
          results++;
          accepted += run.result.counts.accepted;
          checkInvariants(run.table, run.result, run.mapping, crs);
          const csv = rejectedRowsCsv(run.table, run.result.rejections);
          ensure(csv.startsWith('\uFEFF'), () => 'rejected.csv has no BOM');
          const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: 'greedy' });
          ensure(
            parsed.data.length === 1 + run.result.counts.rejected,
            () => `rejected.csv has ${parsed.data.length - 1} rows`,
          );
        },
      ),
      { numRuns: 10_000, seed: 20261122 },
    );
    // Both outcomes must actually occur, or the generator is not exercising the importer.
    expect(results).toBeGreaterThan(2000);
    expect(inputErrors).toBeGreaterThan(200);
    expect(accepted).toBeGreaterThan(3000);
  });

  it('handles empty and huge inputs without crashing', async () => {
    await expect(readTable(new Uint8Array(0))).rejects.toMatchObject({ code: 'E_EMPTY_FILE' });
    await expect(readTable(new TextEncoder().encode('\n\n  \n'))).rejects.toMatchObject({
      code: 'E_EMPTY_FILE',
    });
    await expect(readTable(new Uint8Array(11), { maxBytes: 10 })).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
    });
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `F${i},站${i},驿站,${118 + (i % 100) / 100},32.0${i % 10},${i % 7 === 0 ? 'abc' : i}`,
    );
    const big = new TextEncoder().encode(
      `编号,名称,类型,经度,纬度,面积\n${rows.join('\n')}\n${'x'.repeat(1_000_000)}\n`,
    );
    const run = await runImport(big, 'gcj02');
    expect(run?.result.counts.accepted).toBe(20_000 - Math.ceil(20_000 / 7));
    expect(run?.result.rejections.at(-1)).toMatchObject({ row: 20_002 });
  });
});
