import { booleanPointInPolygon } from '@turf/turf';
import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../analysis/geo.ts';
import { cellLinks } from '../../../analysis/routing/cell-links.ts';
import {
  cellIsochrones,
  networkBufferIsochrone,
  reachedEdgeLines,
} from '../../../analysis/routing/isochrone-geometry.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { nodeMinutes } from '../../../analysis/routing/reach.ts';
import { fixtureGraph, readFixture, toLonLat } from './fixture-graph.ts';

describe('cell isochrones', () => {
  it('keeps holes: a ring of cells gives a polygon with an inner loop', () => {
    const centre = latLngToCell(32.04, 118.78, 10);
    const ring = gridDisk(centre, 2).filter((cell) => cell !== centre);
    const rows = ring.map((h3) => ({ h3, minutes: 3 }));
    const fc = cellIsochrones(rows, [5, 2], { profile: 'walk', facilityId: 'F1' });
    // Nothing within 2 minutes: that threshold has no (empty) feature.
    expect(fc.features.map((f) => f.properties.minutes)).toEqual([5]);
    expect(fc.features[0].properties).toMatchObject({
      facilityId: 'F1',
      profile: 'walk',
      cells: 18,
    });
    expect(fc.features[0].geometry.coordinates).toHaveLength(1);
    expect(fc.features[0].geometry.coordinates[0]).toHaveLength(2); // outer ring + hole
  });
});

describe('network buffer', () => {
  const fixture = readFixture('line-walk');
  const graph = fixtureGraph(fixture);
  const profile = travelProfile('walk-elderly');
  const [lon, lat] = toLonLat(fixture, [0, 0]);
  const links = cellLinks(graph, { resolution: 11 });
  const { minutes } = nodeMinutes(graph, links, [{ id: 'A', lon, lat }], {
    profile,
    maxMinutes: 10,
  });

  it('cuts the edge where the budget runs out', () => {
    // 2.5 minutes at 1 m/s = 150 m: all of 0–1 and half of 1–2.
    const lines = reachedEdgeLines(graph, minutes, 2.5, profile);
    const total = lines.reduce((sum, [[x1, y1], [x2, y2]]) => sum + haversineM(x1, y1, x2, y2), 0);
    expect(lines).toHaveLength(2);
    expect(total).toBeCloseTo(150, 0);
  });

  it('buffers the reached network (H3 outline by default, turf on request)', () => {
    const feature = networkBufferIsochrone(graph, minutes, 2.5, {
      profile,
      facilityId: 'A',
      radiusM: 30,
    });
    expect(feature?.properties).toEqual({
      facilityId: 'A',
      minutes: 2.5,
      profile: 'walk-elderly',
      method: 'network-buffer',
    });
    expect(feature?.geometry.type).toBe('MultiPolygon');
    const inside = (x: number, y: number) =>
      feature !== null && booleanPointInPolygon(toLonLat(fixture, [x, y]), feature.geometry);
    expect(inside(50, 20)).toBe(true); // 20 m beside a reached road
    expect(inside(140, -15)).toBe(true); // near the end of the reached stretch
    expect(inside(50, 60)).toBe(false); // 60 m away
    expect(inside(190, 0)).toBe(false); // on the road, but beyond the budget (150 m + 30 m)
    const turf = networkBufferIsochrone(graph, minutes, 2.5, {
      profile,
      radiusM: 30,
      engine: 'turf',
    });
    expect(turf?.geometry.type).toBe('Polygon');
    expect(
      networkBufferIsochrone(graph, new Float64Array(4).fill(Infinity), 5, { profile }),
    ).toBeNull();
  });

  it("reaches the stretch of the start's own edge before any node", () => {
    // Start 50 m along the first 100 m edge; 0.3 minutes at 1 m/s = 18 m each way.
    const [midLon, midLat] = toLonLat(fixture, [50, 0]);
    const near = nodeMinutes(graph, links, [{ id: 'M', lon: midLon, lat: midLat }], {
      profile,
      maxMinutes: 0.3,
    });
    expect([...near.minutes].every((m) => m === Infinity)).toBe(true);
    const lines = reachedEdgeLines(graph, near.minutes, 0.3, profile, near.starts);
    const total = lines.reduce((sum, [[x1, y1], [x2, y2]]) => sum + haversineM(x1, y1, x2, y2), 0);
    expect(total).toBeCloseTo(36, 0);
    const feature = networkBufferIsochrone(graph, near.minutes, 0.3, {
      profile,
      radiusM: 10,
      starts: near.starts,
    });
    expect(feature).not.toBeNull();
    const inside = (x: number, y: number) =>
      feature !== null && booleanPointInPolygon(toLonLat(fixture, [x, y]), feature.geometry);
    expect(inside(50, 0)).toBe(true);
    expect(inside(65, 0)).toBe(true);
    expect(inside(90, 0)).toBe(false);
  });
});
