import type { ReportContext } from './context.ts';
import { formatInt, formatShare } from './format.ts';
import { findingRow } from './sections-analysis.ts';
import type { Block, ReportSection, SheetData } from './types.ts';

export function mapsSection(ctx: ReportContext): ReportSection {
  const blocks: Block[] = [
    { kind: 'figure', figure: 'map-compliance' },
    { kind: 'figure', figure: 'map-coverage' },
  ];
  return { id: 'maps', title: ctx.t.sections.maps, blocks };
}

/** Index of the headline threshold in UnitRow.elders60Within (summary.thresholds order). */
function headlineIndex(ctx: ReportContext): number {
  return ctx.input.baseline.summary.thresholds.indexOf(ctx.headlineMinutes);
}

export function tablesSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const k = headlineIndex(ctx);
  const unitRows = input.baseline.units.map((u) => [
    u.name,
    t.tables.level[u.level] ?? u.level,
    formatInt(u.residents),
    formatInt(u.elders60),
    u.elders60 > 0 && k >= 0 ? formatShare(u.elders60Within[k] / u.elders60) : '—',
    formatShare(u.radius300NetworkShare),
    formatInt(u.facilities),
    ctx.quantity(u.floorAreaM2, 'm2'),
    u.findingsFailed > 0
      ? { text: formatInt(u.findingsFailed), tone: 'fail' as const }
      : { text: '0', tone: 'pass' as const },
  ]);
  const failing = input.baseline.summary.findings.filter((f) => !f.pass);
  const findingRows = failing.map((f) => {
    const [scope, where, , value, required, shortfall] = findingRow(ctx, f);
    return [ctx.ruleTitle(f), scope, where, value, required, shortfall];
  });
  const header = [...t.tables.unitsHeader];
  header[4] = t.tables.coverageColumn(ctx.headlineMinutes);
  return {
    id: 'tables',
    title: t.sections.tables,
    blocks: [
      {
        kind: 'table',
        table: {
          caption: t.tables.unitsTitle,
          header,
          rows: unitRows,
          numeric: [false, false, true, true, true, true, true, true, true],
        },
      },
      {
        kind: 'table',
        table: {
          caption: t.tables.findingsTitle,
          header: t.tables.findingsHeader,
          rows: findingRows,
          numeric: [false, false, false, true, true, true],
        },
      },
    ],
  };
}

/** Spreadsheet data: every unit, every finding (not only the failing ones), coverage, sites. */
export function reportSheets(ctx: ReportContext): SheetData[] {
  const { t, input } = ctx;
  const s = t.sheets;
  const summary = input.baseline.summary;
  const round = (x: number | null, digits = 6) => (x === null ? null : Number(x.toFixed(digits)));
  const units: SheetData = {
    name: s.units,
    header: [
      ...s.unitsHeader.slice(0, 7),
      ...summary.thresholds.map((m) => s.withinHeader(m)),
      ...s.unitsHeader.slice(7),
    ],
    rows: input.baseline.units.map((u) => [
      u.unitId,
      u.name,
      t.tables.level[u.level] ?? u.level,
      u.parentId,
      u.residents,
      u.elders60,
      round(u.households, 1),
      ...u.elders60Within,
      round(u.radius300StraightShare),
      round(u.radius300NetworkShare),
      u.facilities,
      u.floorAreaM2,
      round(u.m2PerResident),
      round(u.m2Per100Households),
      round(u.sfcaAccess),
      u.findingsFailed,
    ]),
  };
  const findings: SheetData = {
    name: s.findings,
    header: s.findingsHeader,
    rows: summary.findings.map((f) => [
      f.rule,
      ctx.ruleTitle(f),
      t.scope[f.scope] ?? f.scope,
      f.unitId,
      f.siteId,
      f.pass ? s.yes : s.no,
      round(f.value),
      f.valueUnit,
      f.required,
      round(f.shortfall, 3),
      f.shortfallUnit,
      t.severity[f.severity] ?? f.severity,
      f.citation,
      f.verified ? s.yes : s.no,
      f.note,
    ]),
  };
  const coverage: SheetData = {
    name: s.coverage,
    header: s.coverageHeader,
    rows: summary.coverage.map((c) => [
      t.travel[c.profile] ?? c.profile,
      c.minutes,
      c.elders60Covered,
      round(c.elders60Share),
      c.residentsCovered,
      round(c.residentsShare),
    ]),
  };
  const sheets = [units, findings, coverage];
  const rec = input.recommended;
  if (rec !== undefined) {
    sheets.push({
      name: s.sites,
      header: s.sitesHeader,
      rows: rec.sites.map((x) => [
        x.id,
        x.name ?? null,
        x.lon,
        x.lat,
        x.floorAreaM2 ?? null,
        x.unitId ?? null,
      ]),
    });
  }
  return sheets;
}
