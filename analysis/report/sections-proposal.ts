import type { AnalysisResult } from '../coverage/analyse-city.ts';
import type { Finding } from '../coverage/types.ts';
import { cityCoverage, findingKey, type ReportContext } from './context.ts';
import { formatFixed, formatInt, formatShare, formatSigned } from './format.ts';
import { largestChange, thresholdChanges, unitChanges } from './narrative.ts';
import type { ProposedSite } from './proposed-sites.ts';
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
    if (prev === null ? after.status === 'fail' : prev.status !== after.status)
      out.push({ before: prev, after });
  }
  return out;
}

function areaText(p: ProposedSite): string {
  if (p.floorAreaM2 === null) return '—';
  if (
    p.state === 'resized' &&
    p.previousFloorAreaM2 !== null &&
    p.previousFloorAreaM2 !== p.floorAreaM2
  )
    return `${formatInt(p.previousFloorAreaM2)} → ${formatInt(p.floorAreaM2)}`;
  return formatInt(p.floorAreaM2);
}

/** 四、规划方案: every site the proposal adds, moves, resizes or closes, by place. */
export function proposalSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const p = t.proposal;
  const scenario = input.scenario;
  const sites = ctx.proposed;
  const blocks: Block[] = [];
  if (scenario === undefined && sites.length === 0) {
    blocks.push({ kind: 'paragraph', text: p.none, tone: 'muted' });
    return { id: 'proposal', title: t.sections.proposal, blocks };
  }
  const count = (state: string) => sites.filter((s) => s.state === state).length;
  if (scenario !== undefined) {
    blocks.push({
      kind: 'paragraph',
      text: p.intro(
        scenario.name,
        count('new'),
        count('moved'),
        count('resized'),
        count('closed'),
        ctx.effectMinutes,
      ),
    });
    const run = scenario.optimiser;
    if (run !== undefined) {
      blocks.push({
        kind: 'paragraph',
        text: p.optimiser(
          t.problems[run.problem],
          run.minutes,
          t.solverStatus[run.status] ?? run.status,
          run.newSites,
          formatInt(run.newlyCoveredElders),
          formatShare(run.gap),
        ),
      });
    }
    const settings = scenario.modifications.flatMap((m) => {
      if (m.kind === 'set-walking-speed') return [p.speed(m.mps)];
      if (m.kind === 'set-profile')
        return [p.profile(scenario.profile?.name[ctx.lang] ?? input.profile.name[ctx.lang])];
      if (m.kind === 'set-travel-profile') return [p.travel(t.travel[m.travel] ?? m.travel)];
      return [];
    });
    if (settings.length > 0) blocks.push({ kind: 'bullets', items: settings });
  }
  const rec = input.recommended;
  if (rec !== undefined) {
    blocks.push({
      kind: 'paragraph',
      text: p.recommended(
        rec.sites.length,
        rec.minutes,
        t.problems[rec.problem],
        formatInt(rec.newlyCoveredElders),
      ),
    });
  }
  const rows: TableCell[][] = sites.map((s, i) => [
    String(i + 1),
    s.name,
    s.location.text,
    s.type === null ? '—' : (t.facilityTypes[s.type] ?? s.type),
    areaText(s),
    s.newlyServedElders === null ? '—' : formatInt(s.newlyServedElders),
    t.siteStates[s.state] ?? s.state,
  ]);
  if (rows.length > 0) {
    const header = [...p.header];
    header[5] = p.servedHeader(ctx.effectMinutes);
    blocks.push({
      kind: 'table',
      table: {
        header,
        rows,
        numeric: [true, false, false, false, true, true, false],
        widths: [5, 18, 32, 13, 12, 12, 8],
      },
    });
    blocks.push({ kind: 'paragraph', text: p.servedNote(ctx.effectMinutes), tone: 'muted' });
  }
  return { id: 'proposal', title: t.sections.proposal, blocks };
}

