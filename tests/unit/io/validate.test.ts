import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { guessColumns } from '../../../analysis/io/import/guess-columns.ts';
import { importFacilities } from '../../../analysis/io/import/import-facilities.ts';
import { rejectedRowsCsv } from '../../../analysis/io/import/rejected-csv.ts';
import { validateFacilities } from '../../../analysis/io/import/validate-facilities.ts';
import { readCsv } from '../../../analysis/io/table/read-csv.ts';
import { fixture, metresBetween, utf8 } from './helpers.ts';

const expected: { id: string; lon: number; lat: number }[] = JSON.parse(
  new TextDecoder().decode(fixture('facilities-gcj02-expected.json')),
);

describe('importFacilities on the GBK / GCJ-02 register', () => {
  it('lands the good rows within a metre of their true WGS-84 place and lists the bad one', async () => {
    const report = await importFacilities(fixture('facilities-gcj02-gbk.csv'), {
      fileName: 'register.csv',
      crs: 'gcj02',
    });
    expect(report.table.encoding).toBe('gb18030');
    expect(report.counts).toEqual({ rows: 5, accepted: 4, rejected: 1, emptyRows: 0 });
    expect(report.rejections).toEqual([
      {
        row: 5,
        column: '建筑面积',
        value: '约40',
        reason: expect.objectContaining({ code: 'E_BAD_NUMBER' }),
      },
    ]);
    for (const feature of report.collection.features) {
      const truth = expected.find((e) => e.id === feature.properties.id);
      if (truth === undefined) throw new Error(`unexpected ${feature.properties.id}`);
      expect(metresBetween(feature.geometry.coordinates, [truth.lon, truth.lat])).toBeLessThan(1);
      expect(feature.properties.crs).toBe('gcj02');
      expect(feature.properties.illustrative).toBe(false);
      expect(feature.properties.extra).toEqual({ 状态: '已建成' });
    }
    const first = report.collection.features[0].properties;
    expect(first).toMatchObject({
      id: 'NJ-001',
      name: '新街口街道综合养老服务中心',
      type: 'street_center',
      typeName: '街道综合养老服务中心',
      floorAreaM2: 820,
      beds: 40,
      unknown: ['floorLevel'],
      source_row: 2,
      source_lon: 118.784308,
      source_lat: 32.040451,
    });
  });

  it('gives the same result from the UTF-8 (BOM) copy', async () => {
    const gbk = await importFacilities(fixture('facilities-gcj02-gbk.csv'), { crs: 'gcj02' });
    const bom = await importFacilities(fixture('facilities-gcj02-utf8-bom.csv'), { crs: 'gcj02' });
    expect(bom.table.encoding).toBe('utf-8-bom');
    expect(bom.collection).toEqual(gbk.collection);
  });

  it('asks for the CRS when it cannot tell, and follows a file-name hint', async () => {
    await expect(
      importFacilities(fixture('facilities-gcj02-gbk.csv'), { fileName: 'register.csv' }),
    ).rejects.toMatchObject({
      code: 'E_CRS_UNDECIDED',
    });
    const hinted = await importFacilities(fixture('facilities-gcj02-gbk.csv'), {
      fileName: '养老设施_高德坐标.csv',
    });
    expect(hinted.crs).toBe('gcj02');
    expect(hinted.crsChoice).toMatchObject({ forced: false, suggestion: { basis: 'hint' } });
  });
});

const HEADER = 'id,名称,类型,经度,纬度,面积,床位,楼层,电梯,年度';

function check(
  rows: string[],
  options: Parameters<typeof validateFacilities>[2] = { crs: 'wgs84' },
) {
  const table = readCsv(utf8(`${[HEADER, ...rows].join('\n')}\n`));
  const guess = guessColumns(table, 'facilities');
  return { table, result: validateFacilities(table, guess.mapping, options) };
}

