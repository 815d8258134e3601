import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import {
  parseStatusTable,
  type StatusTable,
  throwIfProblems,
} from '../../../analysis/programme/status-columns.ts';
import { readStatusCsv, writeStatusCsv } from '../../../analysis/programme/status-csv.ts';
import { recordsOf, withRecords } from '../../../analysis/programme/status-table.ts';
import { readStatusXlsx, writeStatusXlsx } from '../../../analysis/programme/status-xlsx.ts';
import { SITE_STATUSES, type SiteProgramme } from '../../../analysis/programme/types.ts';

const fixture = readFileSync(
  new URL('../../fixtures/programme/register-zh.csv', import.meta.url),
  'utf8',
);

/** A table using every field, with awkward text in the notes and the other columns. */
function fullTable(): StatusTable {
  const full: SiteProgramme = {
    id: 'C2',
    status: 'accepted',
    steps: {
      proposed: { year: 2023 },
      planned: { year: 2024, date: '2024-03-01' },
      reviewed: { date: '2024-04-15' },
      under_construction: { year: 2024 },
      built: { year: 2024, date: '2024-11-02' },
      accepted: { year: 2024, date: '2024-12-10' },
    },
    upgraded: true,
    capacity: 40,
    capacityAtOnce: 15,
    usableAreaM2: 180.5,
    functions: ['生活服务', '健康管理'],
    costYuan: 80_000.25,
    designations: ['jiaxing_station'],
    unitId: 'C-8b30',
    note: '改造屋面, "加装扶手"\n第二行',
  };
  return {
    language: 'zh',
    extraColumns: ['名称', 'lon', '说明'],
    rows: [
      {
        id: 'C2',
        record: full,
        extra: { 名称: '示例·华侨路, 日间照料中心', lon: '118.77', 说明: '' },
      },
      { id: 'P9', extra: { 名称: '基线', lon: '118.78', 说明: '=1+1' } },
      {
        id: 'S7',
        record: {
          id: 'S7',
          status: 'accepted',
          steps: {},
          upgraded: false,
          baseline: true,
          capacity: 20,
          functions: ['生活服务', '家庭支持'],
          unitId: 'C-1',
        },
        extra: { 名称: '现有驿站', lon: '118.79', 说明: '' },
      },
      {
        id: 'P5',
        record: { id: 'P5', status: 'proposed', steps: {}, upgraded: false },
        extra: { 名称: ' 前后空格 ', lon: '', 说明: 'x' },
      },
    ],
  };
}

const sameContent = (a: StatusTable, b: StatusTable) => {
  expect(b.rows).toEqual(a.rows);
  expect(b.extraColumns).toEqual(a.extraColumns);
};

describe('status columns: reading', () => {
  it('reads the Chinese headers and values of a hand-written register', () => {
    const { table, problems } = readStatusCsv(fixture);
    expect(problems).toEqual([]);
    expect(table.language).toBe('zh');
    expect(table.extraColumns).toEqual(['名称']);
    expect(table.rows.map((r) => r.id)).toEqual(['C2', 'P3', 'P9', 'P5']);
    const [c2, p3] = recordsOf(table);
    expect(c2).toEqual({
      id: 'C2',
      status: 'accepted',
      steps: {
        planned: { year: 2024, date: '2024-03-01' },
        reviewed: { year: 2024, date: '2024-04-15' },
        under_construction: { year: 2024 },
        built: { year: 2024 },
        accepted: { year: 2024, date: '2024-12-10' },
      },
      upgraded: true,
      capacity: 40,
      usableAreaM2: 180,
      functions: ['生活服务', '健康管理'],
      costYuan: 80_000,
      note: '改造屋面, 加装扶手',
    });
    expect(p3.functions).toEqual(['文体娱乐', '家庭支持']);
    expect(p3.designations).toEqual(['jiaxing_station']);
    // No status but a note: a baseline facility whose attributes are kept.
    expect(table.rows[2]).toEqual({
      id: 'P9',
      record: {
        id: 'P9',
        status: 'accepted',
        steps: {},
        upgraded: false,
        baseline: true,
        note: '基线设施',
      },
      extra: { 名称: '示例·睦邻点9' },
    });
    expect(recordsOf(table)).toHaveLength(4);
  });

  it('lists every bad cell with its row and column', () => {
    const header = [
      'id',
      'status',
      'planned_year',
      'reviewed_date',
      'upgraded',
      'capacity',
      'name',
    ];
    const rows = [
      ['A', 'done', '', '', '', '', 'x'],
      ['B', 'planned', '2024.5', '2024/05/01', 'maybe', '-3', 'y'],
      ['', 'planned', '', '', '', '', 'z'],
      ['D', '', '2025', '', '', '', 'w'],
    ];
    const { problems } = parseStatusTable(header, rows);
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual([
      '2:status',
      '3:planned_year',
      '3:reviewed_date',
      '3:upgraded',
      '3:capacity',
      '4:id',
      '5:status',
    ]);
    try {
      throwIfProblems(problems, 'reg.csv');
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error) && error.code).toBe('E_BAD_STATUS_COLUMNS');
      expect((error as Error).message).toContain('reg.csv, row 2, column status: 7 bad cell(s)');
      expect((error as Error).message).toContain('row 3, column upgraded ("maybe")');
    }
  });

  it('requires an id column', () => {
    expect(() => parseStatusTable(['状态'], [['拟建']])).toThrow(/no id column/);
  });
});

