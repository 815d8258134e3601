import type { AnalysisResult } from '../coverage/analyse-city.ts';
import {
  COVERED,
  FAILED_RAMP,
  GAINED,
  LOST,
  MINUTE_RAMP,
  rgbHex,
  SITE_STATE_STYLE,
  UNCOVERED,
  UNREACHED,
} from '../style/palette.ts';
import type { ReportContext } from './context.ts';
import { uncoveredClusters } from './gaps.ts';
import { type LegendEntry, type LegendGroup, legendBelow } from './map-furniture.ts';
import { baseEntries, drawPanel, panel, siteSymbol, typeEntries } from './map-layers.ts';
import { cellPath, geometryPath, type Projection, svgDocument } from './svg-kit.ts';
import type { FigureId, ReportFigure, ReportScenario } from './types.ts';

export { unitLabel } from './map-layers.ts';

/**
 * Report maps at the study area's extent: thematic layer, all roads, main roads with names, unit
 * boundaries with labels, sites, north arrow, scale bar, attribution, legend below. The before /
 * after figure draws two panels at the same extent. Colours come from analysis/style/palette.ts,
 * as in the app.
 */
const WIDTH = 700;
const MAX_MAP_H = 540;
const GAP = 12;
const hex = rgbHex;

function figure(
  id: FigureId,
  caption: string,
  mapHeight: number,
  maps: string,
  legend: LegendGroup[],
): ReportFigure {
  const l = legendBelow(legend, 4, mapHeight + 6, WIDTH - 8);
  const height = Math.ceil(mapHeight + 6 + l.height);
  return { id, caption, svg: svgDocument(WIDTH, height, maps + l.svg), width: WIDTH, height };
}

/** Travel time (walk-elderly) from every cell to its nearest facility, in threshold classes. */
export function coverageMapSvg(ctx: ReportContext): ReportFigure {
  const { input, t } = ctx;
  const pan = panel(ctx, 'map-coverage', 0, WIDTH, MAX_MAP_H);
  const thresholds = [...input.baseline.summary.thresholds].sort((a, b) => a - b);
  const classOf = (m: number | null) => (m === null ? -1 : thresholds.findIndex((x) => m <= x));
  const cells = input.baseline.cells
    .map((c) => {
      const k = classOf(c.minutesNearest);
      const fill =
        c.minutesNearest === null
          ? UNREACHED
          : MINUTE_RAMP[Math.min(k < 0 ? thresholds.length : k, MINUTE_RAMP.length - 1)];
      // A thin outline keeps the palest class (the nearest) visible on the map background.
      return `<path d="${cellPath(c.h3, pan.p)}" fill="${hex(fill)}" fill-opacity="0.9" stroke="#b8a77a" stroke-width="0.35"/>`;
    })
    .join('');
  // The uncovered clusters of 二（五）, numbered as in its table, above the labels.
  const markers = uncoveredClusters(input.baseline, ctx.gapMinutes).map((c) => {
    const [x, y] = pan.p.project(c.center[0], c.center[1]);
    return {
      svg: `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="8" fill="#fff" stroke="#222" stroke-width="1.4"/><text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="10.5" font-weight="bold" text-anchor="middle" dominant-baseline="central">${c.rank}</text>`,
      box: { x0: x - 9, y0: y - 9, x1: x + 9, y1: y + 9 },
    };
  });
  const clusters = markers.map((m) => m.svg).join('');
  const sites = input.facilities.map((f) => siteSymbol('existing', f, pan.p)).join('');
  const ramp: LegendEntry[] = thresholds.map((m, i) => ({
    label: i === 0 ? t.maps.within(m) : t.maps.between(thresholds[i - 1], m),
    symbol: { kind: 'box', fill: hex(MINUTE_RAMP[Math.min(i, MINUTE_RAMP.length - 1)]) },
  }));
  ramp.push({
    label: t.maps.beyond(thresholds[thresholds.length - 1]),
    symbol: {
      kind: 'box',
      fill: hex(MINUTE_RAMP[Math.min(thresholds.length, MINUTE_RAMP.length - 1)]),
    },
  });
  ramp.push({ label: t.maps.unreached, symbol: { kind: 'box', fill: hex(UNREACHED) } });
  return figure(
    'map-coverage',
    t.maps.coverage,
    pan.p.height,
    drawPanel(ctx, pan, cells, sites, undefined, {
      svg: clusters,
      boxes: markers.map((m) => m.box),
    }),
    [
      { title: t.maps.minutesTitle, entries: ramp },
      { title: t.maps.facilitiesTitle, entries: typeEntries(ctx, input.facilities) },
      {
        title: t.maps.baseTitle,
        entries: [
          ...baseEntries(ctx),
          ...(clusters === ''
            ? []
            : [
                {
                  label: t.maps.cluster(ctx.gapMinutes),
                  symbol: { kind: 'ring' as const, stroke: '#222' },
                },
              ]),
        ],
      },
    ],
  );
}

