import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LonLat, pointInRing } from '../../../analysis/city/geometry.ts';
import type {
  CityManifest,
  FacilityProperties,
  UnitProperties,
} from '../../../analysis/city/types.ts';

const DEMO = join(import.meta.dirname, '../../../data/nanjing-xinjiekou');
const text = (file: string) => readFileSync(join(DEMO, file), 'utf8');

describe('the embedded demo city', () => {
  const manifest = JSON.parse(text('city.json')) as CityManifest;
  const units: { properties: UnitProperties; geometry: { coordinates: LonLat[][][] } }[] =
    JSON.parse(text('units.geojson')).features;
  const sites: { properties: FacilityProperties; geometry: { coordinates: LonLat } }[] = JSON.parse(
    text('facilities.geojson'),
  ).features;
  const [header, ...lines] = text('population.csv').trim().split('\n');
  const rows = lines.map((line) =>
    Object.fromEntries(line.split(',').map((v, i) => [header.split(',')[i], v])),
  );

  it('gives every populated cell a community and street unit of units.geojson', () => {
    const ids = new Map(units.map((u) => [u.properties.id, u.properties]));
    expect(rows.length).toBe(manifest.counts.populationCells);
    for (const row of rows) {
      expect(ids.get(row.unit_id)?.level).toBe('community');
      expect(ids.get(row.street_id)?.level).toBe('street');
      expect(ids.get(row.unit_id)?.parentId).toBe(row.street_id);
    }
  });

  it('adds cells up to the manifest totals', () => {
    const sum = (k: string) => rows.reduce((s, r) => s + Number(r[k]), 0);
    expect(sum('residents')).toBe(manifest.population?.totals.residents);
    expect(sum('elders60')).toBe(manifest.population?.totals.elders60);
    expect(sum('elders80')).toBe(manifest.population?.totals.elders80);
  });

  it('has populated communities both with and without a station', () => {
    const populated = new Set(rows.map((r) => r.unit_id));
    const stations = sites.filter(
      (s) => s.properties.type === 'community_station' || s.properties.type === 'day_care',
    );
    const hasStation = (u: (typeof units)[number]) =>
      stations.some((s) =>
        u.geometry.coordinates.some((poly) => pointInRing(s.geometry.coordinates, poly[0])),
      );
    const communities = units.filter(
      (u) => u.properties.level === 'community' && populated.has(u.properties.id),
    );
    expect(communities.some(hasStation)).toBe(true);
    expect(communities.some((u) => !hasStation(u))).toBe(true);
  });
});
