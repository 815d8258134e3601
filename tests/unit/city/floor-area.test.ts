import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESIDENTIAL_LEVELS,
  estimateLevels,
  parseLevels,
} from '../../../analysis/city/estimate-floor-area.ts';
import { ringAreaM2 } from '../../../analysis/city/geometry.ts';
import type { BuildingProperties } from '../../../analysis/city/types.ts';
import { fixtureCity, geojson } from './helpers.ts';

describe('parseLevels', () => {
  it('reads plain, decimal, list and range values', () => {
    expect(parseLevels('6')).toBe(6);
    expect(parseLevels('6.5')).toBe(7);
    expect(parseLevels('6;7')).toBe(6);
    expect(parseLevels('12-14')).toBe(12);
  });
  it('rejects missing, zero and nonsense values', () => {
    expect(parseLevels(undefined)).toBeNull();
    expect(parseLevels('0')).toBeNull();
    expect(parseLevels('many')).toBeNull();
    expect(parseLevels('500')).toBeNull();
  });
});

describe('estimateLevels', () => {
  it('uses the tag when present', () => {
    expect(estimateLevels({ building: 'yes', 'building:levels': '9' }, true)).toEqual({
      levels: 9,
      estimated: false,
    });
  });
  it('defaults homes to 6 storeys and flags the estimate', () => {
    expect(estimateLevels({ building: 'yes' }, true)).toEqual({
      levels: DEFAULT_RESIDENTIAL_LEVELS,
      estimated: true,
    });
    expect(estimateLevels({ building: 'yes' }, true, { defaultResidentialLevels: 4 }).levels).toBe(
      4,
    );
    expect(estimateLevels({ building: 'house' }, true).levels).toBe(2);
  });
});

describe('floor area on the small-town fixture', () => {
  const buildings = new Map(
    geojson<BuildingProperties>(fixtureCity('small-town.osm'), 'buildings.geojson').map((f) => [
      f.properties.id,
      f.properties,
    ]),
  );

  it('is footprint × tagged storeys (20 m × 20 m × 10)', () => {
    const b = buildings.get(1) as BuildingProperties;
    expect(b.footprintM2).toBeCloseTo(400, -1);
    expect(b.levels).toBe(10);
    expect(b.levelsEstimated).toBe(false);
    expect(b.floorAreaM2).toBeCloseTo(4000, -1);
  });

  it('is footprint × 6 when building:levels is missing (30 m × 20 m)', () => {
    const b = buildings.get(2) as BuildingProperties;
    expect(b.levelsEstimated).toBe(true);
    expect(b.floorAreaM2).toBeCloseTo(600 * DEFAULT_RESIDENTIAL_LEVELS, -1);
  });
});

describe('ringAreaM2', () => {
  it('gives ≈ 1 ha for a 100 m square near Nanjing', () => {
    const dLat = 100 / 111_195;
    const dLon = 100 / (111_195 * Math.cos((32 * Math.PI) / 180));
    const ring: [number, number][] = [
      [118, 32],
      [118 + dLon, 32],
      [118 + dLon, 32 + dLat],
      [118, 32 + dLat],
      [118, 32],
    ];
    expect(ringAreaM2(ring)).toBeGreaterThan(9_950);
    expect(ringAreaM2(ring)).toBeLessThan(10_050);
  });
});
