import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from '../../../analysis/city/largest-remainder.ts';
import { DEFAULT_ASSUMPTIONS } from '../../../analysis/city/model-population.ts';
import type { BuildingProperties, CityManifest } from '../../../analysis/city/types.ts';
import { fileText, fixtureCity, geojson, populationRows } from './helpers.ts';

describe('largestRemainder', () => {
  it('splits 10 over 1:1:1 as 4,3,3 (ties to the lower index)', () => {
    expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
  });
  it('adds up exactly and never exceeds ceil(quota)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 5000 }),
        (weights, total) => {
          const parts = largestRemainder(weights, total);
          const sum = weights.reduce((s, w) => s + w, 0);
          if (sum === 0) return parts.every((p) => p === 0);
          const quota = (i: number) => (total * weights[i]) / sum;
          return (
            parts.reduce((s, p) => s + p, 0) === total &&
            parts.every(
              (p, i) =>
                p >= 0 && p <= Math.ceil(quota(i) - 1e-9) && p >= Math.floor(quota(i) + 1e-9),
            )
          );
        },
      ),
    );
  });
});

describe('population model on the small-town fixture', () => {
  const city = fixtureCity('small-town.osm');
  const buildings = geojson<BuildingProperties>(city, 'buildings.geojson').map((f) => f.properties);
  const rows = populationRows(city);
  const manifest = JSON.parse(fileText(city, 'city.json')) as CityManifest;
  const totals = manifest.population?.totals;
  const floorArea = buildings.filter((b) => b.residential).reduce((s, b) => s + b.floorAreaM2, 0);
  const sum = (key: 'residents' | 'elders60' | 'elders65' | 'elders80' | 'households') =>
    rows.reduce((s, r) => s + r[key], 0);

  it('has residents = round(residential floor area / 36.52 m²)', () => {
    // 4000 + 3600 + 4500 + 3600 m² of homes.
    expect(floorArea).toBeCloseTo(15_700, -2);
    expect(totals?.residents).toBe(Math.round(floorArea / 36.52));
  });

  it('adds buildings and cells up to the same totals', () => {
    expect(buildings.reduce((s, b) => s + b.residents, 0)).toBe(totals?.residents);
    expect(buildings.filter((b) => !b.residential).every((b) => b.residents === 0)).toBe(true);
    expect(sum('residents')).toBe(totals?.residents);
    expect(sum('elders60')).toBe(totals?.elders60);
    expect(sum('households')).toBe(totals?.households);
  });

  it('gives age groups and households = round(residents × census share)', () => {
    const r = totals?.residents ?? 0;
    expect(sum('elders60')).toBe(Math.round(r * DEFAULT_ASSUMPTIONS.share60));
    expect(sum('elders65')).toBe(Math.round(r * DEFAULT_ASSUMPTIONS.share65));
    expect(sum('elders80')).toBe(Math.round(r * 0.0254));
    expect(sum('households')).toBe(Math.round(r / 2.62));
  });

  it('keeps 80+ ≤ 65+ ≤ 60+ ≤ residents in every cell, cells sorted and unique', () => {
    for (const row of rows) {
      expect(row.elders80).toBeLessThanOrEqual(row.elders65);
      expect(row.elders65).toBeLessThanOrEqual(row.elders60);
      expect(row.elders60).toBeLessThanOrEqual(row.residents);
    }
    expect(rows.map((r) => r.h3)).toEqual([...new Set(rows.map((r) => r.h3))].sort());
  });

  it('uses the census shares of the chosen row', () => {
    const other = fixtureCity('small-town.osm', {
      census: { area: 't', adcode: '1', share60: 0.5, share65: 0.25, share80: 0.1, file: 'c.csv' },
    });
    const t = (JSON.parse(fileText(other, 'city.json')) as CityManifest).population?.totals;
    expect(t?.elders60).toBe(Math.round((t?.residents ?? 0) * 0.5));
    expect(t?.elders80).toBe(Math.round((t?.residents ?? 0) * 0.1));
  });
});

describe('roads without buildings', () => {
  const city = fixtureCity('roads-only.osm');
  const manifest = JSON.parse(fileText(city, 'city.json')) as CityManifest;

  it('still builds the three road networks', () => {
    expect(manifest.networks.walk.nodes).toBeGreaterThan(0);
    expect(manifest.networks.drive.edges).toBeGreaterThan(0);
    expect(city.files.map((f) => f.path)).toContain('graph-ebike.bin');
  });

  it('says that population must be supplied', () => {
    expect(manifest.population).toBeNull();
    expect(manifest.warnings.join('\n')).toMatch(
      /population must be supplied \(--population FILE\)/,
    );
    expect(fileText(city, 'population.csv').trim()).toBe(
      'h3,residents,elders60,elders65,elders80,households,unit_id,street_id',
    );
  });

  it('accepts user-supplied population and spreads the age groups', () => {
    const population = {
      file: 'pop.csv',
      text: 'lon,lat,residents\n118.778,32.042,1000\n118.782,32.038,500\n118.7781,32.0421,10\n',
    };
    const withPop = fixtureCity('roads-only.osm', { population });
    const m = JSON.parse(fileText(withPop, 'city.json')) as CityManifest;
    expect(m.population?.method).toBe('user-supplied');
    expect(m.population?.totals.residents).toBe(1510);
    expect(m.population?.totals.elders60).toBe(Math.round(1510 * DEFAULT_ASSUMPTIONS.share60));
    expect(populationRows(withPop).every((r) => r.unit_id !== '' && r.street_id !== '')).toBe(true);
  });

  it('rejects a population file with a bad row, naming row and column', () => {
    const population = { file: 'pop.csv', text: 'lon,lat,residents\n118.778,32.042,many\n' };
    expect(() => fixtureCity('roads-only.osm', { population })).toThrow(
      /pop\.csv, row 2, column residents/,
    );
  });
});
