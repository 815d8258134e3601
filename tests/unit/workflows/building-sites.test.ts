import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interiorPoint, pointInRing, type Ring } from '../../../analysis/city/geometry.ts';
import { buildingSites } from '../../../analysis/workflows/optimise-city.ts';

const insidePolygon = (point: [number, number], polygon: Ring[]) =>
  polygon.filter((ring) => pointInRing(point, ring)).length % 2 === 1;

const feature = (id: number, type: string, coordinates: unknown) => ({
  type: 'Feature',
  properties: {
    id,
    building: 'yes',
    levels: 1,
    footprintM2: 1,
    floorAreaM2: 1,
    residential: false,
  },
  geometry: { type, coordinates },
});

describe('building sites for the optimiser', () => {
  it('places a courtyard building on its built part, not in the courtyard', () => {
    // A 40 × 40 m square around a 20 × 20 m courtyard: the area centroid is in the courtyard.
    const d = 0.0002;
    const outer: Ring = [
      [118.78, 32.04],
      [118.78 + 2 * d, 32.04],
      [118.78 + 2 * d, 32.04 + 2 * d],
      [118.78, 32.04 + 2 * d],
      [118.78, 32.04],
    ];
    const hole: Ring = [
      [118.78 + d / 2, 32.04 + d / 2],
      [118.78 + 1.5 * d, 32.04 + d / 2],
      [118.78 + 1.5 * d, 32.04 + 1.5 * d],
      [118.78 + d / 2, 32.04 + 1.5 * d],
      [118.78 + d / 2, 32.04 + d / 2],
    ];
    const text = JSON.stringify({ features: [feature(1, 'Polygon', [outer, hole])] });
    const [site] = buildingSites(text);
    expect(insidePolygon([site.lon, site.lat], [outer, hole])).toBe(true);
    expect(insidePolygon(interiorPoint(outer), [outer, hole])).toBe(false);
  });

  it('uses the largest part of a multipolygon', () => {
    const square = (x: number, size: number): Ring => [
      [x, 32],
      [x + size, 32],
      [x + size, 32 + size],
      [x, 32 + size],
      [x, 32],
    ];
    const text = JSON.stringify({
      features: [feature(2, 'MultiPolygon', [[square(118, 0.0001)], [square(118.01, 0.0005)]])],
    });
    const [site] = buildingSites(text);
    expect(site.lon).toBeGreaterThan(118.01);
  });

  it('puts every building site of the demo inside its own building', () => {
    const text = readFileSync('data/nanjing-xinjiekou/buildings.geojson', 'utf8');
    const data = JSON.parse(text) as {
      features: {
        properties: { id: number };
        geometry: { type: string; coordinates: Ring[] | Ring[][] };
      }[];
    };
    const polygons = new Map<number, Ring[][]>();
    for (const f of data.features) {
      polygons.set(
        f.properties.id,
        f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates as Ring[]]
          : (f.geometry.coordinates as Ring[][]),
      );
    }
    const sites = buildingSites(text);
    expect(sites.length).toBeGreaterThan(500);
    const outside = sites.filter((site) => {
      const parts = polygons.get(site.properties.id) ?? [];
      return !parts.some((polygon) => insidePolygon([site.lon, site.lat], polygon));
    });
    expect(outside.map((site) => site.properties.id)).toEqual([]);
  });
});
