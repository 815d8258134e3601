import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crsChoice, gaussKrugerZone } from '../../../analysis/export/crs.ts';
import { exportLayers } from '../../../analysis/export/layers.ts';
import type { ExportLayer } from '../../../analysis/export/types.ts';
import type { ReportInput } from '../../../analysis/report/types.ts';
import { gdalNodeWriter } from '../../../scripts/export/gdal-node.ts';
import { gatherReportInput } from '../../../scripts/report/inputs.ts';

/** Every export is read back with the system's GDAL (ogrinfo), not with the writer's own copy. */
let dir: string;
let input: ReportInput;
let layers: ExportLayer[];

const ogrinfo = (...args: string[]) =>
  execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

function summary(source: string, layer: string) {
  const text = ogrinfo('-so', source, layer);
  return {
    count: Number(/Feature Count: (\d+)/.exec(text)?.[1] ?? -1),
    epsg: [...text.matchAll(/ID\["EPSG",(\d+)\]\]\s*$/gm)].map((m) => Number(m[1])).pop() ?? null,
    fields: [...text.matchAll(/^(\w+): (String|Integer|Integer64|Real)/gm)].map((m) => m[1]),
    text,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carecircle-export-test-'));
  input = await gatherReportInput({
    cityDir: 'data/nanjing-xinjiekou',
    profile: 'huaihua-2020',
    scenarioFile: 'tests/fixtures/report/demo-scenario.json',
    sitesFile: 'tests/fixtures/report/demo-sites.json',
    lang: 'zh',
    generatedOn: '2026-12-03',
  });
  layers = exportLayers(input, 5);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CGCS2000 Gauss–Krüger zone', () => {
  it('picks the zone whose central meridian is nearest (Nanjing 118.8°E → CM 120°E, EPSG:4549)', () => {
    expect(gaussKrugerZone(118.78)).toEqual({ centralMeridian: 120, epsg: 4549 });
    expect(gaussKrugerZone(116.4)).toEqual({ centralMeridian: 117, epsg: 4548 });
    expect(gaussKrugerZone(75.2).epsg).toBe(4534);
    expect(gaussKrugerZone(134.9).epsg).toBe(4554);
    expect(() => gaussKrugerZone(10)).toThrow(/Gauss/);
  });
});

describe('export layers', () => {
  it('has one feature per cell, unit and site, circles per threshold and scenario', () => {
    const byName = new Map(layers.map((l) => [l.name, l]));
    expect(byName.get('cells')?.features.length).toBe(input.baseline.cells.length);
    expect(byName.get('units')?.features.length).toBe(input.units.length);
    // 34 register sites + 2 added by the scenario (one closed stays, marked closed).
    expect(byName.get('sites')?.features.length).toBe(input.facilities.length + 2);
    expect(byName.get('service_circles')?.features.length).toBe(
      2 * input.baseline.summary.thresholds.length,
    );
    const proposed = byName.get('proposed_sites');
    expect(proposed?.features.map((f) => f.properties.state)).toContain('新增');
    for (const f of proposed?.features ?? []) {
      expect(String(f.properties.location)).toMatch(/路|街|巷|单元/);
      expect(String(f.properties.name)).not.toMatch(/[0-9a-f]{15}/);
    }
    for (const layer of layers)
      for (const f of layer.fields) expect(f.name).toMatch(/^[a-z0-9_]{1,10}$/);
  });
});

describe('GDAL round trip (ogrinfo)', () => {
  it('GeoPackage in WGS-84: every layer, its count, fields and CRS', async () => {
    const [file] = await gdalNodeWriter.write(layers, {
      format: 'gpkg',
      encoding: 'utf8',
      crs: crsChoice('wgs84', 118.78),
      baseName: 'cc',
    });
    const path = join(dir, file.name);
    writeFileSync(path, file.bytes);
    for (const layer of layers) {
      const s = summary(path, layer.name);
      expect(s.count, layer.name).toBe(layer.features.length);
      expect(s.epsg, layer.name).toBe(4326);
      for (const f of layer.fields) expect(s.fields, `${layer.name}.${f.name}`).toContain(f.name);
    }
    expect(ogrinfo('-q', path, 'units')).toContain(input.units[0].name);
  });

  it('zipped Shapefile in GBK and CGCS2000 GK: .cpg says CP936, names read back as Chinese', async () => {
    const [file] = await gdalNodeWriter.write(layers, {
      format: 'shp',
      encoding: 'gbk',
      crs: crsChoice('cgcs2000-gk', 118.78),
      baseName: 'cc',
    });
    const zip = join(dir, file.name);
    writeFileSync(zip, file.bytes);
    const entries = unzipSync(file.bytes);
    expect(new TextDecoder().decode(entries['units.cpg'])).toMatch(/936/);
    const name = input.units[0].name;
    const dbf = entries['units.dbf'];
    expect(new TextDecoder('gbk').decode(dbf)).toContain(name);
    expect(Buffer.from(dbf).includes(Buffer.from(name, 'utf8'))).toBe(false);
    for (const layer of layers) {
      const s = summary(`/vsizip/${zip}/${layer.name}.shp`, layer.name);
      expect(s.count, layer.name).toBe(layer.features.length);
      expect(s.epsg, layer.name).toBe(4549);
    }
    const units = ogrinfo('-q', `/vsizip/${zip}/units.shp`, 'units');
    expect(units).toContain(name);
    // Gauss–Krüger CM 120°E: Nanjing lies ~115 km west of the meridian, ~3,550 km north.
    const [x, y] = (
      /POINT \(([\d.]+) ([\d.]+)\)/.exec(ogrinfo('-q', `/vsizip/${zip}/sites.shp`, 'sites')) ?? []
    )
      .slice(1)
      .map(Number);
    expect(x).toBeGreaterThan(370_000);
    expect(x).toBeLessThan(400_000);
    expect(y).toBeGreaterThan(3_540_000);
    expect(y).toBeLessThan(3_560_000);
  });

  it('DXF: one CAD layer per export layer, every entity kept', async () => {
    const [file] = await gdalNodeWriter.write(layers, {
      format: 'dxf',
      encoding: 'utf8',
      crs: crsChoice('cgcs2000-gk', 118.78),
      baseName: 'cc',
    });
    const path = join(dir, file.name);
    writeFileSync(path, file.bytes);
    const s = summary(path, 'entities');
    // A multipolygon becomes one CAD entity per part.
    const parts = (l: ExportLayer) =>
      l.features.reduce(
        (n, f) => n + (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.length : 1),
        0,
      );
    expect(s.count).toBe(layers.reduce((n, l) => n + parts(l), 0));
    const text = ogrinfo('-q', path, 'entities');
    for (const layer of layers)
      expect(text).toContain(`Layer (String) = ${layer.name.toUpperCase()}`);
  });
});
