import { diffFacilities } from '../siting/scenario-diff.ts';
import { cityCoverage, findingKey, type ReportContext } from './context.ts';
import type { CellFormat, FormattedValue, SheetData, SheetValue } from './types.ts';

/**
 * tables.xlsx for the officer who works in Excel: summary, baseline vs scenario per threshold,
 * per unit, per site, findings, proposed sites. Chinese headers, shares as fractions formatted
 * as %, areas in m² with separators; ids only in hidden columns.
 */
const round = (x: number | null, digits = 6) =>
  x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
const as = (value: number | null, format: CellFormat): FormattedValue | null =>
  value === null || !Number.isFinite(value) ? null : { value: round(value) as number, format };

export function reportSheets(ctx: ReportContext): SheetData[] {
  return [
    summarySheet(ctx),
    thresholdSheet(ctx),
    unitSheet(ctx),
    siteSheet(ctx),
    findingSheet(ctx),
    proposedSheet(ctx),
  ];
}

function summarySheet(ctx: ReportContext): SheetData {
  const { t, input } = ctx;
  const s = t.sheets;
  const a = input.baseline.summary;
  const b = input.scenario?.result.summary ?? null;
  const row = (
    label: string,
    x: number | null,
    y: number | null,
    format: CellFormat,
  ): SheetValue[] => [label, as(x, format), b === null ? null : as(y, format)];
  const rows: SheetValue[][] = [
    row(s.residents, a.population.residents, b?.population.residents ?? null, 'int'),
    row(s.elders60, a.population.elders60, b?.population.elders60 ?? null, 'int'),
    row(s.facilityCount, a.facilities.count, b?.facilities.count ?? null, 'int'),
    row(s.floorArea, a.facilities.floorAreaM2, b?.facilities.floorAreaM2 ?? null, 'area'),
    row(s.m2PerResident, a.area.m2PerResident, b?.area.m2PerResident ?? null, 'decimal'),
    ...[...a.thresholds]
      .sort((x, y) => x - y)
      .map((m) =>
        row(
          t.effect.rowCoverage(m),
          cityCoverage(input.baseline, m)?.elders60Share ?? null,
          input.scenario === undefined
            ? null
            : (cityCoverage(input.scenario.result, m)?.elders60Share ?? null),
          'percent',
        ),
      ),
    row(
      t.effect.rowRadiusNetwork,
      a.radius300.network.elders60Share,
      b?.radius300.network.elders60Share ?? null,
      'percent',
    ),
    row(t.effect.rowFailed, a.findingsSummary.failed, b?.findingsSummary.failed ?? null, 'int'),
  ];
  return { name: s.summary, header: s.summaryHeader, rows };
}

function thresholdSheet(ctx: ReportContext): SheetData {
  const { t, input } = ctx;
  const after = input.scenario?.result ?? null;
  const rows = [...input.baseline.summary.thresholds]
    .sort((x, y) => x - y)
    .map((m) => {
      const a = cityCoverage(input.baseline, m);
      const b = after === null ? undefined : cityCoverage(after, m);
      const share = (x: number | null | undefined) => x ?? null;
      return [
        m,
        a?.elders60Covered ?? null,
        round(share(a?.elders60Share)),
        b?.elders60Covered ?? null,
        round(share(b?.elders60Share)),
        a?.elders60Share == null || b?.elders60Share == null
          ? null
          : round(b.elders60Share - a.elders60Share),
      ];
    });
  return {
    name: t.sheets.thresholds,
    header: t.sheets.thresholdsHeader,
    formats: ['int', 'int', 'percent', 'int', 'percent', 'percent'],
    rows,
  };
}

function unitSheet(ctx: ReportContext): SheetData {
  const { t, input } = ctx;
  const s = t.sheets;
  const m = ctx.effectMinutes;
  const k = input.baseline.summary.thresholds.indexOf(m);
  const after = new Map((input.scenario?.result.units ?? []).map((u) => [u.unitId, u]));
  const thresholds = input.baseline.summary.thresholds;
  const share = (within: number | undefined, total: number) =>
    within === undefined || total <= 0 ? null : round(within / total);
  return {
    name: s.units,
    header: [
      s.unitId,
      s.unitName,
      s.level,
      s.parent,
      s.residents,
      s.elders60,
      ...thresholds.map((x) => s.coverageAt(x)),
      s.scenarioCoverageAt(m),
      s.radius300,
      s.facilityCount,
      s.floorArea,
      s.m2PerResident,
      s.failed,
    ],
    formats: [
      'text',
      'text',
      'text',
      'text',
      'int',
      'int',
      ...thresholds.map(() => 'percent' as const),
      'percent',
      'percent',
      'int',
      'area',
      'decimal',
      'int',
    ],
    hidden: [0],
    rows: input.baseline.units.map((u) => [
      u.unitId,
      u.name,
      t.level[u.level] ?? u.level,
      u.parentId === null ? null : ctx.unitName(u.parentId),
      u.residents,
      u.elders60,
      ...u.elders60Within.map((w) => share(w, u.elders60)),
      input.scenario === undefined || k < 0
        ? null
        : share(after.get(u.unitId)?.elders60Within[k], u.elders60),
      round(u.radius300NetworkShare),
      u.facilities,
      u.floorAreaM2,
      round(u.m2PerResident, 4),
      u.findingsFailed,
    ]),
  };
}

