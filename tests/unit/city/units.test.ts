import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { BuildingProperties, UnitProperties } from '../../../analysis/city/types.ts';
import { fixtureCity, geojson, populationRows } from './helpers.ts';

function unitsOf(name: string, units = {}) {
  const city = fixtureCity(name, {}, { units });
  return {
    units: geojson<UnitProperties>(city, 'units.geojson'),
    rows: populationRows(city),
    city,
  };
}

describe('derived units', () => {
  // Fixture: a primary cross and a tertiary ring make four 400 m × 400 m quadrants.
  const { units, rows, city } = unitsOf('small-town.osm', { minStreetM2: 50_000 });
  const ids = new Set(units.map((u) => u.properties.id));
  const communities = units.filter((u) => u.properties.level === 'community');
  const streets = units.filter((u) => u.properties.level === 'street');

  it('cuts blocks along the main roads and flags them as derived', () => {
    expect(communities.length).toBeGreaterThanOrEqual(4);
    expect(streets.length).toBeGreaterThanOrEqual(4);
    expect(units.every((u) => u.properties.derived && u.geometry.type === 'MultiPolygon')).toBe(
      true,
    );
    expect(communities[0].properties.name).toMatch(/^派生社区单元 C01/);
  });

  it('gives every populated cell a community and a street that exist', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(ids.has(row.unit_id)).toBe(true);
      expect(ids.has(row.street_id)).toBe(true);
    }
  });

  it('nests communities in streets', () => {
    const streetIds = new Set(streets.map((s) => s.properties.id));
    for (const c of communities) expect(streetIds.has(c.properties.parentId ?? '')).toBe(true);
    for (const row of rows) {
      expect(communities.find((c) => c.properties.id === row.unit_id)?.properties.parentId).toBe(
        row.street_id,
      );
    }
  });

  it('puts homes on opposite sides of the primary roads in different units', () => {
    // Building 1 is in the north-west quadrant, building 7 in the south-east one.
    const cellOf = (id: number) => {
      const ring = geojson<BuildingProperties>(city, 'buildings.geojson').find(
        (f) => f.properties.id === id,
      )?.geometry.coordinates as number[][][];
      const [lon, lat] = [0, 1].map(
        (k) => ring[0].slice(1).reduce((s, p) => s + p[k], 0) / (ring[0].length - 1),
      );
      return rows.find((r) => r.h3 === latLngToCell(lat, lon, 10));
    };
    const [nw, se] = [cellOf(1), cellOf(7)];
    expect(nw?.residents).toBeGreaterThan(0);
    expect(se?.residents).toBeGreaterThan(0);
    expect(nw?.unit_id).not.toBe(se?.unit_id);
    expect(nw?.street_id).not.toBe(se?.street_id);
  });

  it('has stable ids: the same input gives the same units', () => {
    const again = unitsOf('small-town.osm', { minStreetM2: 50_000 }).units.map(
      (u) => u.properties.id,
    );
    expect(again).toEqual(units.map((u) => u.properties.id));
  });
});

describe('fallback to H3 cells', () => {
  it('uses res-8 cells when main roads give fewer than 2 blocks', () => {
    const { units, rows, city } = unitsOf('lanes-only.osm');
    const manifest = JSON.parse(city.files.find((f) => f.path === 'city.json')?.bytes as string);
    expect(manifest.warnings.join()).toMatch(/H3 res-8/);
    const ids = new Set(units.map((u) => u.properties.id));
    expect(units.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(ids.has(row.unit_id) && ids.has(row.street_id)).toBe(true);
  });
});

describe('user-supplied units', () => {
  const square = (x0: number, y0: number, x1: number, y1: number) => [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ];
  const file = {
    file: 'units.geojson',
    text: JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'S1', name: '某街道', level: '街道' },
          geometry: { type: 'Polygon', coordinates: square(118.7, 31.9, 118.9, 32.1) },
        },
        {
          type: 'Feature',
          properties: { id: 'W', name: '西社区', level: 'community' },
          geometry: { type: 'Polygon', coordinates: square(118.7, 31.9, 118.78, 32.1) },
        },
        {
          type: 'Feature',
          properties: { id: 'E', name: '东社区', level: 'community' },
          geometry: { type: 'Polygon', coordinates: square(118.78, 31.9, 118.9, 32.1) },
        },
      ],
    }),
  };

  it('replaces the derived units and assigns cells by their centre', () => {
    const city = fixtureCity('small-town.osm', { units: file });
    const units = geojson<UnitProperties>(city, 'units.geojson');
    expect(units.map((u) => [u.properties.id, u.properties.derived])).toEqual([
      ['S1', false],
      ['W', false],
      ['E', false],
    ]);
    const rows = populationRows(city);
    expect(new Set(rows.map((r) => r.unit_id))).toEqual(new Set(['W', 'E']));
    expect(rows.every((r) => r.street_id === 'S1')).toBe(true);
  });

  it('rejects a unit without a valid level, naming the feature', () => {
    const bad = {
      file: 'u.geojson',
      text: JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'x', level: 'district' },
            geometry: { type: 'Polygon', coordinates: square(0, 0, 1, 1) },
          },
        ],
      }),
    };
    expect(() => fixtureCity('small-town.osm', { units: bad })).toThrow(
      /u\.geojson, row 1, column level/,
    );
  });
});
