import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../analysis/io/crs/convert.ts';
import { loadCityFromFiles } from '../../../web/src/data/load-city.ts';
import { cityWarningKey } from '../../../web/src/import/city-warnings.ts';
import { importApi } from '../../../web/src/worker/import-api.ts';

const read = (path: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(path, import.meta.url))));
const CSV = read('../../fixtures/e2e/register-xinjiekou-gbk.csv');
const ROADS = JSON.parse(
  new TextDecoder().decode(read('../../../data/nanjing-xinjiekou/roads.geojson')),
) as unknown;
const EXPECTED = JSON.parse(
  new TextDecoder().decode(read('../../fixtures/e2e/register-xinjiekou-expected.json')),
) as { badRow: number; accepted: { id: string; lon: number; lat: number }[] };

describe('worker import API (run in Node: it is plain functions)', () => {
  it('reads, guesses, suggests and validates the e2e fixture', async () => {
    expect(importApi.setImportRoads(ROADS)).toBeGreaterThan(100);
    const answer = await importApi.readImportFile(CSV, { fileName: 'register.csv' });
    if (!answer.ok) throw new Error(answer.error.message);
    const { table, facilities } = answer.value;
    expect(table.encoding).toBe('gb18030');
    expect(facilities.mapping).toMatchObject({ name: '名称', lon: '经度', lat: '纬度' });
    const suggestion = importApi.suggestImportCrs(table, facilities.mapping, 'register.csv');
    if (!suggestion.ok) throw new Error(suggestion.error.message);
    // Five points and no names: the honest answer is "ask", with road scores to show.
    expect(suggestion.value.crs).toBe('unknown');
    expect(suggestion.value.scores.gcj02.medianRoadDistanceM).not.toBeNull();
    const result = importApi.validateFacilityImport(table, facilities.mapping, { crs: 'gcj02' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rejectedRows).toEqual([EXPECTED.badRow]);
    for (const f of result.value.collection.features) {
      const want = EXPECTED.accepted.find((e) => e.id === f.properties.id);
      expect(want).toBeDefined();
      expect(f.geometry.coordinates).toEqual(
        toWgs84(f.properties.source_lon, f.properties.source_lat, 'gcj02'),
      );
      expect(Math.abs(f.geometry.coordinates[0] - (want?.lon ?? 0))).toBeLessThan(2e-5);
      expect(Math.abs(f.geometry.coordinates[1] - (want?.lat ?? 0))).toBeLessThan(2e-5);
    }
    const csv = importApi.rejectedRowsCsv(table, result.value.rejections);
    expect(csv.split('\r\n')[1]).toContain('32.03888 41');
  });

  it('answers user errors with their code instead of throwing', async () => {
    const empty = await importApi.readImportFile(new Uint8Array(), { fileName: 'empty.csv' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'E_EMPTY_FILE', userError: true } });
    const notOsm = importApi.buildCityFromOsm(CSV, 'register.csv', 'x');
    expect(notOsm).toMatchObject({ ok: false, error: { code: 'E_NOT_OSM', userError: true } });
  });

  it('builds a city from an OSM extract and opens it from memory', () => {
    const osm = read('../../fixtures/osm/access-rules.osm');
    const built = importApi.buildCityFromOsm(osm, 'access-rules.osm', '测试城');
    if (!built.ok) throw new Error(built.error.message);
    const paths = built.value.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['city.json', 'graph-walk.bin', 'roads.geojson']));
    // No buildings in this extract: the warning that population must be imported is there.
    expect(built.value.warnings.map(cityWarningKey)).toContain('osmCity.warn.noBuildings');
    const city = loadCityFromFiles(built.value.files);
    expect(city.manifest.name).toBe('测试城');
    expect(city.baseUrl).toBe('');
    expect(city.manifest.networks.walk.file).toMatch(/^blob:/);
    expect(city.roads.features.length).toBe(city.manifest.counts.roads);
    expect(city.population).toEqual([]);
    expect(city.facilities.features).toEqual([]);
  });
});