/** Community units by the number of checks they fail; facilities by type. */
export function complianceMapSvg(ctx: ReportContext): ReportFigure {
  const { input, t } = ctx;
  const pan = panel(ctx, 'map-compliance', 0, WIDTH, MAX_MAP_H);
  const failed = new Map(input.baseline.units.map((u) => [u.unitId, u.findingsFailed]));
  const fills = input.units
    .filter((u) => u.geometry !== undefined && u.level === 'community')
    .map((u) => {
      const n = Math.min(failed.get(u.id) ?? 0, FAILED_RAMP.length - 1);
      return `<path d="${u.geometry ? geometryPath(u.geometry, pan.p) : ''}" fill="${hex(FAILED_RAMP[n])}" fill-opacity="0.8" fill-rule="evenodd"/>`;
    })
    .join('');
  const sites = input.facilities.map((f) => siteSymbol('existing', f, pan.p)).join('');
  return figure(
    'map-compliance',
    t.maps.compliance,
    pan.p.height,
    drawPanel(ctx, pan, fills, sites),
    [
      {
        title: t.maps.failedTitle,
        entries: FAILED_RAMP.map((c, n) => ({
          label: t.maps.failedCount(n === FAILED_RAMP.length - 1 ? `≥${n}` : String(n)),
          symbol: { kind: 'box' as const, fill: hex(c) },
        })),
      },
      { title: t.maps.facilitiesTitle, entries: typeEntries(ctx, input.facilities) },
      { title: t.maps.baseTitle, entries: baseEntries(ctx) },
    ],
  );
}

function covered(result: AnalysisResult, minutes: number): Set<string> {
  return new Set(
    result.cells
      .filter((c) => c.minutesNearest !== null && c.minutesNearest <= minutes)
      .map((c) => c.h3),
  );
}

/** Before and after, side by side at the same extent, at the threshold the proposal changes most. */
export function effectMapSvg(ctx: ReportContext, scenario: ReportScenario): ReportFigure {
  const { input, t } = ctx;
  const m = ctx.effectMinutes;
  const w = (WIDTH - GAP) / 2;
  const left = panel(ctx, 'map-effect-before', 0, w, MAX_MAP_H);
  const right = panel(ctx, 'map-effect-after', w + GAP, w, MAX_MAP_H);
  const before = covered(input.baseline, m);
  const after = covered(scenario.result, m);
  const cellFill = (h3: string, p: Projection, colour: string) =>
    `<path d="${cellPath(h3, p)}" fill="${colour}" fill-opacity="0.85"/>`;
  const leftCells = input.baseline.cells
    .filter((c) => c.elders60 > 0)
    .map((c) => cellFill(c.h3, left.p, hex(before.has(c.h3) ? COVERED : UNCOVERED)))
    .join('');
  const rightCells = scenario.result.cells
    .filter((c) => c.elders60 > 0)
    .map((c) => {
      const was = before.has(c.h3);
      const is = after.has(c.h3);
      const colour = is && !was ? GAINED : was && !is ? LOST : is ? COVERED : UNCOVERED;
      return cellFill(c.h3, right.p, hex(colour));
    })
    .join('');
  const states = new Map(ctx.proposed.map((s) => [s.id, s.state]));
  const existing = input.facilities.map((f) => siteSymbol('existing', f, left.p)).join('');
  const closedIds = new Set(ctx.proposed.filter((s) => s.state === 'closed').map((s) => s.id));
  const afterSites = [
    ...scenario.facilities.map((f) => siteSymbol(states.get(f.id) ?? 'existing', f, right.p)),
    ...input.facilities
      .filter((f) => closedIds.has(f.id))
      .map((f) => siteSymbol('closed', f, right.p)),
  ].join('');
  const maps =
    drawPanel(ctx, left, leftCells, existing, t.maps.before(m)) +
    drawPanel(ctx, right, rightCells, afterSites, t.maps.after(m));
  const ring = hex(SITE_STATE_STYLE.new.stroke);
  const usedStates = new Set(ctx.proposed.map((s) => s.state));
  const stateEntries: LegendEntry[] = [
    { label: t.siteStates.existing, symbol: { kind: 'dot', fill: '#777' } },
  ];
  if (usedStates.has('new') || usedStates.has('moved'))
    stateEntries.push({ label: t.maps.newSite, symbol: { kind: 'ring', stroke: ring } });
  if (usedStates.has('resized'))
    stateEntries.push({
      label: t.siteStates.resized,
      symbol: { kind: 'square', fill: '#777', stroke: ring },
    });
  if (usedStates.has('closed'))
    stateEntries.push({
      label: t.siteStates.closed,
      symbol: { kind: 'cross', stroke: hex(SITE_STATE_STYLE.closed.stroke) },
    });
  return figure('map-effect', t.maps.effect(m), Math.max(left.p.height, right.p.height), maps, [
    {
      title: t.maps.coverTitle(m),
      entries: [
        { label: t.maps.covered, symbol: { kind: 'box', fill: hex(COVERED) } },
        { label: t.maps.uncovered, symbol: { kind: 'box', fill: hex(UNCOVERED) } },
        { label: t.maps.gained, symbol: { kind: 'box', fill: hex(GAINED) } },
        { label: t.maps.lost, symbol: { kind: 'box', fill: hex(LOST) } },
      ],
    },
    { title: t.maps.sitesTitle, entries: stateEntries },
    { title: t.maps.facilitiesTitle, entries: typeEntries(ctx, scenario.facilities) },
    { title: t.maps.baseTitle, entries: baseEntries(ctx) },
  ]);
}
