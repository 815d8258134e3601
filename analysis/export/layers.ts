import { cellsToMultiPolygon, cellToBoundary } from 'h3-js';
import type { AnalysisResult } from '../coverage/analyse-city.ts';
import { describeLocation, placeIndex } from '../report/describe-location.ts';
import { catalogue } from '../report/i18n/index.ts';
import { proposedSites } from '../report/proposed-sites.ts';
import type { ReportInput, ReportLang } from '../report/types.ts';
import { diffFacilities } from '../siting/scenario-diff.ts';
import type { ExportFeature, ExportField, ExportLayer } from './types.ts';

/**
 * The layers a GIS or CAD user gets: service circles per threshold (baseline and scenario),
 * population cells with travel times, units with their figures and status, sites with their
 * scenario state, proposed sites. Values are names and words, never internal codes (ids are
 * kept in one `code` field for joining). WGS-84, 7 decimals; the writer reprojects.
 */
const r7 = (x: number) => Math.round(x * 1e7) / 1e7;
const ring7 = (ring: number[][]) => ring.map(([lon, lat]) => [r7(lon), r7(lat)]);
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function field(name: string, type: ExportField['type'], zh: string, en: string): ExportField {
  return { name, type, title: { zh, en } };
}

function circles(input: ReportInput, lang: ReportLang): ExportLayer {
  const t = catalogue(lang);
  const features: ExportFeature[] = [];
  const add = (result: AnalysisResult, scenario: string) => {
    for (const minutes of result.summary.thresholds) {
      const cells = result.cells
        .filter((c) => c.minutesNearest !== null && c.minutesNearest <= minutes)
        .map((c) => c.h3);
      if (cells.length === 0) continue;
      const row = result.summary.coverage.find(
        (c) => c.profile === 'walk-elderly' && c.minutes === minutes,
      );
      features.push({
        type: 'Feature',
        properties: {
          scenario,
          minutes,
          elders: row?.elders60Covered ?? null,
          share_pct: pct(row?.elders60Share ?? null),
          residents: row?.residentsCovered ?? null,
        },
        geometry: {
          type: 'MultiPolygon',
          coordinates: cellsToMultiPolygon(cells, true).map((p) => p.map(ring7)),
        },
      });
    }
  };
  add(input.baseline, t.coverage.chartSeriesBaseline);
  if (input.scenario !== undefined) add(input.scenario.result, t.coverage.chartSeriesScenario);
  return {
    name: 'service_circles',
    title: { zh: '养老服务圈', en: 'Service circles' },
    geometryType: 'MultiPolygon',
    fields: [
      field('scenario', 'String', '方案', 'Scenario'),
      field('minutes', 'Integer', '步行时间阈值（分钟）', 'Walking threshold (min)'),
      field('elders', 'Integer', '覆盖60岁及以上老年人', 'Elders 60+ covered'),
      field('share_pct', 'Real', '老年人覆盖率（%）', 'Share of elders covered (%)'),
      field('residents', 'Integer', '覆盖常住人口', 'Residents covered'),
    ],
    features,
  };
}

function cellRing(h3: string): number[][] {
  const ring = cellToBoundary(h3).map(([lat, lon]) => [r7(lon), r7(lat)]);
  ring.push(ring[0]);
  return ring;
}

function cells(input: ReportInput, unitName: (id: string) => string): ExportLayer {
  const after = new Map((input.scenario?.result.cells ?? []).map((c) => [c.h3, c.minutesNearest]));
  const m1 = (x: number | null | undefined) =>
    x === null || x === undefined ? null : Math.round(x * 10) / 10;
  return {
    name: 'cells',
    title: { zh: '人口网格与步行时间', en: 'Population cells and walking time' },
    geometryType: 'MultiPolygon',
    fields: [
      field('code', 'String', 'H3 网格编号', 'H3 cell'),
      field('unit', 'String', '所在社区单元', 'Community unit'),
      field('street', 'String', '所在街道单元', 'Street unit'),
      field('residents', 'Integer', '常住人口（估算）', 'Residents (modelled)'),
      field('elders', 'Integer', '60岁及以上老年人（估算）', 'Elders 60+ (modelled)'),
      field('min_base', 'Real', '现状最近设施步行分钟', 'Minutes to nearest site, baseline'),
      field('min_scen', 'Real', '方案最近设施步行分钟', 'Minutes to nearest site, scenario'),
    ],
    features: input.baseline.cells.map((c) => ({
      type: 'Feature',
      properties: {
        code: c.h3,
        unit: unitName(c.unitId),
        street: unitName(c.streetId),
        residents: c.residents,
        elders: c.elders60,
        min_base: m1(c.minutesNearest),
        min_scen: input.scenario === undefined ? null : m1(after.get(c.h3)),
      },
      geometry: { type: 'MultiPolygon', coordinates: [[cellRing(c.h3)]] },
    })),
  };
}

