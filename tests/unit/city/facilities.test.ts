import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBuildings } from '../../../analysis/city/buildings.ts';
import { pointInRing } from '../../../analysis/city/geometry.ts';
import { facilitiesFromCsv } from '../../../analysis/city/place-facilities.ts';
import type { BuildingProperties, FacilityProperties } from '../../../analysis/city/types.ts';
import { fixtureCity, fixtureOsm, geojson } from './helpers.ts';

const DEMO = join(import.meta.dirname, '../../../data/nanjing-xinjiekou');

const csv = (rows: string[]) => ({
  file: 'reg.csv',
  text: [
    'osm_building_id,name,type,floor_area_m2,beds,floor_level,has_lift,illustrative',
    ...rows,
  ].join('\n'),
});

describe('facility register on the small-town fixture', () => {
  const townBuildings = extractBuildings(fixtureOsm('small-town.osm'));

  it('places each site at the centroid of its building, with its attributes', () => {
    const city = fixtureCity('small-town.osm', {
      facilities: csv([
        '1,示例·甲社区养老服务站,community_station,120,0,3,false,true',
        '7,示例·乙睦邻点,养老睦邻点,25,,1,,true',
      ]),
    });
    const sites = geojson<FacilityProperties>(city, 'facilities.geojson');
    const buildings = geojson<BuildingProperties>(city, 'buildings.geojson');
    expect(sites.map((s) => s.properties)).toEqual([
      {
        id: 'F001',
        name: '示例·甲社区养老服务站',
        type: 'community_station',
        floorAreaM2: 120,
        beds: 0,
        floorLevel: 3,
        hasLift: false,
        illustrative: true,
        osmBuildingId: 1,
      },
      {
        id: 'F002',
        name: '示例·乙睦邻点',
        type: 'neighbourhood_point',
        floorAreaM2: 25,
        // The register's beds cell is empty: not recorded, not 0.
        beds: null,
        floorLevel: 1,
        hasLift: false,
        illustrative: true,
        osmBuildingId: 7,
      },
    ]);
    for (const site of sites) {
      const building = buildings.find((b) => b.properties.id === site.properties.osmBuildingId);
      expect(building).toBeDefined();
      const ring = (building?.geometry.coordinates ?? [[]]) as [number, number][][];
      expect(pointInRing(site.geometry.coordinates as [number, number], ring[0])).toBe(true);
    }
    expect(
      JSON.parse(city.files.find((f) => f.path === 'city.json')?.bytes as string)
        .facilitiesIllustrative,
    ).toBe(true);
  });

  it.each([
    [
      '99,x,community_station,100,0,1,false,true',
      /reg\.csv, row 2, column osm_building_id: building 99 is not in the OSM extract/,
    ],
    [
      '1,x,hospital,100,0,1,false,true',
      /reg\.csv, row 2, column type: unknown facility type "hospital"/,
    ],
    ['1,x,day_care,big,0,1,false,true', /reg\.csv, row 2, column floor_area_m2/],
    ['1,x,day_care,100,0,1,maybe,true', /reg\.csv, row 2, column has_lift/],
  ])('rejects a bad row: %s', (row, message) => {
    const { file, text } = csv([row]);
    expect(() => facilitiesFromCsv(text, file, townBuildings)).toThrow(message);
  });

  it('reads a GeoJSON register of points', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            id: 'A',
            name: '站',
            type: 'day_care',
            floorAreaM2: 300,
            beds: 8,
            floorLevel: 1,
            illustrative: false,
          },
          geometry: { type: 'Point', coordinates: [118.78, 32.04] },
        },
      ],
    });
    const sites = geojson<FacilityProperties>(
      fixtureCity('small-town.osm', { facilities: { file: 'f.geojson', text } }),
      'facilities.geojson',
    );
    expect(sites[0].properties).toMatchObject({
      id: 'A',
      type: 'day_care',
      floorAreaM2: 300,
      beds: 8,
      illustrative: false,
    });
    expect(sites[0].geometry.coordinates).toEqual([118.78, 32.04]);
  });
});

describe('the demo register', () => {
  const read = (f: string) => JSON.parse(readFileSync(join(DEMO, f), 'utf8')).features;
  const sites: { properties: FacilityProperties; geometry: { coordinates: [number, number] } }[] =
    read('facilities.geojson');
  const buildings: {
    properties: BuildingProperties;
    geometry: { coordinates: [number, number][][] };
  }[] = read('buildings.geojson');

  it('has 25–40 illustrative sites, each inside a real OSM building', () => {
    expect(sites.length).toBeGreaterThanOrEqual(25);
    expect(sites.length).toBeLessThanOrEqual(40);
    for (const site of sites) {
      expect(site.properties.illustrative).toBe(true);
      expect(site.properties.name).toMatch(/^示例·/);
      const building = buildings.find((b) => b.properties.id === site.properties.osmBuildingId);
      expect(building, site.properties.name).toBeDefined();
      expect(pointInRing(site.geometry.coordinates, building?.geometry.coordinates[0] ?? [])).toBe(
        true,
      );
    }
  });

  it('includes failing cases: undersized sites and upper floors without a lift', () => {
    const p = sites.map((s) => s.properties);
    const small = (type: string, min: number) =>
      p.some((f) => f.type === type && f.floorAreaM2 !== null && f.floorAreaM2 < min);
    expect(small('neighbourhood_point', 30)).toBe(true);
    expect(small('care_post', 60)).toBe(true);
    expect(small('community_station', 200)).toBe(true);
    expect(small('street_center', 1000)).toBe(true);
    expect(p.some((f) => (f.floorLevel ?? 0) >= 3 && f.hasLift === false)).toBe(true);
    expect(new Set(p.map((f) => f.type)).size).toBe(6);
  });
});
