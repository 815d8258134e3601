import fc from 'fast-check';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { crsHints, fromWgs84, toWgs84 } from '../../../analysis/io/crs/convert.ts';
import { roadDistanceIndex } from '../../../analysis/io/crs/road-distance.ts';
import { suggestCrs } from '../../../analysis/io/crs/suggest-crs.ts';
import { metresBetween } from './helpers.ts';

// Published example pairs for (116.404, 39.915), from wandergis/coordtransform test/app.js —
// an independent implementation of the same GCJ-02/BD-09 formulas.
const PUBLISHED = {
  wgs84ToGcj02: [116.41024449916938, 39.91640428150164],
  bd09ToGcj02: [116.39762729119315, 39.90865673957631],
  gcj02ToBd09: [116.41036949371029, 39.92133699351021],
} as const;

describe('coordinate conversion', () => {
  it('matches the published forward pairs (gcoord against coordtransform)', () => {
    const gcj = fromWgs84(116.404, 39.915, 'gcj02');
    expect(gcj[0]).toBeCloseTo(PUBLISHED.wgs84ToGcj02[0], 9);
    expect(gcj[1]).toBeCloseTo(PUBLISHED.wgs84ToGcj02[1], 9);
    const bdToGcj = gcoord.transform([116.404, 39.915], gcoord.BD09, gcoord.GCJ02);
    expect(bdToGcj[0]).toBeCloseTo(PUBLISHED.bd09ToGcj02[0], 9);
    expect(bdToGcj[1]).toBeCloseTo(PUBLISHED.bd09ToGcj02[1], 9);
    const gcjToBd = gcoord.transform([116.404, 39.915], gcoord.GCJ02, gcoord.BD09);
    expect(gcjToBd[0]).toBeCloseTo(PUBLISHED.gcj02ToBd09[0], 9);
    expect(gcjToBd[1]).toBeCloseTo(PUBLISHED.gcj02ToBd09[1], 9);
  });

  it('inverts the published GCJ-02 point to within 1 m of its WGS-84 origin', () => {
    const back = toWgs84(PUBLISHED.wgs84ToGcj02[0], PUBLISHED.wgs84ToGcj02[1], 'gcj02');
    expect(metresBetween(back, [116.404, 39.915])).toBeLessThan(1);
    // and the shift itself is the few hundred metres that makes detection possible at all
    expect(metresBetween([...PUBLISHED.wgs84ToGcj02], [116.404, 39.915])).toBeGreaterThan(100);
  });

  it('round-trips WGS-84 → GCJ-02/BD-09 → WGS-84 within 1 m anywhere in China', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 73.7, max: 134.7, noNaN: true }),
        fc.double({ min: 18.2, max: 53.5, noNaN: true }),
        fc.constantFrom('gcj02' as const, 'bd09' as const),
        (lon, lat, crs) => {
          const shifted = fromWgs84(lon, lat, crs);
          return metresBetween(toWgs84(shifted[0], shifted[1], crs), [lon, lat]) < 1;
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves WGS-84 untouched and does not shift points outside China', () => {
    expect(toWgs84(118.123456789, 32.1, 'wgs84')).toEqual([118.123456789, 32.1]);
    expect(toWgs84(2.35, 48.85, 'gcj02')).toEqual([2.35, 48.85]);
  });
});

describe('crsHints', () => {
  it('reads CRS names from headers and file names', () => {
    expect(crsHints(['bd_lng', 'bd_lat']).map((h) => h.crs)).toEqual(['bd09', 'bd09']);
    expect(crsHints(['经度(高德)'])[0].crs).toBe('gcj02');
    expect(crsHints(['经度'], '设施_百度坐标.csv')).toEqual([
      { crs: 'bd09', source: 'file', text: '设施_百度坐标.csv' },
    ]);
    expect(crsHints(['lng_wgs84'])[0].crs).toBe('wgs84');
    expect(crsHints(['经度', '纬度'], 'list.csv')).toEqual([]);
  });
});

/** A synthetic irregular road network around Xinjiekou (WGS-84) and facilities on its roads. */
function syntheticCity(seed: number) {
  let s = seed;
  const random = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const lines: number[][][] = [];
  for (let i = 0; i < 40; i++) {
    const lon = 118.75 + random() * 0.06;
    const lat = 32.02 + random() * 0.05;
    const angle = random() * Math.PI;
    lines.push([
      [lon, lat],
      [lon + Math.cos(angle) * 0.01, lat + Math.sin(angle) * 0.01],
    ]);
  }
  const onRoads: [number, number][] = [];
  for (let i = 0; i < 60; i++) {
    const [a, b] = lines[i % lines.length];
    const t = random();
    onRoads.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
  }
  return { lines, onRoads };
}