describe('status columns: XLSX typed by hand in Excel', () => {
  it('reads numbers, dates, formulas and rich text as the text the user sees', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('登记表');
    sheet.addRow(['编号', '状态', '验收年度', '验收日期', '使用面积', '服务功能', '投资额']);
    sheet.addRow([
      'P1',
      '验收通过',
      2025,
      new Date(Date.UTC(2025, 5, 30)),
      35.5,
      { richText: [{ text: '生活服务、' }, { text: '健康管理', font: { bold: true } }] },
      { formula: '10000*2', result: 20000 },
    ]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const { table, problems } = await readStatusXlsx(bytes);
    expect(problems).toEqual([]);
    expect(recordsOf(table)[0]).toEqual({
      id: 'P1',
      status: 'accepted',
      steps: { accepted: { year: 2025, date: '2025-06-30' } },
      upgraded: false,
      usableAreaM2: 35.5,
      functions: ['生活服务', '健康管理'],
      costYuan: 20000,
    });
  });

  it('names a file that is not XLSX', async () => {
    await expect(readStatusXlsx(new Uint8Array([1, 2, 3]), { file: 'x.xlsx' })).rejects.toThrow(
      /x\.xlsx: not a readable XLSX/,
    );
  });
});

describe('status columns: round trips lose nothing', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`CSV (${language} headers)`, () => {
      const table = fullTable();
      const text = writeStatusCsv(table, { language });
      expect(text.startsWith('\uFEFF')).toBe(true);
      const back = readStatusCsv(text);
      expect(back.problems).toEqual([]);
      expect(back.table.language).toBe(language);
      sameContent(table, back.table);
    });

    it(`XLSX (${language} headers)`, async () => {
      const table = fullTable();
      const back = await readStatusXlsx(await writeStatusXlsx(table, { language }));
      expect(back.problems).toEqual([]);
      sameContent(table, back.table);
    });
  }

  it('the hand-written register survives CSV → XLSX → CSV unchanged', async () => {
    const first = readStatusCsv(fixture).table;
    const viaXlsx = await readStatusXlsx(await writeStatusXlsx(first));
    const again = readStatusCsv(writeStatusCsv(viaXlsx.table));
    sameContent(first, again.table);
  });

  it('edited records go back into their rows; new ones are appended', () => {
    const table = fullTable();
    const edited = withRecords(table, [
      { id: 'P5', status: 'planned', steps: { planned: { year: 2026 } }, upgraded: false },
      { id: 'N1', status: 'proposed', steps: {}, upgraded: false },
    ]);
    expect(edited.rows.map((r) => [r.id, r.record?.status])).toEqual([
      ['C2', 'accepted'],
      ['P9', undefined],
      ['S7', 'accepted'],
      ['P5', 'planned'],
      ['N1', 'proposed'],
    ]);
    expect(edited.rows[3].extra).toEqual(table.rows[3].extra);
  });

  it('random records survive CSV and XLSX (property test)', async () => {
    const text = fc
      .string({ minLength: 1, maxLength: 12 })
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const item = fc.constantFrom('生活服务', '健康管理', '文体娱乐', '家庭支持', 'meals', '助浴');
    const record = fc.record({
      statusIndex: fc.integer({ min: 0, max: 5 }),
      year: fc.integer({ min: 2000, max: 2100 }),
      upgraded: fc.boolean(),
      capacity: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
      capacityAtOnce: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      usableAreaM2: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
      functions: fc.option(fc.uniqueArray(item, { minLength: 1, maxLength: 4 }), {
        nil: undefined,
      }),
      note: fc.option(text, { nil: undefined }),
      extra: fc.string({ maxLength: 20 }),
    });
    const tables = fc.uniqueArray(record, { minLength: 1, maxLength: 5 }).map(
      (list): StatusTable => ({
        language: 'zh',
        extraColumns: ['其他'],
        rows: list.map((r, index) => {
          const status = SITE_STATUSES[r.statusIndex];
          const site: SiteProgramme = {
            id: `S${index}`,
            status,
            steps: { [status]: { year: r.year } },
            upgraded: r.upgraded,
          };
          for (const key of [
            'capacity',
            'capacityAtOnce',
            'usableAreaM2',
            'functions',
            'note',
          ] as const) {
            if (r[key] !== undefined) Object.assign(site, { [key]: r[key] });
          }
          return { id: site.id, record: site, extra: { 其他: r.extra } };
        }),
      }),
    );
    fc.assert(
      fc.property(tables, (table) => {
        sameContent(table, readStatusCsv(writeStatusCsv(table, { language: 'en' })).table);
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(tables, async (table) => {
        sameContent(table, (await readStatusXlsx(await writeStatusXlsx(table))).table);
      }),
      { numRuns: 8 },
    );
  });
});