describe('validateFacilities', () => {
  it.each([
    ['1,站,驿站,32.04,118.78,10,0,1,有,', '经度', 'E_SWAPPED'],
    ['1,站,驿站,2.35,48.85,10,0,1,有,', '经度', 'E_OUTSIDE_CHINA'],
    ['1,站,驿站,118.78,95,10,0,1,有,', '经度', 'E_COORD_RANGE'],
    ['1,站,驿站,东经118,32.04,10,0,1,有,', '经度', 'E_BAD_NUMBER'],
    ['1,站,驿站,,32.04,10,0,1,有,', '经度', 'E_MISSING_VALUE'],
    ['1, ,驿站,118.78,32.04,10,0,1,有,', '名称', 'E_MISSING_VALUE'],
    ['1,站,敬老院,118.78,32.04,10,0,1,有,', '类型', 'E_UNKNOWN_TYPE'],
    ['1,站,驿站,118.78,32.04,abc,0,1,有,', '面积', 'E_BAD_NUMBER'],
    ['1,站,驿站,118.78,32.04,-5,0,1,有,', '面积', 'E_NEGATIVE'],
    ['1,站,驿站,118.78,32.04,10,2.5,1,有,', '床位', 'E_NOT_INTEGER'],
    ['1,站,驿站,118.78,32.04,10,0,0,有,', '楼层', 'E_BAD_FLOOR'],
    ['1,站,驿站,118.78,32.04,10,0,1,也许,', '电梯', 'E_BAD_BOOLEAN'],
    ['1,站,驿站,118.78,32.04,10,0,1,有,2024,extra', '(column 11)', 'E_FIELD_COUNT'],
  ])('%s → %s %s', (row, column, code) => {
    const { result } = check([row]);
    expect(result.counts.accepted).toBe(0);
    expect(result.rejections).toHaveLength(1);
    expect(result.rejections[0]).toMatchObject({ row: 2, column, reason: { code } });
    expect(result.rejections[0].reason.zh.length).toBeGreaterThan(0);
    expect(result.rejections[0].reason.en.length).toBeGreaterThan(0);
  });

  it('lists every problem of a row, and all rows sharing an id', () => {
    const { result } = check([
      'A,站,驿站,118.78,32.04,abc,x,1,有,',
      'B,站二,驿站,118.78,32.04,10,0,1,,',
      'A,站三,驿站,118.79,32.05,10,0,1,,',
    ]);
    expect(result.rejections.map((r) => [r.row, r.column, r.reason.code])).toEqual([
      [2, '面积', 'E_BAD_NUMBER'],
      [2, '床位', 'E_BAD_NUMBER'],
      [2, 'id', 'E_DUPLICATE_ID'],
      [4, 'id', 'E_DUPLICATE_ID'],
    ]);
    expect(result.rejectedRows).toEqual([2, 4]);
    expect(result.collection.features.map((f) => f.properties.id)).toEqual(['B']);
  });

  it('counts empty rows without rejecting them, and keeps unmapped columns verbatim', () => {
    const { result } = check([
      '',
      'A,站,养老驿站,118.78,32.04,"1,200.0",3,2层,否, 2024 ',
      ',,,,,,,,,',
    ]);
    expect(result.counts).toEqual({ rows: 1, accepted: 1, rejected: 0, emptyRows: 2 });
    const p = result.collection.features[0].properties;
    expect(p).toMatchObject({
      floorAreaM2: 1200,
      beds: 3,
      floorLevel: 2,
      hasLift: false,
      type: 'care_post',
      source_row: 3,
    });
    expect(p.extra).toEqual({ 年度: ' 2024 ' });
    expect(result.collection.features[0].geometry.coordinates).toEqual([118.78, 32.04]);
  });

  it('reads one combined coordinate column', () => {
    const table = readCsv(
      utf8('名称,类型,坐标\n站,驿站,"118.78,32.04"\n站2,驿站,"32.04,118.78"\n站3,驿站,118.78\n'),
    );
    const result = validateFacilities(table, guessColumns(table, 'facilities').mapping, {
      crs: 'wgs84',
    });
    expect(result.collection.features).toHaveLength(1);
    expect(result.rejections.map((r) => [r.row, r.column, r.reason.code])).toEqual([
      [3, '坐标', 'E_SWAPPED'],
      [4, '坐标', 'E_BAD_COORD_PAIR'],
    ]);
  });

  it('refuses a mapping without coordinates, name or type (unless a default type is given)', () => {
    const table = readCsv(utf8('名称,经度,纬度\n站,118.78,32.04\n'));
    const mapping = guessColumns(table, 'facilities').mapping;
    expect(() => validateFacilities(table, mapping, { crs: 'wgs84' })).toThrow(InputError);
    const ok = validateFacilities(table, mapping, {
      crs: 'wgs84',
      defaultType: 'neighbourhood_point',
    });
    expect(ok.collection.features[0].properties.type).toBe('neighbourhood_point');
    expect(() =>
      validateFacilities(table, { name: '名称' }, { crs: 'wgs84', defaultType: 'care_post' }),
    ).toThrow(/经度|lonlat|longitude/);
    expect(() => validateFacilities(table, { ...mapping, name: '没有' }, { crs: 'wgs84' })).toThrow(
      /没有/,
    );
  });
});

describe('rejectedRowsCsv', () => {
  it('writes the original columns and cells plus reject_reason, UTF-8 with BOM', () => {
    const { table, result } = check([
      'A,"站,一",驿站,32.04,118.78,10,0,1,有,2024',
      'B,站二,驿站,118.78,32.04,10,0,1,有,',
    ]);
    const csv = rejectedRowsCsv(table, result.rejections);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...HEADER.split(','), 'row', 'reject_reason']);
    expect(parsed.data).toHaveLength(2);
    expect(parsed.data[1].slice(0, 10)).toEqual([
      'A',
      '站,一',
      '驿站',
      '32.04',
      '118.78',
      '10',
      '0',
      '1',
      '有',
      '2024',
    ]);
    expect(parsed.data[1][10]).toBe('2');
    expect(parsed.data[1][11]).toContain('E_SWAPPED');
  });
});

describe('suggestTableCrs', () => {
  it('reads hints from the mapped coordinate headers only', async () => {
    const { suggestTableCrs } = await import('../../../analysis/io/import/import-facilities.ts');
    const table = readCsv(utf8('名称,类型,bd_lng,bd_lat,备注_gcj\n站,驿站,118.79,32.05,x\n'));
    const s = suggestTableCrs(table, guessColumns(table, 'facilities').mapping);
    expect(s).toMatchObject({ crs: 'bd09', basis: 'hint' });
  });
});