describe('suggestCrs', () => {
  it('says WGS-84 when every point is outside China', () => {
    const s = suggestCrs([
      [2.35, 48.85],
      [-0.12, 51.5],
    ]);
    expect(s).toMatchObject({ crs: 'wgs84', basis: 'outside-china' });
  });

  it('follows a single hint and refuses to guess without evidence', () => {
    expect(
      suggestCrs([[118.78, 32.04]], { hints: [{ crs: 'bd09', source: 'column', text: 'bd_lng' }] })
        .crs,
    ).toBe('bd09');
    const none = suggestCrs([[118.78, 32.04]]);
    expect(none.crs).toBe('unknown');
    expect(none.scores.gcj02.medianRoadDistanceM).toBeNull();
  });

  it.each(['wgs84', 'gcj02', 'bd09'] as const)(
    'suggests %s from closeness to the roads, with scores, but does not decide on it',
    (crs) => {
      const city = syntheticCity(42);
      const distance = roadDistanceIndex(city.lines);
      expect(distance).toBeDefined();
      const points = city.onRoads.map(([lon, lat]) => fromWgs84(lon, lat, crs));
      const s = suggestCrs(points, { distanceToRoadsM: distance });
      expect(s.crs).toBe('unknown');
      expect(s.suggested).toBe(crs);
      expect(s.basis).toBe('roads');
      expect(s.en).toMatch(/median distance: wgs84 [\d.]+ m, gcj02 [\d.]+ m, bd09 [\d.]+ m/);
      expect(s.scores[crs].medianRoadDistanceM).toBeLessThan(1);
      for (const other of ['wgs84', 'gcj02', 'bd09'] as const) {
        if (other !== crs) expect(s.scores[other].medianRoadDistanceM).toBeGreaterThan(10);
      }
    },
  );

  it('does not decide from roads with fewer than 10 points', () => {
    const city = syntheticCity(42);
    const points = city.onRoads.slice(0, 9).map(([lon, lat]) => fromWgs84(lon, lat, 'bd09'));
    const s = suggestCrs(points, { distanceToRoadsM: roadDistanceIndex(city.lines) });
    expect(s.crs).toBe('unknown');
    expect(s.scores.bd09.medianRoadDistanceM).toBeLessThan(1);
  });

  it('says unknown when the points are not near roads in any CRS', () => {
    const city = syntheticCity(7);
    const far = Array.from({ length: 12 }, (_, i): [number, number] => [100 + i / 10, 30 + i / 10]);
    const s = suggestCrs(far, { distanceToRoadsM: roadDistanceIndex(city.lines) });
    expect(s.crs).toBe('unknown');
    expect(s.scores.wgs84.medianRoadDistanceM).toBe(2000);
  });

  it('reports a conflict when names and roads disagree', () => {
    const city = syntheticCity(3);
    const points = city.onRoads.map(([lon, lat]) => fromWgs84(lon, lat, 'gcj02'));
    const s = suggestCrs(points, {
      hints: [{ crs: 'bd09', source: 'column', text: 'bd_lng' }],
      distanceToRoadsM: roadDistanceIndex(city.lines),
    });
    expect(s).toMatchObject({ crs: 'unknown', basis: 'conflict' });
  });
});

describe('roadDistanceIndex', () => {
  it('agrees with a brute-force distance', () => {
    const city = syntheticCity(11);
    const distance = roadDistanceIndex(city.lines);
    if (distance === undefined) throw new Error('no index');
    const brute = (lon: number, lat: number) => {
      const kx = 111_320 * Math.cos((32.045 * Math.PI) / 180);
      let best = Infinity;
      for (const [a, b] of city.lines) {
        const steps = 2000;
        for (let i = 0; i <= steps; i++) {
          const x = a[0] + ((b[0] - a[0]) * i) / steps;
          const y = a[1] + ((b[1] - a[1]) * i) / steps;
          best = Math.min(best, Math.hypot((x - lon) * kx, (y - lat) * 110_574));
        }
      }
      return Math.min(best, 2000);
    };
    for (const [lon, lat] of [
      [118.77, 32.04],
      [118.8, 32.06],
      [118.755, 32.025],
    ]) {
      expect(Math.abs(distance(lon, lat) - brute(lon, lat))).toBeLessThan(2);
    }
  });

  it('returns undefined without segments', () => {
    expect(roadDistanceIndex([])).toBeUndefined();
  });
});
