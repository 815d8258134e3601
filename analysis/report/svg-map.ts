import type { AnalysisResult } from '../coverage/analyse-city.ts';
import type { UnitInput } from '../coverage/types.ts';
import type { SiteFacility } from '../siting/scenario-types.ts';
import {
  COVERED,
  FACILITY_STYLE,
  FAILED_RAMP,
  GAINED,
  LOST,
  MINUTE_RAMP,
  rgbHex,
  SITE_STATE_STYLE,
  type SiteState,
  UNCOVERED,
  UNREACHED,
} from '../style/palette.ts';
import type { ReportContext } from './context.ts';
import { MAIN_ROAD_CLASSES } from './map-context.ts';
import {
  attribution,
  type Box,
  haloText,
  type LegendEntry,
  type LegendGroup,
  labelBox,
  legendBelow,
  northArrow,
  overlaps,
  scaleBar,
  symbolSvg,
  textWidth,
} from './map-furniture.ts';
import {
  type Bounds,
  boundsOf,
  cellPath,
  escapeXml,
  fitProjection,
  geometryPath,
  linePath,
  type Projection,
  svgDocument,
} from './svg-kit.ts';
import type { FigureId, ReportFigure, ReportScenario } from './types.ts';

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

interface Panel {
  p: Projection;
  x: number;
  clip: string;
}

/** The study area's extent: its units (never outlying points), else the city's bbox; 2 % margin. */
function studyBounds(ctx: ReportContext): Bounds {
  const points: number[][] = [];
  for (const u of ctx.input.units) {
    const g = u.geometry;
    if (g === undefined) continue;
    for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      for (const ring of rings) points.push(...ring);
  }
  const [w, s, e, n] = boundsOf(points) ?? ctx.input.map?.bbox ?? [0, 0, 1, 1];
  const dx = (e - w) * 0.02;
  const dy = (n - s) * 0.02;
  return [w - dx, s - dy, e + dx, n + dy];
}

function panel(ctx: ReportContext, id: string, x: number, width: number, maxHeight: number): Panel {
  return { p: fitProjection(studyBounds(ctx), width, maxHeight, 0), x, clip: `clip-${id}` };
}

function roadsLayer(ctx: ReportContext, p: Projection): string {
  const map = ctx.input.map ?? {};
  const minor = (map.roads ?? []).map((r) => linePath(r, p)).join('');
  const main = (map.namedRoads ?? [])
    .filter((r) => MAIN_ROAD_CLASSES.has(r.highway))
    .map((r) => linePath(r.coordinates, p))
    .join('');
  return `<path d="${minor}" fill="none" stroke="#b0b0b0" stroke-width="0.5"/><path d="${main}" fill="none" stroke="#fff" stroke-width="3.2" stroke-opacity="0.9"/><path d="${main}" fill="none" stroke="#6b6b6b" stroke-width="1.3"/>`;
}

function unitLayer(units: readonly UnitInput[], p: Projection): string {
  const path = (level: string) =>
    units
      .filter((u) => u.level === level && u.geometry !== undefined)
      .map((u) => (u.geometry === undefined ? '' : geometryPath(u.geometry, p)))
      .join('');
  return `<path d="${path('community')}" fill="none" stroke="#444" stroke-width="0.8" stroke-dasharray="4 2"/><path d="${path('street')}" fill="none" stroke="#111" stroke-width="2"/>`;
}

/** A unit's label: the code of a derived unit (派生社区单元 C01（…） → C01), else its name. */
export function unitLabel(name: string): string {
  const derived = /^派生\S*单元\s*([^\s（(]+)/.exec(name);
  return derived !== null ? derived[1] : name;
}

function ringCentroid(ring: number[][]): [number, number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const k = x0 * y1 - x1 * y0;
    a += k;
    cx += (x0 + x1) * k;
    cy += (y0 + y1) * k;
  }
  return a === 0 ? [ring[0][0], ring[0][1], 0] : [cx / (3 * a), cy / (3 * a), Math.abs(a / 2)];
}

function unitLabels(units: readonly UnitInput[], p: Projection, placed: Box[]): string {
  const out: string[] = [];
  for (const level of ['street', 'community'] as const) {
    for (const u of units) {
      if (u.level !== level || u.geometry === undefined) continue;
      const polys =
        u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
      const best = polys.map((rings) => ringCentroid(rings[0])).sort((a, b) => b[2] - a[2])[0];
      if (best === undefined) continue;
      const [x, y] = p.project(best[0], best[1]);
      const text = unitLabel(u.name);
      const size = level === 'street' ? 12.5 : 10;
      // Street labels sit a little above the centre so that a community label can sit under.
      const yy = level === 'street' ? y - 10 : y;
      const box = labelBox(x, yy, textWidth(text, size) + 4, size + 4);
      if (
        overlaps(box, placed) ||
        box.x0 < 0 ||
        box.x1 > p.width ||
        box.y0 < 0 ||
        box.y1 > p.height
      )
        continue;
      placed.push(box);
      out.push(
        haloText(text, x, yy, {
          size,
          bold: level === 'street',
          fill: level === 'street' ? '#000' : '#333',
        }),
      );
    }
  }
  return out.join('');
}

