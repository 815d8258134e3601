import { cityCoverage, type ReportContext } from './context.ts';
import { formatFixed, formatInt, formatShare, formatSigned } from './format.ts';
import { largestChange, thresholdChanges, unitChanges } from './narrative.ts';
import { flippedFindings } from './sections-proposal.ts';
import type { Block, ReportSection } from './types.ts';

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
