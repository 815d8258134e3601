import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { BuildingProperties } from '../../../analysis/city/types.ts';
import {
  candidatesFromBuildings,
  candidatesFromGrid,
  dedupeCandidates,
} from '../../../analysis/siting/candidates.ts';
import { applyScenario } from '../../../analysis/siting/scenario-apply.ts';
import { validateScenario } from '../../../analysis/siting/scenario-validate.ts';
import { resultToScenario } from '../../../analysis/siting/to-scenario.ts';
import { facility } from './helpers.ts';

const building = (id: number, extra: Partial<BuildingProperties>): BuildingProperties => ({
  id,
  building: 'yes',
  levels: 6,
  levelsEstimated: false,
  footprintM2: 400,
  floorAreaM2: 2400,
  residential: true,
  residents: 100,
  ...extra,
});

/** A single east–west road along latitude 32.0: distance is the north–south offset. */
const roadAtLat32 = (_lon: number, lat: number) => Math.abs(lat - 32.0) * 111_320;

describe('candidate generation', () => {
  it('keeps residential and vacant buildings near a road, with floors 1–2 as usable area', () => {
    const sites = [
      { properties: building(1, {}), lon: 118.78, lat: 32.0005 },
      {
        properties: building(2, { residential: false, building: 'vacant', levels: 1 }),
        lon: 118.781,
        lat: 32.0,
      },
      {
        properties: building(3, { residential: false, building: 'office' }),
        lon: 118.782,
        lat: 32.0,
      },
      { properties: building(4, {}), lon: 118.783, lat: 32.01 },
      { properties: building(5, { footprintM2: 12 }), lon: 118.784, lat: 32.0 },
    ];
    const out = candidatesFromBuildings(sites, {
      distanceToRoadM: roadAtLat32,
      unitOf: (lon) => (lon < 118.7805 ? 'U1' : 'U2'),
    });
    expect(out.map((c) => c.id)).toEqual(['B1', 'B2']);
    expect(out[0]).toMatchObject({ floorAreaM2: 800, unitId: 'U1', source: 'building:1' });
    expect(out[1]).toMatchObject({ floorAreaM2: 400, unitId: 'U2' });
  });

  it('keeps grid cell centres within snapping distance only', () => {
    const bbox: [number, number, number, number] = [118.77, 31.99, 118.79, 32.01];
    const all = candidatesFromGrid(bbox, 9, { distanceToRoadM: () => 0 });
    const near = candidatesFromGrid(bbox, 9, { distanceToRoadM: roadAtLat32, maxSnapM: 150 });
    expect(all.length).toBeGreaterThan(near.length);
    expect(near.length).toBeGreaterThan(0);
    for (const c of near) {
      expect(roadAtLat32(c.lon, c.lat)).toBeLessThanOrEqual(150);
      const cell = c.id.slice(1);
      expect(latLngToCell(c.lat, c.lon, 9)).toBe(cell);
      expect(cellToLatLng(cell)).toEqual([c.lat, c.lon]);
    }
  });

  it('drops candidates closer than the spacing to an earlier one', () => {
    const kept = dedupeCandidates(
      [
        { id: 'a', lon: 118.78, lat: 32.0 },
        { id: 'b', lon: 118.7801, lat: 32.0 }, // ≈ 9 m east of a
        { id: 'c', lon: 118.781, lat: 32.0 }, // ≈ 94 m
      ],
      30,
    );
    expect(kept.map((c) => c.id)).toEqual(['a', 'c']);
  });
});

describe('resultToScenario', () => {
  it('turns chosen candidates into valid add-site modifications', () => {
    const candidates = [
      { id: 'B7', lon: 118.78, lat: 32.04, floorAreaM2: 500 },
      { id: 'G8a', lon: 118.79, lat: 32.05 },
    ];
    const baseline = [facility('F1', 118.77, 32.03)];
    const scenario = resultToScenario(
      { chosen: ['G8a', 'B7'] },
      candidates,
      { city: 'demo', profile: 'haining-2024' },
      { type: 'care_post', floorAreaM2: 80 },
    );
    expect(validateScenario(scenario, baseline)).toEqual([]);
    const after = applyScenario(baseline, scenario);
    expect(after.map((f) => f.id)).toEqual(['F1', 'NEW-G8a', 'NEW-B7']);
    expect(after[1]).toMatchObject({ type: 'care_post', floorAreaM2: 80, lon: 118.79 });
    expect(() =>
      resultToScenario({ chosen: ['nope'] }, candidates, { city: 'c', profile: 'p' }),
    ).toThrow(/nope/);
  });
});