/** One label per main road name, on its longest piece inside the map, along its direction. */
function roadLabels(ctx: ReportContext, p: Projection, placed: Box[], limit = 16): string {
  const byName = new Map<string, { length: number; line: [number, number][] }>();
  const total = new Map<string, number>();
  for (const road of ctx.input.map?.namedRoads ?? []) {
    if (!MAIN_ROAD_CLASSES.has(road.highway) || road.highway.endsWith('_link')) continue;
    const line = road.coordinates
      .map(([lon, lat]) => p.project(lon, lat))
      .filter(([x, y]) => x >= 0 && y >= 0 && x <= p.width && y <= p.height);
    let length = 0;
    for (let i = 1; i < line.length; i++)
      length += Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
    total.set(road.name, (total.get(road.name) ?? 0) + length);
    if (length > (byName.get(road.name)?.length ?? 0)) byName.set(road.name, { length, line });
  }
  const names = [...byName.keys()].sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0));
  const out: string[] = [];
  for (const name of names) {
    if (out.length >= limit) break;
    const { length, line } = byName.get(name) as { length: number; line: [number, number][] };
    if (length < 30) continue;
    // The point half-way along the piece and the direction of the segment there.
    let run = 0;
    for (let i = 1; i < line.length; i++) {
      const d = Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
      if (run + d >= length / 2) {
        const t = d === 0 ? 0 : (length / 2 - run) / d;
        const x = line[i - 1][0] + (line[i][0] - line[i - 1][0]) * t;
        const y = line[i - 1][1] + (line[i][1] - line[i - 1][1]) * t;
        let angle =
          (Math.atan2(line[i][1] - line[i - 1][1], line[i][0] - line[i - 1][0]) * 180) / Math.PI;
        if (angle > 90) angle -= 180;
        if (angle < -90) angle += 180;
        const box = labelBox(x, y, textWidth(name, 10.5) + 4, 14, angle);
        if (!overlaps(box, placed)) {
          placed.push(box);
          out.push(haloText(name, x, y, { size: 10.5, angle, fill: '#303030' }));
        }
        break;
      }
      run += d;
    }
  }
  return out.join('');
}

function siteSymbol(state: SiteState, f: SiteFacility, p: Projection): string {
  const [x, y] = p.project(f.lon, f.lat);
  const fill = hex(FACILITY_STYLE[f.type]?.color ?? [0, 0, 0]);
  const stroke = hex(SITE_STATE_STYLE[state].stroke);
  if (state === 'existing') return symbolSvg({ kind: 'dot', fill, r: 4 }, x, y);
  if (state === 'closed') return symbolSvg({ kind: 'cross', stroke }, x, y);
  if (state === 'resized') return symbolSvg({ kind: 'square', fill, stroke }, x, y);
  return symbolSvg({ kind: 'dot', fill, r: 4.5 }, x, y) + symbolSvg({ kind: 'ring', stroke }, x, y);
}

function typeEntries(ctx: ReportContext, facilities: readonly SiteFacility[]): LegendEntry[] {
  const present = new Set(facilities.map((f) => f.type));
  return Object.entries(FACILITY_STYLE)
    .filter(([type]) => present.has(type as SiteFacility['type']))
    .map(([type, style]) => ({
      label: ctx.t.facilityTypes[type] ?? type,
      symbol: { kind: 'dot' as const, fill: hex(style.color) },
    }));
}

function baseEntries(ctx: ReportContext): LegendEntry[] {
  const m = ctx.t.maps;
  return [
    { label: m.mainRoad, symbol: { kind: 'line', stroke: '#6b6b6b', width: 1.6 } },
    { label: m.streetBoundary, symbol: { kind: 'line', stroke: '#111', width: 2 } },
    {
      label: m.communityBoundary,
      symbol: { kind: 'line', stroke: '#444', width: 0.8, dash: '4 2' },
    },
  ];
}

/** Frame, clip, base layers, labels and furniture of one panel around a thematic layer. */
function drawPanel(
  ctx: ReportContext,
  pan: Panel,
  thematic: string,
  sites: string,
  title?: string,
): string {
  const { p } = pan;
  const placed: Box[] = [];
  if (title !== undefined) placed.push({ x0: 0, y0: 0, x1: textWidth(title, 13) + 16, y1: 26 });
  placed.push(
    { x0: p.width - 30, y0: 0, x1: p.width, y1: 48 },
    { x0: 0, y0: p.height - 34, x1: 150, y1: p.height },
    { x0: p.width - 170, y0: p.height - 18, x1: p.width, y1: p.height },
  );
  const body = [
    `<rect width="${p.width}" height="${p.height}" fill="#f4f4f1"/>`,
    thematic,
    roadsLayer(ctx, p),
    unitLayer(ctx.input.units, p),
    sites,
    unitLabels(ctx.input.units, p, placed),
    roadLabels(ctx, p, placed),
  ].join('');
  const furniture = [
    northArrow(p.width - 16, 8),
    scaleBar(p, 14, p.height - 12),
    attribution(ctx.t.maps.attribution(ctx.input.city.attribution), p.width - 2, p.height - 5),
    title === undefined
      ? ''
      : `<rect x="0" y="0" width="${textWidth(title, 13) + 16}" height="24" fill="#fff" fill-opacity="0.9"/><text x="8" y="17" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    `<rect x="0.5" y="0.5" width="${p.width - 1}" height="${p.height - 1}" fill="none" stroke="#333"/>`,
  ].join('');
  return `<g transform="translate(${pan.x} 0)"><clipPath id="${pan.clip}"><rect width="${p.width}" height="${p.height}"/></clipPath><g clip-path="url(#${pan.clip})">${body}</g>${furniture}</g>`;
}

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
      return `<path d="${cellPath(c.h3, pan.p)}" fill="${hex(fill)}" fill-opacity="0.85"/>`;
    })
    .join('');
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
  return figure('map-coverage', t.maps.coverage, pan.p.height, drawPanel(ctx, pan, cells, sites), [
    { title: t.maps.minutesTitle, entries: ramp },
    { title: t.maps.facilitiesTitle, entries: typeEntries(ctx, input.facilities) },
    { title: t.maps.baseTitle, entries: baseEntries(ctx) },
  ]);
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
