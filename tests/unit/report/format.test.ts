import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../analysis/coverage/analyse-city.ts';
import type { Finding } from '../../../analysis/coverage/types.ts';
import {
  formatFixed,
  formatInt,
  formatQuantity,
  formatShare,
} from '../../../analysis/report/format.ts';
import { en } from '../../../analysis/report/i18n/en.ts';
import { zh } from '../../../analysis/report/i18n/zh.ts';
import { renderHtml } from '../../../analysis/report/render-html.ts';
import { flippedFindings } from '../../../analysis/report/sections-proposal.ts';
import type { ReportModel } from '../../../analysis/report/types.ts';

describe('number formatting', () => {
  it('groups thousands and rounds', () => {
    expect(formatInt(93098)).toBe('93,098');
    expect(formatInt(-1234567.4)).toBe('-1,234,567');
    expect(formatFixed(1234.5678, 2)).toBe('1,234.57');
    expect(formatFixed(-0.0001, 2)).toBe('0.00');
    expect(formatShare(0.98389)).toBe('98.4%');
    expect(formatShare(null)).toBe('—');
  });

  it('states each finding unit as planners write it', () => {
    expect(formatQuantity(0.125, 'm2/resident', zh, 'zh')).toBe('0.125 平方米/人');
    expect(formatQuantity(32.8, 'm2/100 households', zh, 'zh')).toBe('32.8 平方米/百户');
    expect(formatQuantity(38.5, 'm2/1000 residents', zh, 'zh')).toBe('38.5 平方米/1000人');
    expect(formatQuantity(304, 'elders60', zh, 'zh')).toBe('304 名老年人');
    expect(formatQuantity(163.4, 'm2', zh, 'zh')).toBe('163.4 平方米');
    expect(formatQuantity(5, 'sites', zh, 'zh')).toBe('5 处');
    expect(formatQuantity(1, 'share', zh, 'zh')).toBe('100.0%');
    expect(formatQuantity(8464, 'elders60', en, 'en')).toBe('8,464 elders');
    expect(formatQuantity(null, 'm2', en, 'en')).toBe('—');
  });
});

function finding(
  rule: string,
  unitId: string | null,
  pass: boolean,
  siteId: string | null = null,
): Finding {
  return {
    rule,
    kind: 'coverage_share',
    title: rule,
    scope: siteId !== null ? 'site' : unitId === null ? 'city' : 'community',
    unitId,
    siteId,
    status: pass ? 'pass' : 'fail',
    statusReason: null,
    binding: true,
    pass,
    value: pass ? 1 : 0.5,
    required: 1,
    shortfall: pass ? 0 : 10,
    valueUnit: 'share',
    shortfallUnit: 'elders60',
    severity: 'high',
    citation: 'doc',
    document: 'doc',
    quote: '',
    locator: '',
    basis: 'text',
    interpretationReason: null,
    verified: false,
    notes: [],
    note: null,
  };
}

const withFindings = (findings: Finding[]) =>
  ({ summary: { findings } }) as unknown as AnalysisResult;

describe('flipped findings', () => {
  it('lists checks whose result changes and new failing checks, not unchanged ones', () => {
    const before = withFindings([
      finding('a', null, false),
      finding('a', 'C1', false),
      finding('b', 'C1', true),
    ]);
    const after = withFindings([
      finding('a', null, true),
      finding('a', 'C1', false),
      finding('b', 'C1', false),
      finding('s', 'C1', false, 'NEW-1'),
      finding('s', 'C1', true, 'NEW-2'),
    ]);
    const flips = flippedFindings(before, after);
    expect(
      flips.map((f) => [f.after.rule, f.after.unitId, f.after.siteId, f.before?.pass ?? null]),
    ).toEqual([
      ['a', null, null, false],
      ['b', 'C1', null, true],
      ['s', 'C1', 'NEW-1', null],
    ]);
  });
});

describe('HTML renderer', () => {
  it('escapes text and marks the page box with the data warning', () => {
    const model: ReportModel = {
      lang: 'zh',
      title: 'T<1>',
      subtitle: 'S & S',
      titleLines: [{ label: 'a', value: '"b"' }],
      contentsTitle: '目录',
      banner: '示例数据 "x"',
      sections: [
        {
          id: 'overview',
          title: '一、概况',
          blocks: [
            {
              kind: 'table',
              table: { header: ['h'], rows: [[{ text: '<未达标>', tone: 'fail' }]] },
            },
          ],
        },
      ],
      figures: {},
      sheets: [],
      footer: 'city · p',
    };
    const html = renderHtml(model);
    expect(html).toContain('T&lt;1&gt;');
    expect(html).toContain('S &amp; S');
    expect(html).toContain('<td class="fail">&lt;未达标&gt;</td>');
    expect(html).toContain('@top-center { content: "示例数据 \\"x\\""');
    expect(html).toContain('counter(page)');
    expect(html).toContain('size: A4');
  });
});
