import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../analysis/report/build-model.ts';
import { effectMinutes, reportContext } from '../../../analysis/report/context.ts';
import { zh } from '../../../analysis/report/i18n/zh.ts';
import { largestChange, type ThresholdChange } from '../../../analysis/report/narrative.ts';
import { renderDocx } from '../../../analysis/report/render-docx.ts';
import { renderXlsx } from '../../../analysis/report/render-xlsx.ts';
import { unitLabel } from '../../../analysis/report/svg-map.ts';
import type { Block, ReportInput, ReportModel } from '../../../analysis/report/types.ts';
import { documentLabel } from '../../../analysis/standards/documents.ts';
import { gatherReportInput } from '../../../scripts/report/inputs.ts';
import { modelText } from './model-text.ts';

const CITY = 'data/nanjing-xinjiekou';
let input: ReportInput;
let model: ReportModel;

beforeAll(async () => {
  input = await gatherReportInput({
    cityDir: CITY,
    profile: 'huaihua-2020',
    scenarioFile: 'tests/fixtures/report/demo-scenario.json',
    sitesFile: 'tests/fixtures/report/demo-sites.json',
    lang: 'zh',
    generatedOn: '2026-12-03',
  });
  model = buildReportModel(input);
}, 60_000);

const paragraphs = (m: ReportModel, id: string): string[] =>
  (m.sections.find((s) => s.id === id)?.blocks ?? [])
    .filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .map((b) => b.text);

