import { stepDependency } from '../coverage/step-dependency.ts';
import { cityCoverage, type ReportContext } from './context.ts';
import { formatFixed, formatInt, formatShare } from './format.ts';
import { uncoveredClusters } from './gaps.ts';
import { unitGaps } from './narrative.ts';
import type { Block, ReportSection, TableCell } from './types.ts';

/** 二、现状评估: coverage by threshold and by unit, per-capita area, gaps, uncovered clusters. */
export function currentSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const c = t.current;
  const s = input.baseline.summary;
  const thresholds = [...s.thresholds].sort((a, b) => a - b);
  const rows = thresholds.map((m) => {
    const row = cityCoverage(input.baseline, m);
    return [
      t.minutes(m),
      formatInt(row?.elders60Covered ?? 0),
      formatShare(row?.elders60Share ?? null),
      formatInt(s.population.elders60 - (row?.elders60Covered ?? 0)),
      formatShare(row?.residentsShare ?? null),
    ];
  });
  const shares = thresholds.map((m) => cityCoverage(input.baseline, m)?.elders60Share ?? null);
  // The step between consecutive thresholds that adds the most coverage.
  let step = 0;
  let best = -Infinity;
  for (let i = 1; i < thresholds.length; i++) {
    const d = (shares[i] ?? 0) - (shares[i - 1] ?? 0);
    if (d > best + 1e-12) {
      best = d;
      step = i;
    }
  }
  const blocks: Block[] = [
    { kind: 'heading', text: c.coverageTitle },
    {
      kind: 'paragraph',
      text: c.coverageText(
        thresholds.map((m, i) => c.thresholdShare(m, formatShare(shares[i]))).join(t.listSeparator),
        step > 0 ? thresholds[step - 1] : thresholds[0],
        step > 0 ? thresholds[step] : thresholds[0],
        ctx.points(step > 0 ? (shares[step] ?? 0) - (shares[step - 1] ?? 0) : 0),
        ctx.figureNo('coverage-chart'),
      ),
    },
    {
      kind: 'table',
      table: { header: c.coverageHeader, rows, numeric: [false, true, true, true, true] },
    },
    ...stepBlocks(ctx),
    { kind: 'figure', figure: 'coverage-chart' },
    { kind: 'heading', text: c.radiusTitle },
    {
      kind: 'paragraph',
      text: c.radiusText(
        formatShare(s.radius300.straightLine.elders60Share),
        formatShare(s.radius300.network.elders60Share),
        formatInt(s.radius300.straightLine.elders60Covered - s.radius300.network.elders60Covered),
        formatFixed(s.radius300.networkMinutes, 1),
        s.radius300.detourLimited.length,
      ),
    },
    { kind: 'heading', text: c.unitsTitle },
    { kind: 'paragraph', text: c.unitsText(ctx.figureNo('map-coverage')) },
    { kind: 'table', table: unitTable(ctx, thresholds) },
    ...emptyUnits(ctx),
    { kind: 'figure', figure: 'map-coverage' },
    { kind: 'heading', text: c.areaTitle },
    { kind: 'paragraph', text: areaText(ctx) },
    ...gapBlocks(ctx),
  ];
  return { id: 'current', title: t.sections.current, blocks };
}

/** How much of the coverage depends on steps (absent when the analysis has no step-free figures). */
function stepBlocks(ctx: ReportContext): Block[] {
  const c = ctx.t.current;
  const steps = stepDependency(ctx.input.baseline.summary);
  if (steps.length === 0) return [];
  const lost = steps.filter((d) => d.elders60 > 0);
  const list = lost.map((d) => c.stepsItem(d.minutes, formatInt(d.elders60), formatShare(d.share)));
  return [
    {
      kind: 'paragraph',
      text: c.stepsText(lost.length === 0 ? null : list.join(ctx.t.listSeparator)),
    },
  ];
}

