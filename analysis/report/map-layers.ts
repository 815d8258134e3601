import type { UnitInput } from '../coverage/types.ts';
import type { SiteFacility } from '../siting/scenario-types.ts';
import { FACILITY_STYLE, rgbHex, SITE_STATE_STYLE, type SiteState } from '../style/palette.ts';
import type { ReportContext } from './context.ts';
import { MAIN_ROAD_CLASSES } from './map-context.ts';
import {
  attribution,
  type Box,
  haloText,
  type LegendEntry,
  labelBox,
  northArrow,
  overlaps,
  scaleBar,
  symbolSvg,
  textWidth,
} from './map-furniture.ts';
import {
  type Bounds,
  boundsOf,
  escapeXml,
  fitProjection,
  geometryPath,
  linePath,
  type Projection,
} from './svg-kit.ts';

/**
 * The layers and furniture every report map shares: study-area extent, roads and their names,
 * unit boundaries and labels, site symbols, legend entries, one framed and clipped panel.
 */
const hex = rgbHex;
export interface Panel {
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

export function panel(
  ctx: ReportContext,
  id: string,
  x: number,
  width: number,
  maxHeight: number,
): Panel {
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

export function siteSymbol(state: SiteState, f: SiteFacility, p: Projection): string {
  const [x, y] = p.project(f.lon, f.lat);
  const fill = hex(FACILITY_STYLE[f.type]?.color ?? [0, 0, 0]);
  const stroke = hex(SITE_STATE_STYLE[state].stroke);
  if (state === 'existing') return symbolSvg({ kind: 'dot', fill, r: 4 }, x, y);
  if (state === 'closed') return symbolSvg({ kind: 'cross', stroke }, x, y);
  if (state === 'resized') return symbolSvg({ kind: 'square', fill, stroke }, x, y);
  return symbolSvg({ kind: 'dot', fill, r: 4.5 }, x, y) + symbolSvg({ kind: 'ring', stroke }, x, y);
}

export function typeEntries(
  ctx: ReportContext,
  facilities: readonly SiteFacility[],
): LegendEntry[] {
  const present = new Set(facilities.map((f) => f.type));
  return Object.entries(FACILITY_STYLE)
    .filter(([type]) => present.has(type as SiteFacility['type']))
    .map(([type, style]) => ({
      label: ctx.t.facilityTypes[type] ?? type,
      symbol: { kind: 'dot' as const, fill: hex(style.color) },
    }));
}

export function baseEntries(ctx: ReportContext): LegendEntry[] {
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
export function drawPanel(
  ctx: ReportContext,
  pan: Panel,
  thematic: string,
  sites: string,
  title?: string,
  /** Drawn above the labels, which keep clear of its boxes (numbered markers). */
  overlay: { svg: string; boxes: Box[] } = { svg: '', boxes: [] },
): string {
  const { p } = pan;
  const placed: Box[] = [...overlay.boxes];
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
    overlay.svg,
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