describe('report model', () => {
  it('has the chapters of a review document in order, in both languages', () => {
    const ids = [
      'overview',
      'current',
      'compliance',
      'proposal',
      'effect',
      'implementation',
      'appendix',
    ];
    expect(model.sections.map((s) => s.id)).toEqual(ids);
    expect(model.sections.map((s) => s.title)).toEqual(
      ids.map((id) => zh.sections[id as keyof typeof zh.sections]),
    );
    const en = buildReportModel({ ...input, lang: 'en' });
    expect(en.sections.map((s) => s.id)).toEqual(ids);
    expect(en.sections[0].title).toBe('1 Overview');
  });

  it('numbers every figure in reading order and refers to each in the text', () => {
    const order = model.sections.flatMap((s) =>
      s.blocks.filter((b) => b.kind === 'figure').map((b) => b.figure),
    );
    expect(order).toEqual(['coverage-chart', 'map-coverage', 'map-compliance', 'map-effect']);
    const text = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.kind === 'paragraph' ? [b.text] : b.kind === 'bullets' ? b.items : [],
      ),
    );
    order.forEach((id, i) => {
      expect(model.figures[id]?.caption.startsWith(`图${i + 1}`)).toBe(true);
      expect(text.some((x) => x.includes(`图${i + 1}`))).toBe(true);
    });
  });

  it('picks the threshold of the largest change and states it first', () => {
    const change = (minutes: number, delta: number): ThresholdChange => ({
      minutes,
      before: 0.5,
      after: 0.5 + delta,
      coveredBefore: 0,
      coveredAfter: 0,
      delta,
    });
    expect(largestChange([change(5, 0.074), change(10, 0.01), change(15, 0)])?.minutes).toBe(5);
    expect(largestChange([change(5, 0.01), change(10, -0.03), change(15, 0.02)])?.minutes).toBe(10);
    expect(largestChange([change(5, 0), change(15, 0)])).toBeNull();
    // The demo proposal changes 5 minutes most (15 minutes is 100 % before and after).
    const ctx = reportContext(input);
    expect(effectMinutes(input, ctx.headlineMinutes)).toBe(ctx.effectMinutes);
    const first = paragraphs(model, 'effect')[0];
    expect(first).toContain(`方案对${ctx.effectMinutes}分钟步行圈的改善最大`);
    expect(ctx.effectMinutes).not.toBe(15);
    // The overview's conclusions name the same threshold, never only the unchanged 15 minutes.
    const overview = model.sections[0].blocks.find((b) => b.kind === 'bullets');
    const proposal =
      overview?.kind === 'bullets' ? overview.items.find((x) => x.includes('规划方案')) : undefined;
    expect(proposal).toContain(`对${ctx.effectMinutes}分钟步行圈改善最大`);
  });

  it('keeps benchmark, interpreted and not-evaluable clauses apart, each with its quote', () => {
    const blocks = model.sections.find((s) => s.id === 'compliance')?.blocks ?? [];
    const headings = blocks
      .filter((b) => b.kind === 'heading' && (b.level ?? 2) === 2)
      .map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings.some((h) => h.includes(zh.compliance.groupTitle.benchmark))).toBe(true);
    expect(headings.some((h) => h.includes(zh.compliance.groupTitle.not_evaluable))).toBe(true);
    const text = blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
    for (const rule of input.profile.rules.filter((r) =>
      input.baseline.summary.findings.some((f) => f.rule === r.id),
    )) {
      expect(text).toContain(rule.citation.quote);
      expect(text).toContain(rule.citation.locator);
    }
  });

  it('writes the Chinese report without English words or internal ids outside the id appendix', () => {
    const names = [
      ...input.units.map((u) => u.name),
      ...input.facilities.map((f) => f.name),
      ...(input.scenario?.facilities ?? []).map((f) => f.name),
      ...(input.map?.namedRoads ?? []).map((r) => r.name),
      ...(input.map?.buildings ?? []).map((b) => b.name),
      ...input.units.map((u) => unitLabel(u.name)),
      input.scenario?.name ?? '',
      input.city.osmFile,
    ].filter((x) => x !== '');
    // Units, brand and data names a Chinese planning document writes in Latin letters.
    const allowed = ['OpenStreetMap', 'contributors', 'ODbL', 'CareCircle', 'km', 'm', 'N'];
    let text = modelText(model, { skipIdTable: zh.appendix.idsTitle });
    for (const name of names.sort((a, b) => b.length - a.length)) text = text.replaceAll(name, ' ');
    const latin = new Set(
      (text.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? []).filter((w) => !allowed.includes(w)),
    );
    expect([...latin]).toEqual([]);
    expect(text).not.toMatch(/8[0-9a-f]{14}/);
    // The English model carries no Chinese outside names and the verbatim quotes.
    let en = modelText(buildReportModel({ ...input, lang: 'en' }), {});
    const quotes = input.profile.rules.map((r) => r.citation.quote);
    const docs = input.profile.rules.flatMap((r) => [
      documentLabel(r.citation.document),
      r.citation.locator,
    ]);
    const censusArea = input.city.population?.censusArea ?? input.city.name;
    for (const name of [...names, ...quotes, ...docs, input.city.name, censusArea].sort(
      (a, b) => b.length - a.length,
    ))
      en = en.replaceAll(name, ' ');
    expect([...new Set(en.match(/[\u4e00-\u9fff]+/g) ?? [])]).toEqual([]);
  });
});

describe('tables.xlsx cells', () => {
  it('formats shares as %, areas with separators, freezes and filters headers, hides ids', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(model)) as unknown as ArrayBuffer);
    const thresholds = workbook.getWorksheet(zh.sheets.thresholds);
    if (thresholds === undefined) throw new Error('no thresholds sheet');
    expect(thresholds.getRow(2).getCell(3).numFmt).toBe('0.0%');
    expect(thresholds.getRow(2).getCell(2).numFmt).toBe('#,##0');
    const share = thresholds.getRow(2).getCell(3).value;
    expect(typeof share === 'number' && share >= 0 && share <= 1).toBe(true);
    const units = workbook.getWorksheet(zh.sheets.units);
    if (units === undefined) throw new Error('no units sheet');
    const header = (units.getRow(1).values as unknown[]).slice(1) as string[];
    const area = header.indexOf(zh.sheets.floorArea) + 1;
    expect(units.getRow(2).getCell(area).numFmt).toBe('#,##0');
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      // No internal code in a visible column: unit ids, facility ids, H3 cells.
      sheet.columns.forEach((column, i) => {
        if (column.hidden) return;
        column.eachCell?.((cell, row) => {
          if (row === 1) return;
          const v = String(cell.value ?? '');
          expect(v, `${sheet.name} column ${i + 1}`).not.toMatch(
            /^[CS]-8[0-9a-f]{14}$|^F\d{3}$|^NEW-\d+$|^G?8[0-9a-f]{14}$/,
          );
        });
      });
    }
    const proposed = workbook.getWorksheet(zh.sheets.proposed);
    expect(proposed?.getColumn(1).hidden).toBe(true);
    expect(proposed?.rowCount).toBe(reportContext(input).proposed.length + 1);
  });
});