function units(
  input: ReportInput,
  lang: ReportLang,
  unitName: (id: string) => string,
): ExportLayer {
  const t = catalogue(lang);
  const thresholds = input.baseline.summary.thresholds;
  const rows = new Map(input.baseline.units.map((u) => [u.unitId, u]));
  const scen = new Map((input.scenario?.result.units ?? []).map((u) => [u.unitId, u]));
  const features: ExportFeature[] = [];
  for (const u of input.units) {
    const row = rows.get(u.id);
    if (u.geometry === undefined || row === undefined) continue;
    const s = scen.get(u.id);
    const share = (within: number[] | undefined, k: number) =>
      within === undefined || row.elders60 === 0 ? null : pct(within[k] / row.elders60);
    const props: ExportFeature['properties'] = {
      code: u.id,
      name: u.name,
      level: t.tables.level[u.level] ?? u.level,
      parent: u.parentId === undefined ? null : unitName(u.parentId),
      residents: row.residents,
      elders: row.elders60,
      area_m2: row.floorAreaM2,
      m2_per_res: row.m2PerResident === null ? null : Math.round(row.m2PerResident * 1000) / 1000,
      failed: row.findingsFailed,
      status: row.findingsFailed > 0 ? t.findings.fail : t.findings.pass,
    };
    thresholds.forEach((m, k) => {
      props[`cov${m}`] = share(row.elders60Within, k);
      if (input.scenario !== undefined) props[`cov${m}_s`] = share(s?.elders60Within, k);
    });
    features.push({
      type: 'Feature',
      properties: props,
      geometry:
        u.geometry.type === 'Polygon'
          ? { type: 'MultiPolygon', coordinates: [u.geometry.coordinates.map(ring7)] }
          : { type: 'MultiPolygon', coordinates: u.geometry.coordinates.map((p) => p.map(ring7)) },
    });
  }
  const coverageFields = thresholds.flatMap((m) => [
    field(`cov${m}`, 'Real', `${m}分钟覆盖率（%，现状）`, `${m}-min coverage (%, baseline)`),
    ...(input.scenario === undefined
      ? []
      : [
          field(
            `cov${m}_s`,
            'Real',
            `${m}分钟覆盖率（%，方案）`,
            `${m}-min coverage (%, scenario)`,
          ),
        ]),
  ]);
  return {
    name: 'units',
    title: { zh: '规划单元', en: 'Planning units' },
    geometryType: 'MultiPolygon',
    fields: [
      field('code', 'String', '单元编号', 'Unit code'),
      field('name', 'String', '单元名称', 'Unit name'),
      field('level', 'String', '层级', 'Level'),
      field('parent', 'String', '所属街道单元', 'Street unit'),
      field('residents', 'Integer', '常住人口', 'Residents'),
      field('elders', 'Integer', '60岁及以上老年人', 'Elders 60+'),
      ...coverageFields,
      field('area_m2', 'Real', '设施建筑面积（平方米）', 'Facility floor area (m²)'),
      field('m2_per_res', 'Real', '人均设施面积（平方米/人）', 'Floor area per resident (m²)'),
      field('failed', 'Integer', '未达标核查项', 'Checks not met'),
      field('status', 'String', '符合情况', 'Status'),
    ],
    features,
  };
}

function sites(input: ReportInput, lang: ReportLang): ExportLayer {
  const t = catalogue(lang);
  const state = new Map<string, string>();
  const after = new Map((input.scenario?.facilities ?? input.facilities).map((f) => [f.id, f]));
  if (input.scenario !== undefined) {
    const diff = diffFacilities(input.facilities, input.scenario.facilities);
    for (const id of diff.added) state.set(id, 'new');
    for (const id of diff.moved) state.set(id, 'moved');
    for (const id of diff.changed) state.set(id, 'resized');
    for (const id of diff.removed) state.set(id, 'closed');
  }
  const all = [...input.facilities.map((f) => after.get(f.id) ?? f)];
  for (const f of input.scenario?.facilities ?? []) if (state.get(f.id) === 'new') all.push(f);
  return {
    name: 'sites',
    title: { zh: '养老服务设施', en: 'Facilities' },
    geometryType: 'Point',
    fields: [
      field('code', 'String', '设施编号', 'Site code'),
      field('name', 'String', '设施名称', 'Name'),
      field('type', 'String', '设施类型', 'Type'),
      field('area_m2', 'Real', '建筑面积（平方米）', 'Floor area (m²)'),
      field('beds', 'Integer', '床位', 'Beds'),
      field('state', 'String', '方案状态', 'Scenario state'),
    ],
    features: all.map((f) => ({
      type: 'Feature',
      properties: {
        code: f.id,
        name: f.name,
        type: t.facilityTypes[f.type] ?? f.type,
        area_m2: f.floorAreaM2,
        beds: f.beds,
        state: t.siteStates[state.get(f.id) ?? 'existing'],
      },
      geometry: { type: 'Point', coordinates: [r7(f.lon), r7(f.lat)] },
    })),
  };
}