function unitTable(ctx: ReportContext, thresholds: number[]) {
  const { t, input } = ctx;
  const order = input.baseline.summary.thresholds;
  // Streets first, each followed by its communities.
  const units = input.baseline.units;
  const streets = units.filter((u) => u.level === 'street');
  const ordered = [
    ...streets.flatMap((st) => [st, ...units.filter((u) => u.parentId === st.unitId)]),
    ...units.filter((u) => u.level !== 'street' && !streets.some((st) => st.unitId === u.parentId)),
  ];
  // Units without residents (parks, campuses) are named below the table, not listed.
  const rows: TableCell[][] = ordered
    .filter((u) => u.elders60 > 0)
    .map((u) => [
      u.level === 'street' ? { text: u.name, tone: 'strong' as const } : u.name,
      formatInt(u.elders60),
      ...thresholds.map((m) => {
        const k = order.indexOf(m);
        return u.elders60 > 0 && k >= 0 ? formatShare(u.elders60Within[k] / u.elders60) : '—';
      }),
      formatShare(u.radius300NetworkShare),
      u.m2PerResident === null ? '—' : formatFixed(u.m2PerResident, 3),
    ]);
  return {
    header: [
      t.current.unitHeader,
      t.current.eldersHeader,
      ...thresholds.map((m) => t.minutes(m)),
      t.current.radiusHeader,
      t.current.areaHeader,
    ],
    rows,
    numeric: [false, true, ...thresholds.map(() => true), true, true],
  };
}

function emptyUnits(ctx: ReportContext): Block[] {
  const empty = ctx.input.baseline.units.filter((u) => u.elders60 === 0);
  if (empty.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      tone: 'muted',
      text: ctx.t.current.emptyUnits(empty.map((u) => u.name).join(ctx.t.listSeparator)),
    },
  ];
}

function areaText(ctx: ReportContext): string {
  const { t, input } = ctx;
  const s = input.baseline.summary;
  const units = input.baseline.units.filter(
    (u) => u.level === 'community' && u.m2PerResident !== null,
  );
  // Lowest among the units that have a facility (those without one are counted apart).
  const sorted = units
    .filter((u) => u.facilities > 0)
    .sort((a, b) => (a.m2PerResident ?? 0) - (b.m2PerResident ?? 0));
  const none = units.filter((u) => u.facilities === 0);
  const rule = s.findings.find(
    (f) => f.scope === 'city' && f.valueUnit.startsWith('m2/') && f.kind === 'area_per_resident',
  );
  return t.current.areaText(
    ctx.quantity(s.facilities.floorAreaM2, 'm2'),
    ctx.quantity(s.area.m2PerResident, 'm2/resident'),
    rule === undefined ? null : ctx.quantity(rule.required, rule.valueUnit),
    none.length,
    sorted
      .slice(0, 3)
      .map((u) => u.name)
      .join(t.listSeparator),
  );
}

function gapBlocks(ctx: ReportContext): Block[] {
  const { t, input, gapMinutes: g } = ctx;
  const c = t.current;
  const gaps = unitGaps(input.baseline, g, 'community');
  const clusters = uncoveredClusters(input.baseline, g);
  const blocks: Block[] = [{ kind: 'heading', text: c.gapsTitle }];
  if (gaps.length === 0) {
    blocks.push({ kind: 'paragraph', text: c.noGaps(g) });
    return blocks;
  }
  const total = gaps.reduce((sum, x) => sum + x.outside, 0);
  const top = gaps.slice(0, 3);
  blocks.push({
    kind: 'paragraph',
    text: c.gapsText(
      g,
      formatInt(total),
      gaps.length,
      top.map((x) => c.unitOutside(x.unit.name, formatInt(x.outside))).join(t.listSeparator),
      formatShare(total > 0 ? top.reduce((sum, x) => sum + x.outside, 0) / total : null),
    ),
  });
  if (clusters.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: c.clustersText(
        g,
        clusters.length,
        ctx.describe(...clusters[0].center),
        ctx.figureNo('map-coverage'),
      ),
    });
    blocks.push({
      kind: 'table',
      table: {
        header: c.clustersHeader,
        numeric: [true, false, false, true, true],
        widths: [7, 45, 28, 11, 9],
        rows: clusters.map((x) => [
          String(x.rank),
          ctx.describeSpot(...x.center),
          x.unitIds.map((id) => ctx.unitName(id)).join(t.listSeparator),
          formatInt(x.elders60),
          formatInt(x.cells.length),
        ]),
      },
    });
  }
  return blocks;
}