/** 五、方案效果: before/after where the proposal changes most, every threshold, flips. */
export function effectSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const e = t.effect;
  const scenario = input.scenario;
  if (scenario === undefined) {
    return {
      id: 'effect',
      title: t.sections.effect,
      blocks: [{ kind: 'paragraph', text: e.none, tone: 'muted' }],
    };
  }
  const changes = thresholdChanges(input);
  const largest = largestChange(changes);
  const blocks: Block[] = [];
  if (largest !== null) {
    blocks.push({
      kind: 'paragraph',
      text: e.largest(
        largest.minutes,
        formatShare(largest.before),
        formatShare(largest.after),
        ctx.points(largest.delta),
        formatInt(largest.coveredAfter - largest.coveredBefore),
        ctx.figureNo('map-effect'),
      ),
    });
    const others = changes.filter((c) => c !== largest);
    const moved = others.filter((c) => Math.abs(c.delta) > 1e-12);
    const still = others.filter((c) => Math.abs(c.delta) <= 1e-12);
    if (others.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: e.others(
          moved
            .map((c) =>
              e.otherChange(
                c.minutes,
                formatShare(c.before),
                formatShare(c.after),
                ctx.points(c.delta),
              ),
            )
            .join(t.listSeparator),
          still.map((c) => t.minutes(c.minutes)).join(t.listSeparator),
          still.length === 0 ? '' : formatShare(still[0].after),
        ),
      });
    }
  } else {
    blocks.push({ kind: 'paragraph', text: e.noCoverageChange(ctx.figureNo('map-effect')) });
  }
  const units = unitChanges(input.baseline, scenario.result, ctx.effectMinutes).filter(
    (u) => u.unit.level === 'community',
  );
  if (units.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: e.units(
        ctx.effectMinutes,
        units
          .slice(0, 3)
          .map((u) => e.unitGain(u.unit.name, formatSigned(u.gained, 0)))
          .join(t.listSeparator),
        units.length,
      ),
    });
  }
  blocks.push({ kind: 'figure', figure: 'map-effect' });
  blocks.push({ kind: 'heading', text: e.tableTitle });
  blocks.push({
    kind: 'table',
    table: { header: e.header, rows: comparisonRows(ctx), numeric: [false, true, true, true] },
  });
  const flips = flippedFindings(input.baseline, scenario.result);
  blocks.push({ kind: 'heading', text: e.flipsTitle });
  if (flips.length === 0) {
    blocks.push({ kind: 'paragraph', text: e.noFlips, tone: 'muted' });
  } else {
    const fixed = flips.filter((f) => f.after.pass).length;
    blocks.push({ kind: 'paragraph', text: e.flips(fixed, flips.length - fixed) });
    blocks.push({
      kind: 'table',
      table: {
        header: e.flipsHeader,
        widths: [40, 30, 15, 15],
        rows: flips.map(({ before, after }) => [
          ctx.ruleTitle(after),
          ctx.where(after),
          before === null ? '—' : ctx.statusCell(before.status),
          ctx.statusCell(after.status),
        ]),
      },
    });
  }
  return { id: 'effect', title: t.sections.effect, blocks };
}

function comparisonRows(ctx: ReportContext): string[][] {
  const { t, input } = ctx;
  const scenario = input.scenario;
  if (scenario === undefined) return [];
  const a = input.baseline.summary;
  const b = scenario.result.summary;
  const share = (label: string, x: number | null, y: number | null) => [
    label,
    formatShare(x),
    formatShare(y),
    x === null || y === null ? '—' : ctx.points(y - x),
  ];
  const e = t.effect;
  return [
    ...[...a.thresholds]
      .sort((x, y) => x - y)
      .map((m) =>
        share(
          e.rowCoverage(m),
          cityCoverage(input.baseline, m)?.elders60Share ?? null,
          cityCoverage(scenario.result, m)?.elders60Share ?? null,
        ),
      ),
    share(
      e.rowRadiusStraight,
      a.radius300.straightLine.elders60Share,
      b.radius300.straightLine.elders60Share,
    ),
    share(e.rowRadiusNetwork, a.radius300.network.elders60Share, b.radius300.network.elders60Share),
    [
      e.rowFacilities,
      formatInt(a.facilities.count),
      formatInt(b.facilities.count),
      formatSigned(b.facilities.count - a.facilities.count, 0),
    ],
    [
      e.rowFloorArea,
      ctx.quantity(a.facilities.floorAreaM2, 'm2'),
      ctx.quantity(b.facilities.floorAreaM2, 'm2'),
      formatSigned(b.facilities.floorAreaM2 - a.facilities.floorAreaM2, 0),
    ],
    [
      e.rowM2PerResident,
      ctx.quantity(a.area.m2PerResident, 'm2/resident'),
      ctx.quantity(b.area.m2PerResident, 'm2/resident'),
      a.area.m2PerResident === null || b.area.m2PerResident === null
        ? '—'
        : formatSigned(Number(formatFixed(b.area.m2PerResident - a.area.m2PerResident, 3)), 3),
    ],
    [
      e.rowFailed,
      formatInt(a.findingsSummary.failed),
      formatInt(b.findingsSummary.failed),
      formatSigned(b.findingsSummary.failed - a.findingsSummary.failed, 0),
    ],
  ];
}
