import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { importFacilities } from '../../../analysis/io/import/import-facilities.ts';
import { importPopulation } from '../../../analysis/io/import/import-population.ts';
import { readTable } from '../../../analysis/io/table/read-table.ts';
import { metresBetween, utf8 } from './helpers.ts';

const HEADER = '编号,名称,类型,经度,纬度,建筑面积,床位,楼层';
const csv = (...rows: string[]) => utf8(`${[HEADER, ...rows].join('\n')}\n`);
const run = (bytes: Uint8Array, fileName = 'list.csv') =>
  importFacilities(bytes, { crs: 'wgs84', fileName });

async function codesOf(...rows: string[]): Promise<string[]> {
  const report = await run(csv(...rows));
  return report.rejections.map((r) => `${r.row} ${r.column} ${r.reason.code}`);
}

async function refused(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('cells the file leaves empty', () => {
  it('optional ones are unknown, with a warning naming the column, never 0 m², 0 beds or floor 1', async () => {
    const report = await run(csv('F1,甲站,社区养老服务站,118.78,32.04,,,'));
    const p = report.collection.features[0].properties;
    expect(p.unknown).toEqual(['floorAreaM2', 'beds', 'floorLevel']);
    expect(p.defaulted).toBeUndefined();
    expect(report.warnings.map((w) => `${w.column} ${w.reason.code}`)).toEqual([
      '建筑面积 W_UNKNOWN_VALUE',
      '床位 W_UNKNOWN_VALUE',
      '楼层 W_UNKNOWN_VALUE',
    ]);
  });

  it('required ones reject the row', async () => {
    expect(await codesOf('F1,,社区养老服务站,118.78,32.04,100,1,1')).toEqual([
      '2 名称 E_MISSING_VALUE',
    ]);
  });

  it('a last line cut short is E_TRUNCATED', async () => {
    const report = await run(
      utf8(`${HEADER}\nF1,甲站,社区养老服务站,118.78,32.04,100,1,1\nF2,乙站,社区养老服务站,118.7`),
    );
    expect(report.rejections.map((r) => `${r.row} ${r.reason.code}`)).toContain('3 E_TRUNCATED');
    expect(report.counts.accepted).toBe(1);
  });
});

describe('numbers that could mean two things, or nothing plausible', () => {
  it('"1,234" is E_AMBIGUOUS_NUMBER; "1,234.5" is not ambiguous', async () => {
    expect(await codesOf('F1,甲站,社区养老服务站,118.78,32.04,"1,234",1,1')).toEqual([
      '2 建筑面积 E_AMBIGUOUS_NUMBER',
    ]);
    const report = await run(csv('F1,甲站,社区养老服务站,118.78,32.04,"1,234.5",1,1'));
    expect(report.collection.features[0].properties.floorAreaM2).toBe(1234.5);
  });

  it('area over 100,000 m², 1e308 m², beds over 5,000 and floor over 100 are rejected with their bounds', async () => {
    const report = await run(
      csv(
        'F1,甲站,社区养老服务站,118.78,32.04,100001,1,1',
        'F2,乙站,社区养老服务站,118.78,32.04,1e308,1,1',
        'F3,丙站,社区养老服务站,118.78,32.04,100,5001,1',
        'F4,丁站,社区养老服务站,118.78,32.04,100,1,101',
        'F5,戊站,社区养老服务站,118.78,32.04,100000,5000,100',
      ),
    );
    expect(report.rejections.map((r) => `${r.row} ${r.reason.code}`)).toEqual([
      '2 E_IMPLAUSIBLE',
      '3 E_IMPLAUSIBLE',
      '4 E_IMPLAUSIBLE',
      '5 E_BAD_FLOOR',
    ]);
    expect(report.rejections[0].reason.en).toMatch(/0 to 100,000 m²/);
    expect(report.rejections[2].reason.en).toMatch(/0 to 5,000 beds/);
    expect(report.counts.accepted).toBe(1);
  });
});

describe('ids are compared after NFKC and trimming', () => {
  it('F003, Ｆ003 and " F003" are one id: every row is a duplicate', async () => {
    const report = await run(
      csv(
        'F003,甲站,社区养老服务站,118.78,32.04,100,1,1',
        'Ｆ003,乙站,社区养老服务站,118.78,32.04,100,1,1',
        ' F003,丙站,社区养老服务站,118.78,32.04,100,1,1',
        'F004,丁站,社区养老服务站,118.78,32.04,100,1,1',
      ),
    );
    expect(report.rejectedRows).toEqual([2, 3, 4]);
    expect(report.rejections.every((r) => r.reason.code === 'E_DUPLICATE_ID')).toBe(true);
  });
});

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const sheetHeader = HEADER.split(',');
const sheetRow = (id: string) => [id, `${id}站`, '社区养老服务站', 118.78, 32.04, 100, 2, 1];

describe('workbooks', () => {
  it('a register split over two sheets is never read as its first sheet without a word (CLI: E_MULTIPLE_SHEETS)', async () => {
    const bytes = await workbook((wb) => {
      for (const name of ['鼓楼', '玄武']) {
        const ws = wb.addWorksheet(name);
        ws.addRow(sheetHeader);
        ws.addRow(sheetRow(name));
      }
    });
    const error = await refused(() =>
      importFacilities(bytes, { crs: 'wgs84', fileName: 'split.xlsx', severalSheets: 'error' }),
    );
    expect(error.code).toBe('E_MULTIPLE_SHEETS');
    expect(error.message).toMatch(/"鼓楼", "玄武"/);
    // The wizard's default: the first sheet, and a note naming both beside the sheet picker.
    const first = await run(bytes, 'split.xlsx');
    expect(first.counts.accepted).toBe(1);
    expect(first.table.warnings.join()).toMatch(
      /"鼓楼", "玄武" all hold register rows; only "鼓楼" is read/,
    );
    const second = await importFacilities(bytes, {
      crs: 'wgs84',
      fileName: 'split.xlsx',
      sheet: '玄武',
    });
    expect(second.counts.accepted).toBe(1);
  });

  it('a notes sheet beside the data is named in the warnings, not an error', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('名录');
      ws.addRow(sheetHeader);
      ws.addRow(sheetRow('F1'));
      wb.addWorksheet('说明').addRow(['数据来源：民政局']);
    });
    const table = await readTable(bytes, { fileName: 'notes.xlsx' });
    expect(table.warnings.join()).toMatch(/sheets not read: 说明/);
  });

  it('a formula without a cached result and #DIV/0! reject their rows with their own codes', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('名录');
      ws.addRow(sheetHeader);
      ws.addRow(sheetRow('F1')).getCell(6).value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
      ws.addRow(sheetRow('F2')).getCell(7).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      ws.addRow(sheetRow('F3'));
    });
    const report = await run(bytes, 'formulas.xlsx');
    expect(report.rejections.map((r) => `${r.row} ${r.column} ${r.reason.code}`)).toEqual([
      '2 建筑面积 E_FORMULA_NO_VALUE',
      '3 床位 E_CELL_ERROR',
    ]);
  });
});