function siteSheet(ctx: ReportContext): SheetData {
  const { t, input } = ctx;
  const s = t.sheets;
  const scenario = input.scenario;
  const diff =
    scenario === undefined ? null : diffFacilities(input.facilities, scenario.facilities);
  const state = (id: string) =>
    diff === null
      ? 'existing'
      : diff.removed.includes(id)
        ? 'closed'
        : diff.moved.includes(id)
          ? 'moved'
          : diff.changed.includes(id)
            ? 'resized'
            : diff.added.includes(id)
              ? 'new'
              : 'existing';
  const all = new Map(input.facilities.map((f) => [f.id, f]));
  for (const f of scenario?.facilities ?? []) all.set(f.id, f);
  return {
    name: s.sites,
    header: [
      s.siteId,
      s.siteName,
      s.siteType,
      s.siteState,
      s.location,
      s.floorArea,
      s.beds,
      s.floor,
    ],
    formats: ['text', 'text', 'text', 'text', 'text', 'area', 'int', 'int'],
    hidden: [0],
    rows: [...all.values()].map((f) => [
      f.id,
      ctx.siteName(f.id),
      t.facilityTypes[f.type] ?? f.type,
      t.siteStates[state(f.id)] ?? state(f.id),
      ctx.describe(f.lon, f.lat),
      f.floorAreaM2,
      f.beds,
      f.floorLevel,
    ]),
  };
}

function findingSheet(ctx: ReportContext): SheetData {
  const { t, input } = ctx;
  const s = t.sheets;
  const after = new Map(
    (input.scenario?.result.summary.findings ?? []).map((f) => [findingKey(f), f]),
  );
  const value = (x: number | null, unit: string): SheetValue => {
    if (x === null || !Number.isFinite(x)) return null;
    if (unit === 'share') return { value: round(x) as number, format: 'percent' };
    if (unit === 'm2') return { value: round(x, 1) as number, format: 'area' };
    return Number.isInteger(x) ? x : round(x, 4);
  };
  return {
    name: s.findings,
    header: s.findingsHeader,
    rows: input.baseline.summary.findings.map((f) => {
      const b = after.get(findingKey(f));
      return [
        ctx.ruleTitle(f),
        t.scope[f.scope] ?? f.scope,
        ctx.where(f),
        t.status[f.status],
        input.scenario === undefined || b === undefined ? null : t.status[b.status],
        f.binding ? s.binding : s.benchmark,
        f.basis === 'interpretation' ? s.interpretation : s.text,
        value(f.value, f.valueUnit),
        value(f.required, f.valueUnit),
        t.unitLabel(f.valueUnit),
        f.status === 'fail' ? value(f.shortfall, f.shortfallUnit) : null,
        t.unitLabel(f.shortfallUnit),
        ctx.documentName(f.document),
        f.locator,
        f.quote,
        f.statusReason === null ? null : f.statusReason[ctx.lang],
      ];
    }),
  };
}

function proposedSheet(ctx: ReportContext): SheetData {
  const { t } = ctx;
  const s = t.sheets;
  return {
    name: s.proposed,
    header: [
      s.siteId,
      s.siteName,
      s.location,
      s.unit,
      s.siteType,
      s.siteState,
      s.floorArea,
      s.servedAt(ctx.effectMinutes),
      s.lon,
      s.lat,
    ],
    formats: ['text', 'text', 'text', 'text', 'text', 'text', 'area', 'int', 'decimal', 'decimal'],
    hidden: [0],
    rows: ctx.proposed.map((p) => [
      p.id,
      p.name,
      p.location.text,
      p.location.unitName,
      p.type === null ? null : (t.facilityTypes[p.type] ?? p.type),
      t.siteStates[p.state] ?? p.state,
      p.floorAreaM2,
      p.newlyServedElders,
      round(p.lon, 6),
      round(p.lat, 6),
    ]),
  };
}