function proposed(input: ReportInput, lang: ReportLang, minutes: number): ExportLayer {
  const t = catalogue(lang);
  const places = placeIndex(input.map ?? {}, input.units);
  const list = proposedSites(input, places, minutes, (x) => t.facilityTypes[x] ?? x, lang);
  return {
    name: 'proposed_sites',
    title: { zh: '规划方案站点', en: 'Proposed and changed sites' },
    geometryType: 'Point',
    fields: [
      field('code', 'String', '编号', 'Code'),
      field('name', 'String', '站点名称', 'Name'),
      field('state', 'String', '方案状态', 'State'),
      field('type', 'String', '设施类型', 'Type'),
      field('area_m2', 'Real', '建筑面积（平方米）', 'Floor area (m²)'),
      field('location', 'String', '位置', 'Location'),
      field(
        'new_elder',
        'Integer',
        `新增${minutes}分钟覆盖老年人`,
        `Elders newly within ${minutes} min`,
      ),
    ],
    features: list.map((s) => ({
      type: 'Feature',
      properties: {
        code: s.id,
        name: s.name,
        state: t.siteStates[s.state],
        type: s.type === null ? null : (t.facilityTypes[s.type] ?? s.type),
        area_m2: s.floorAreaM2,
        location: s.location.text,
        new_elder: s.newlyServedElders,
      },
      geometry: { type: 'Point', coordinates: [r7(s.lon), r7(s.lat)] },
    })),
  };
}

/** The scenario's added links and closed roads as lines, with length, place, cost and gain. */
function networkEdits(input: ReportInput, lang: ReportLang, minutes: number): ExportLayer {
  const t = catalogue(lang);
  const places = placeIndex(input.map ?? {}, input.units);
  const edits = input.scenario?.networkEdits ?? [];
  const sep = lang === 'zh' ? '、' : ', ';
  return {
    name: 'network_edits',
    title: { zh: '路网修改', en: 'Street network edits' },
    geometryType: 'LineString',
    fields: [
      field('code', 'String', '编号', 'Code'),
      field('kind', 'String', '路网修改', 'Network edit'),
      field('networks', 'String', '适用出行方式', 'Networks'),
      field('length_m', 'Real', '长度（米）', 'Length (m)'),
      field('location', 'String', '位置', 'Location'),
      field('cost_wan', 'Real', '造价（万元）', 'Cost (10,000 yuan)'),
      field(
        'new_elder',
        'Integer',
        `新增${minutes}分钟覆盖老年人`,
        `Elders newly within ${minutes} min`,
      ),
    ],
    features: edits.flatMap((e) => {
      const at = e.thresholds.indexOf(minutes);
      const properties = {
        code: e.id,
        kind: t.proposal.networkKinds[e.kind],
        networks: e.networks.map((n) => t.proposal.networkFor[n] ?? n).join(sep),
        length_m: Math.round(e.lengthM * 10) / 10,
        location: describeLocation(places, e.anchor[0], e.anchor[1], lang).text,
        cost_wan: e.costYuan === undefined ? null : e.costYuan / 10_000,
        new_elder: at < 0 ? null : Math.round(e.gains[at]),
      };
      return e.lines.map(
        (line): ExportFeature => ({
          type: 'Feature',
          properties,
          geometry: {
            type: 'LineString',
            coordinates: line.map(([lon, lat]) => [r7(lon), r7(lat)]),
          },
        }),
      );
    }),
  };
}

/** Every export layer of a report input; `minutes` is the threshold of "newly served". */
export function exportLayers(
  input: ReportInput,
  minutes: number,
  lang: ReportLang = input.lang,
): ExportLayer[] {
  const names = new Map(input.units.map((u) => [u.id, u.name]));
  const unitName = (id: string) => names.get(id) ?? id;
  const layers = [
    circles(input, lang),
    cells(input, unitName),
    units(input, lang, unitName),
    sites(input, lang),
  ];
  const p = proposed(input, lang, minutes);
  if (p.features.length > 0) layers.push(p);
  const n = networkEdits(input, lang, minutes);
  if (n.features.length > 0) layers.push(n);
  return layers;
}