describe('GeoJSON', () => {
  it('nesting past the cap is E_TOO_DEEP, not a stack overflow', async () => {
    const deep = `${'['.repeat(50_000)}0${']'.repeat(50_000)}`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[118.78,32.04]},"properties":{"名称":"x","类型":"睦邻点","备注":${deep}}}]}`;
    const error = await refused(() => readTable(utf8(text), { fileName: 'deep.geojson' }));
    expect(error.code).toBe('E_TOO_DEEP');
  });

  it('a MultiPolygon is placed inside its largest part, with W_LARGEST_PART', async () => {
    const square = (lon: number, r: number) => [
      [
        [lon - r, 32.04 - r],
        [lon + r, 32.04 - r],
        [lon + r, 32.04 + r],
        [lon - r, 32.04 + r],
        [lon - r, 32.04 - r],
      ],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'MultiPolygon',
            coordinates: [square(118.78, 0.0002), square(118.79, 0.0001)],
          },
          properties: { 名称: '甲站', 类型: '社区养老服务站' },
        },
      ],
    };
    const report = await run(utf8(JSON.stringify(fc)), 'multi.geojson');
    const at = report.collection.features[0].geometry.coordinates;
    expect(metresBetween(at, [118.78, 32.04])).toBeLessThan(1);
    expect(report.warnings.map((w) => w.reason.code)).toEqual(['W_LARGEST_PART']);
  });
});

describe('population tables', () => {
  it('"1,234" residents is E_AMBIGUOUS_NUMBER, and a formula without a value rejects its row', async () => {
    const text = utf8('h3,常住人口\n8840e1c0c1fffff,"1,234"\n8840e1c0c3fffff,"1,234.0"\n');
    const report = await importPopulation(text, { fileName: 'pop.csv' });
    expect(report.rejections.map((r) => `${r.row} ${r.reason.code}`)).toEqual([
      '2 E_AMBIGUOUS_NUMBER',
    ]);
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('人口');
      ws.addRow(['h3', '常住人口']);
      ws.addRow(['8840e1c0c1fffff', 10]).getCell(2).value = {
        formula: 'A1*2',
      } as ExcelJS.CellFormulaValue;
      ws.addRow(['8840e1c0c3fffff', 20]);
    });
    const fromXlsx = await importPopulation(bytes, { fileName: 'pop.xlsx' });
    expect(fromXlsx.rejections.map((r) => `${r.row} ${r.reason.code}`)).toContain(
      '2 E_FORMULA_NO_VALUE',
    );
    expect(fromXlsx.rows.map((r) => r.residents)).toEqual([20]);
  });
});