describe('report.docx structure', () => {
  it('has heading styles for the outline, a contents field, A4 and declared Chinese fonts', async () => {
    const files = unzipSync(await renderDocx(model));
    const doc = strFromU8(files['word/document.xml']);
    const styles = strFromU8(files['word/styles.xml']);
    const fonts = strFromU8(files['word/fontTable.xml']);
    expect(doc.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(model.sections.length);
    expect(doc).toContain('w:pStyle w:val="Heading2"');
    expect(doc).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    expect(strFromU8(files['word/settings.xml'])).toContain('w:updateFields');
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"/);
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(fonts).toMatch(/<w:font w:name="宋体"><w:altName w:val="SimSun"\/>/);
    expect(fonts).toMatch(/<w:font w:name="黑体"><w:altName w:val="SimHei"\/>/);
  });
});

describe('given inputs', () => {
  it('renders a programme as yearly tasks with cost and subsidy committed and paid', () => {
    const programme = {
      years: [
        {
          year: 2026,
          tasks: ['大光路养老睦邻点'],
          sites: 1,
          costYuan: 600_000,
          subsidyCommittedYuan: 200_000,
          subsidyPaidYuan: 50_000,
          localYuan: 400_000,
        },
        {
          year: 2027,
          tasks: ['莫愁路社区养老服务站', '太平北路养老睦邻点'],
          sites: 2,
          costYuan: 1_500_000,
          subsidyCommittedYuan: 500_000,
          subsidyPaidYuan: null,
          localYuan: 1_000_000,
        },
      ],
      sitesWithoutCost: 1,
      costAssumption: '',
    };
    const m = buildReportModel({ ...input, programme });
    const blocks = m.sections.find((s) => s.id === 'implementation')?.blocks ?? [];
    const table = blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no programme table');
    expect(table.table.rows.map((r) => r[0])).toEqual(['2026', '2027', zh.implementation.total]);
    // Cost in 万元; the unknown payment of 2027 leaves the paid total unknown, not 5.0.
    expect(table.table.rows[2].slice(2)).toEqual(['3', '210.0', '70.0', '—', '140.0']);
    expect(paragraphs(m, 'implementation')[0]).toContain('投资最多的年度为2027（150.0万元）');
    expect(paragraphs(m, 'implementation').join('')).toContain('另有1处站点尚无投资估算');
  });

  it('states where an imported register came from', () => {
    const register = {
      fileName: '民政局名录2025.xlsx',
      accepted: 31,
      rejected: 2,
      crsFrom: 'gcj02' as const,
      outsideStudyArea: 1,
    };
    const m = buildReportModel({
      ...input,
      city: { ...input.city, register, facilitiesIllustrative: false },
    });
    const data = m.sections[0].blocks.find((b) => b.kind === 'table');
    const text =
      data?.kind === 'table'
        ? data.table.rows
            .flat()
            .map((c) => (typeof c === 'string' ? c : c.text))
            .join('|')
        : '';
    expect(text).toContain(
      '使用单位导入的名录“民政局名录2025.xlsx”：采用31条，剔除2条（其中1条位于评估范围外）；坐标由国测局加密坐标转换',
    );
    expect(m.banner).toBeNull();
  });
});
