import type { AnalysisResult } from '../coverage/analyse-city.ts';
import type { SiteFacility } from '../siting/scenario-types.ts';
import type { ReportContext } from './context.ts';
import {
  boundsOf,
  cellPath,
  escapeXml,
  fitProjection,
  geometryPath,
  type LegendItem,
  legend,
  linePath,
  type Projection,
  scaleAndNorth,
  star,
  svgDocument,
} from './svg-kit.ts';
import type { ReportFigure, ReportScenario } from './types.ts';

const MAP_W = 680;
const MAP_H = 620;
const LEGEND_W = 230;

export const TYPE_COLOURS: Record<string, string> = {
  street_center: '#6a3d9a',
  community_station: '#1f78b4',
  day_care: '#33a02c',
  embedded_institution: '#e31a1c',
  neighbourhood_point: '#ff7f00',
  care_post: '#b15928',
};
const FAILED_COLOURS = ['#c7e9c0', '#fff3b0', '#fdd49e', '#f4a582'];
const BAND_COLOURS = ['#1a9850', '#91cf60', '#d9ef8b', '#fee08b', '#fdae61'];
const OUTSIDE = '#d73027';
const NEW_SITE = '#ffd400';

interface Frame {
  p: Projection;
  body: string[];
  legendItems: { title: string; items: LegendItem[] }[];
}

function frame(ctx: ReportContext): Frame {
  const { input } = ctx;
  const points: number[][] = [];
  for (const u of input.units) {
    const g = u.geometry;
    if (g === undefined) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) for (const ring of rings) points.push(...ring);
  }
  for (const f of input.facilities) points.push([f.lon, f.lat]);
  const bounds = boundsOf(points) ?? [0, 0, 1, 1];
  const p = fitProjection(bounds, MAP_W, MAP_H);
  const body: string[] = [];
  const roads = input.map?.roads ?? [];
  if (roads.length > 0) {
    body.push(
      `<path d="${roads.map((r) => linePath(r, p)).join('')}" fill="none" stroke="#bdbdbd" stroke-width="0.7"/>`,
    );
  }
  return { p, body, legendItems: [] };
}

function unitOutlines(ctx: ReportContext, p: Projection): string {
  const paths = ctx.input.units
    .filter((u) => u.geometry !== undefined && u.level === 'street')
    .map((u) => (u.geometry ? geometryPath(u.geometry, p) : ''));
  return `<path d="${paths.join('')}" fill="none" stroke="#333" stroke-width="1.6" fill-rule="evenodd"/>`;
}

function facilityMarkers(facilities: readonly SiteFacility[], p: Projection): string {
  return facilities
    .map((f) => {
      const [x, y] = p.project(f.lon, f.lat);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4.5" fill="${TYPE_COLOURS[f.type] ?? '#000'}" stroke="#fff" stroke-width="1"/>`;
    })
    .join('');
}

function typeLegend(ctx: ReportContext, facilities: readonly SiteFacility[]): LegendItem[] {
  const present = new Set(facilities.map((f) => f.type));
  return Object.keys(TYPE_COLOURS)
    .filter((type) => present.has(type as SiteFacility['type']))
    .map((type) => ({
      label: ctx.t.facilityTypes[type] ?? type,
      fill: TYPE_COLOURS[type],
      stroke: '#fff',
      shape: 'dot' as const,
    }));
}

function finish(
  ctx: ReportContext,
  id: ReportFigure['id'],
  caption: string,
  f: Frame,
): ReportFigure {
  const x = f.p.width + 16;
  let y = 16;
  const legends: string[] = [];
  for (const group of f.legendItems) {
    legends.push(legend(group.items, x, y, group.title));
    y += 20 + group.items.length * 20 + 12;
  }
  const width = f.p.width + LEGEND_W;
  const height = Math.max(f.p.height, y + 90);
  const attribution = `<text x="${f.p.width - 8}" y="${height - 6}" font-size="9" fill="#666" text-anchor="end">${escapeXml(ctx.input.city.attribution)}</text>`;
  const body = [
    `<rect x="0.5" y="0.5" width="${f.p.width - 1}" height="${height - 1}" fill="none" stroke="#999"/>`,
    ...f.body,
    ...legends,
    scaleAndNorth(f.p, x + 8, height - 24),
    attribution,
  ];
  return { id, caption, svg: svgDocument(width, height, body.join('')), width, height };
}

