import type { AnalysisResult } from '../coverage/analyse-city.ts';
import type { Finding } from '../coverage/types.ts';
import { describeNetworkModification } from '../siting/scenario-network.ts';
import type { Modification } from '../siting/scenario-types.ts';
import { cityCoverage, findingKey, type ReportContext } from './context.ts';
import { formatFixed, formatInt, formatShare, formatSharePoints, formatSigned } from './format.ts';
import type { Block, ReportSection, TableCell } from './types.ts';

/** A check whose pass/fail differs between baseline and scenario (or is new and failing). */
export interface FlippedFinding {
  before: Finding | null;
  after: Finding;
}

/**
 * Checks that flip: matched by rule, scope, unit and site. A check that exists only in the
 * scenario (a new site's own checks) is listed when it fails; checks of closed sites vanish.
 */
export function flippedFindings(
  baseline: AnalysisResult,
  scenario: AnalysisResult,
): FlippedFinding[] {
  const before = new Map(baseline.summary.findings.map((f) => [findingKey(f), f]));
  const out: FlippedFinding[] = [];
  for (const after of scenario.summary.findings) {
    const prev = before.get(findingKey(after)) ?? null;
    if (prev === null ? !after.pass : prev.pass !== after.pass) out.push({ before: prev, after });
  }
  return out;
}

export function describeModification(ctx: ReportContext, m: Modification): string {
  const s = ctx.t.scenario;
  const type = (x: string) => ctx.t.facilityTypes[x] ?? x;
  switch (m.kind) {
    case 'add-site':
      return s.add(`${m.name} (${m.id})`, type(m.type), ctx.quantity(m.floorAreaM2, 'm2'));
    case 'move-site':
      return s.move(ctx.siteName(m.id));
    case 'resize-site':
      return s.resize(ctx.siteName(m.id), ctx.quantity(m.floorAreaM2, 'm2'));
    case 'retype-site':
      return s.retype(ctx.siteName(m.id), type(m.type));
    case 'close-site':
      return s.close(ctx.siteName(m.id));
    case 'set-walking-speed':
      return s.speed(m.mps);
    case 'set-profile':
      return s.profile(m.profile);
    case 'set-travel-profile':
      return s.travel(m.travel);
    case 'add-link':
    case 'close-link':
    case 'set-barrier':
      return describeNetworkModification(m, ctx.lang);
  }
}

export function scenarioSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const scenario = input.scenario;
  if (scenario === undefined) {
    return {
      id: 'scenario',
      title: t.sections.scenario,
      blocks: [{ kind: 'paragraph', text: t.scenario.none, tone: 'muted' }],
    };
  }
  const a = input.baseline.summary;
  const b = scenario.result.summary;
  const shareRow = (label: string, x: number | null, y: number | null): string[] => [
    label,
    formatShare(x),
    formatShare(y),
    x === null || y === null ? '—' : formatSharePoints(y - x, ctx.lang),
  ];
  const rows: string[][] = a.thresholds.map((m) =>
    shareRow(
      t.scenario.rowCoverage(m),
      cityCoverage(input.baseline, m)?.elders60Share ?? null,
      cityCoverage(scenario.result, m)?.elders60Share ?? null,
    ),
  );
  rows.push(
    shareRow(
      t.scenario.rowRadiusStraight,
      a.radius300.straightLine.elders60Share,
      b.radius300.straightLine.elders60Share,
    ),
    shareRow(
      t.scenario.rowRadiusNetwork,
      a.radius300.network.elders60Share,
      b.radius300.network.elders60Share,
    ),
    [
      t.scenario.rowFacilities,
      formatInt(a.facilities.count),
      formatInt(b.facilities.count),
      formatSigned(b.facilities.count - a.facilities.count, 0),
    ],
    [
      t.scenario.rowFloorArea,
      ctx.quantity(a.facilities.floorAreaM2, 'm2'),
      ctx.quantity(b.facilities.floorAreaM2, 'm2'),
      formatSigned(b.facilities.floorAreaM2 - a.facilities.floorAreaM2, 0),
    ],
    [
      t.scenario.rowM2PerResident,
      ctx.quantity(a.area.m2PerResident, 'm2/resident'),
      ctx.quantity(b.area.m2PerResident, 'm2/resident'),
      a.area.m2PerResident === null || b.area.m2PerResident === null
        ? '—'
        : formatSigned(Number(formatFixed(b.area.m2PerResident - a.area.m2PerResident, 3)), 3),
    ],
    [
      t.scenario.rowFailed,
      formatInt(a.findingsSummary.failed),
      formatInt(b.findingsSummary.failed),
      formatSigned(b.findingsSummary.failed - a.findingsSummary.failed, 0),
    ],
  );
  const flips = flippedFindings(input.baseline, scenario.result);
  const flipRows: TableCell[][] = flips.map(({ before, after }) => [
    ctx.ruleTitle(after),
    t.scope[after.scope] ?? after.scope,
    ctx.where(after),
    before === null ? '—' : ctx.passCell(before.pass),
    ctx.passCell(after.pass),
  ]);
  const blocks: Block[] = [
    { kind: 'heading', text: `${t.titleScenario}${ctx.colon}${scenario.name}` },
    { kind: 'paragraph', text: t.scenario.modifications },
    { kind: 'bullets', items: scenario.modifications.map((m) => describeModification(ctx, m)) },
    {
      kind: 'table',
      table: { header: t.scenario.header, rows, numeric: [false, true, true, true] },
    },
    { kind: 'heading', text: t.scenario.flipsTitle },
    flipRows.length === 0
      ? { kind: 'paragraph', text: t.scenario.noFlips, tone: 'muted' }
      : { kind: 'table', table: { header: t.scenario.flipsHeader, rows: flipRows } },
    { kind: 'figure', figure: 'map-scenario' },
  ];
  return { id: 'scenario', title: t.sections.scenario, blocks };
}

export function sitesSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const rec = input.recommended;
  if (rec === undefined) {
    return {
      id: 'sites',
      title: t.sections.sites,
      blocks: [{ kind: 'paragraph', text: t.sites.none, tone: 'muted' }],
    };
  }
  const rows = rec.sites.map((s, i) => [
    String(i + 1),
    s.name ?? s.id,
    s.lon.toFixed(6),
    s.lat.toFixed(6),
    s.floorAreaM2 === undefined ? '—' : ctx.quantity(s.floorAreaM2, 'm2'),
    s.unitId === undefined ? '—' : ctx.unitName(s.unitId),
  ]);
  const method = `${rec.method} (${rec.status})`;
  return {
    id: 'sites',
    title: t.sections.sites,
    blocks: [
      { kind: 'paragraph', text: t.sites.intro(rec.minutes, method) },
      {
        kind: 'paragraph',
        text: t.sites.figures(
          formatInt(rec.newlyCoveredElders),
          formatShare(rec.coveredShareAfter),
          formatShare(rec.gap),
        ),
      },
      {
        kind: 'table',
        table: { header: t.sites.header, rows, numeric: [true, false, true, true, true, false] },
      },
    ],
  };
}
