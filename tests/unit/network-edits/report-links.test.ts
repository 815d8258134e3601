import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLayers } from '../../../analysis/export/layers.ts';
import { buildReportModel } from '../../../analysis/report/build-model.ts';
import { sitesGeoJson } from '../../../analysis/report/geojson.ts';
import { mergeLines } from '../../../analysis/report/network-edits.ts';
import type { Block, ReportInput } from '../../../analysis/report/types.ts';

type TableBlock = Extract<Block, { kind: 'table' }>;

import { edgeTopology } from '../../../analysis/routing/topology.ts';
import { gatherReportInput } from '../../../scripts/report/inputs.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';
import { verb } from '../../../scripts/verbs/suggest-links.ts';

/**
 * The report and exports of a scenario with street-network edits, on the demo: the suggested
 * link (with a cost) and a road closed for driving only (so the walking gain of the link is the
 * suggest-links gain, untouched by the closure).
 */
const CITY = 'data/nanjing-xinjiekou';
let input: ReportInput;
let gain: number;
let lengthM: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-links-'));
  const out = join(dir, 'links.json');
  await verb.run(['--city', CITY, '--count', '1', '--out', out]);
  const cli = JSON.parse(readFileSync(out, 'utf8'));
  gain = cli.links[0].gainElders;
  lengthM = cli.links[0].lengthM;
  const drive = loadCityGraph(CITY, 'drive');
  const e = Math.floor(drive.edgeCount / 2);
  const u = edgeTopology(drive).source[e];
  const v = drive.targets[e];
  const at = [(drive.nodeLon[u] + drive.nodeLon[v]) / 2, (drive.nodeLat[u] + drive.nodeLat[v]) / 2];
  const scenario = {
    ...cli.scenario,
    name: '连通方案',
    modifications: [
      { ...cli.scenario.modifications[0], costYuan: 50_000 },
      { kind: 'close-link', id: 'close-1', networks: ['drive'], at },
    ],
  };
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  input = await gatherReportInput({
    cityDir: CITY,
    profile: 'huaihua-2020',
    scenarioFile: file,
    lang: 'zh',
    generatedOn: '2026-12-03',
  });
}, 180_000);

describe('network edits in the report and the exports', () => {
  it('carries shapes, lengths and leave-one-out gains', () => {
    const edits = input.scenario?.networkEdits ?? [];
    expect(edits.map((e) => e.kind)).toEqual(['add-link', 'close-link']);
    const [link, closed] = edits;
    expect(link.lengthM).toBeCloseTo(lengthM, 6);
    expect(link.gains[link.thresholds.indexOf(5)]).toBe(gain);
    expect(link.costYuan).toBe(50_000);
    expect(closed.lengthM).toBeGreaterThan(0);
    expect(closed.lines.length).toBeGreaterThan(0);
    // Closing a driving road does not change walking coverage.
    expect(closed.gains.every((g) => g === 0)).toBe(true);
  });

  it('tables them in 规划方案 with kind, length, place, cost and gain', () => {
    const model = buildReportModel(input);
    const section = model.sections.find((s) => s.id === 'proposal');
    const tables = (section?.blocks ?? []).filter((b): b is TableBlock => b.kind === 'table');
    const table = tables.find((b) => b.table.header[1] === '路网修改');
    expect(table).toBeDefined();
    const rows = table?.table.rows ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0][1]).toBe('新增连通道路（步行）');
    expect(rows[0][2]).toBe(String(Math.round(lengthM)));
    expect(String(rows[0][3])).toMatch(/[路街巷]/);
    expect(rows[0][4]).toBe('5.00');
    expect(rows[0][5]).toBe(String(gain));
    expect(rows[1][1]).toBe('封闭路段（驾车）');
    expect(rows[1][4]).toBe('—');
  });

  it('exports them as LineStrings (GeoJSON and GIS layers)', () => {
    const lines = sitesGeoJson(input).features.filter((f) => f.geometry.type === 'LineString');
    expect(lines.map((f) => f.properties.status)).toContain('link-added');
    expect(lines.map((f) => f.properties.status)).toContain('road-closed');
    const layer = exportLayers(input, 5).find((l) => l.name === 'network_edits');
    expect(layer?.geometryType).toBe('LineString');
    const first = layer?.features[0];
    expect(first?.geometry.type).toBe('LineString');
    expect(first?.properties.new_elder).toBe(gain);
    expect(first?.properties.cost_wan).toBe(5);
  });

  it('joins a stretch into one line in road order', () => {
    expect(
      mergeLines([
        [2, 3],
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([[1, 2, 3, 4]]);
    expect(
      mergeLines([
        [1, 2],
        [3, 4],
      ]),
    ).toHaveLength(2);
  });
});