/** Community units coloured by the number of checks they fail; facilities by type. */
export function complianceMapSvg(ctx: ReportContext): ReportFigure {
  const { input, t } = ctx;
  const f = frame(ctx);
  const failed = new Map(input.baseline.units.map((u) => [u.unitId, u.findingsFailed]));
  const fills = input.units
    .filter((u) => u.geometry !== undefined && u.level === 'community')
    .map((u) => {
      const n = Math.min(failed.get(u.id) ?? 0, FAILED_COLOURS.length - 1);
      const d = u.geometry ? geometryPath(u.geometry, f.p) : '';
      return `<path d="${d}" fill="${FAILED_COLOURS[n]}" fill-opacity="0.85" stroke="#777" stroke-width="0.6" fill-rule="evenodd"/>`;
    });
  f.body.unshift(...fills);
  f.body.push(unitOutlines(ctx, f.p), facilityMarkers(input.facilities, f.p));
  const rec = input.recommended?.sites ?? [];
  for (const s of rec) {
    const [x, y] = f.p.project(s.lon, s.lat);
    f.body.push(star(x, y, 8, NEW_SITE));
  }
  f.legendItems.push({
    title: t.maps.legendFailedTitle,
    items: FAILED_COLOURS.map((fill, n) => ({
      label: t.maps.legendFailed(n === FAILED_COLOURS.length - 1 ? `≥${n}` : String(n)),
      fill,
    })),
  });
  const types = typeLegend(ctx, input.facilities);
  if (rec.length > 0) types.push({ label: t.maps.legendNewSite, fill: NEW_SITE, shape: 'star' });
  f.legendItems.push({ title: t.key.facilities, items: types });
  return finish(ctx, 'map-compliance', t.maps.compliance, f);
}

function bandOf(minutes: number | null, thresholds: number[]): number {
  if (minutes === null) return -1;
  const i = thresholds.findIndex((m) => minutes <= m);
  return i;
}

/** H3 cells coloured by walk-elderly minutes to the nearest facility. */
export function coverageMapSvg(ctx: ReportContext): ReportFigure {
  const { input, t } = ctx;
  const f = frame(ctx);
  const thresholds = input.baseline.summary.thresholds;
  for (const cell of input.baseline.cells) {
    const band = bandOf(cell.minutesNearest, thresholds);
    const fill = band < 0 ? OUTSIDE : BAND_COLOURS[Math.min(band, BAND_COLOURS.length - 1)];
    f.body.push(
      `<path d="${cellPath(cell.h3, f.p)}" fill="${fill}" fill-opacity="0.8" stroke="#fff" stroke-width="0.3"/>`,
    );
  }
  f.body.push(unitOutlines(ctx, f.p), facilityMarkers(input.facilities, f.p));
  f.legendItems.push({
    title: t.travel['walk-elderly'],
    items: [
      ...thresholds.map((m, i) => ({
        label: t.maps.legendMinutes(String(m)),
        fill: BAND_COLOURS[Math.min(i, BAND_COLOURS.length - 1)],
      })),
      { label: t.maps.legendOutside, fill: OUTSIDE },
    ],
  });
  f.legendItems.push({ title: t.key.facilities, items: typeLegend(ctx, input.facilities) });
  return finish(ctx, 'map-coverage', t.maps.coverage, f);
}

function coveredCells(result: AnalysisResult, minutes: number): Set<string> {
  return new Set(
    result.cells
      .filter((c) => c.minutesNearest !== null && c.minutesNearest <= minutes)
      .map((c) => c.h3),
  );
}

/** Cells gained or lost at the headline threshold; the scenario's register, new sites starred. */
export function scenarioMapSvg(ctx: ReportContext, scenario: ReportScenario): ReportFigure {
  const { input, t } = ctx;
  const f = frame(ctx);
  const before = coveredCells(input.baseline, ctx.headlineMinutes);
  const after = coveredCells(scenario.result, ctx.headlineMinutes);
  for (const cell of scenario.result.cells) {
    const was = before.has(cell.h3);
    const is = after.has(cell.h3);
    const fill = is && !was ? '#2b83ba' : was && !is ? OUTSIDE : is ? '#e0e0e0' : '#fafafa';
    f.body.push(
      `<path d="${cellPath(cell.h3, f.p)}" fill="${fill}" stroke="#fff" stroke-width="0.3"/>`,
    );
  }
  const baseIds = new Set(input.facilities.map((x) => x.id));
  f.body.push(
    unitOutlines(ctx, f.p),
    facilityMarkers(
      scenario.facilities.filter((x) => baseIds.has(x.id)),
      f.p,
    ),
  );
  for (const site of scenario.facilities.filter((x) => !baseIds.has(x.id))) {
    const [x, y] = f.p.project(site.lon, site.lat);
    f.body.push(star(x, y, 10, NEW_SITE));
  }
  const kept = new Set(scenario.facilities.map((x) => x.id));
  for (const site of input.facilities.filter((x) => !kept.has(x.id))) {
    const [x, y] = f.p.project(site.lon, site.lat);
    f.body.push(
      `<path d="M${x - 5} ${y - 5}l10 10M${x - 5} ${y + 5}l10 -10" stroke="#000" stroke-width="2.2"/>`,
    );
  }
  f.legendItems.push({
    title: t.coverage.minutes(ctx.headlineMinutes),
    items: [
      { label: t.maps.legendGained, fill: '#2b83ba' },
      { label: t.maps.legendLost, fill: OUTSIDE },
      { label: t.maps.legendMinutes(String(ctx.headlineMinutes)), fill: '#e0e0e0' },
      { label: t.maps.legendNewSite, fill: NEW_SITE, shape: 'star' },
      { label: t.maps.legendClosed, fill: '#ffffff', stroke: '#000', shape: 'cross' },
    ],
  });
  f.legendItems.push({ title: t.key.facilities, items: typeLegend(ctx, scenario.facilities) });
  return finish(ctx, 'map-scenario', t.maps.scenario, f);
}
