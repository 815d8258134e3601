/**
 * Generates the demo's illustrative facility register (示例数据), data/raw/demo-facilities.csv,
 * from the demo OSM extract. Deterministic: no randomness, only sorted ids and fixed patterns,
 * so re-running it gives the same file. The patterns make the demo show both compliant and
 * failing units: some sites below the minimum areas (睦邻点 < 30 m², 驿站 < 60 m², community
 * facility < 200 m², street center < 1,000 m²), some on floor 3+ without a lift, and every
 * fourth populated community without any station.
 *
 * Run: npx tsx scripts/make-demo-register.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pointInRing } from '../analysis/city/geometry.ts';
import type { BuildingProperties, FacilityType, UnitProperties } from '../analysis/city/types.ts';
import { buildCity } from '../analysis/city/write-city.ts';
import { readOsm } from '../analysis/io/osm/read-osm.ts';

const OSM = 'data/raw/nanjing_xinjiekou_overpass_2021.osm.pbf';
const OUT = 'data/raw/demo-facilities.csv';

interface Building {
  p: BuildingProperties;
  centre: [number, number];
}
interface Unit {
  p: UnitProperties;
  polygons: number[][][][];
  population: number;
}
interface Site {
  building: Building;
  name: string;
  type: FacilityType;
  area: number;
  beds: number;
  floor: number;
  lift: boolean;
}

const LABEL: Record<FacilityType, string> = {
  street_center: '街道综合养老服务中心',
  community_station: '社区养老服务站',
  day_care: '日间照料中心',
  embedded_institution: '嵌入式养老机构',
  neighbourhood_point: '养老睦邻点',
  care_post: '养老驿站',
  meal_point: '老年助餐点',
};

function parse(text: string | Uint8Array): {
  features: { properties: unknown; geometry: { coordinates: unknown } }[];
} {
  return JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text));
}

const osm = readOsm(new Uint8Array(readFileSync(OSM)), OSM);
const city = buildCity({ osm, osmFile: OSM, name: 'demo', command: '' });
const file = (path: string) => city.files.find((f) => f.path === path)?.bytes ?? '';
const buildings: Building[] = parse(file('buildings.geojson')).features.map((f) => {
  const ring = (f.geometry.coordinates as number[][][])[0];
  const n = ring.length - 1;
  const centre: [number, number] = [
    ring.slice(0, n).reduce((s, p) => s + p[0], 0) / n,
    ring.slice(0, n).reduce((s, p) => s + p[1], 0) / n,
  ];
  return { p: f.properties as BuildingProperties, centre };
});
const units: Unit[] = parse(file('units.geojson')).features.map((f) => ({
  p: f.properties as UnitProperties,
  polygons: f.geometry.coordinates as number[][][][],
  population: 0,
}));
const inUnit = (u: Unit, b: Building) =>
  u.polygons.some((poly) => pointInRing(b.centre, poly[0] as [number, number][]));
const buildingsIn = (u: Unit) => buildings.filter((b) => inUnit(u, b));
for (const u of units) u.population = buildingsIn(u).reduce((s, b) => s + b.p.residents, 0);

const used = new Set<number>();
const names = new Set<string>();
const sites: Site[] = [];
/** Picks the building at fraction `at` of the unit's candidates (sorted by id), skipping used ones. */
function pick(u: Unit, residential: boolean, at: number): Building | undefined {
  const list = buildingsIn(u).filter(
    (b) => b.p.residential === residential && !used.has(b.p.id) && b.p.footprintM2 >= 100,
  );
  const b = list[Math.floor(list.length * at)] ?? list[0];
  if (b !== undefined) used.add(b.p.id);
  return b;
}
function roadName(u: Unit, nth: number): string {
  const roads = /（(.*)）/.exec(u.p.name)?.[1]?.split('–') ?? [];
  return roads[nth % Math.max(1, roads.length)] ?? u.p.name;
}
function add(
  u: Unit,
  building: Building | undefined,
  type: FacilityType,
  area: number,
  beds: number,
  floor: number,
  lift: boolean,
  nth = 0,
) {
  if (building === undefined) return;
  let name = `示例·${roadName(u, nth)}${LABEL[type]}`;
  for (let k = 2; names.has(name); k++) name = `示例·${roadName(u, nth)}${LABEL[type]}${k}号`;
  names.add(name);
  sites.push({ building, name, type, area, beds, floor, lift });
}

const streets = units.filter((u) => u.p.level === 'street');
const communities = units.filter((u) => u.p.level === 'community' && u.population > 0);
// One street center per street unit; the second is under 1,000 m².
const CENTER_AREA = [1500, 800, 1200, 1100];
streets.forEach((u, i) => {
  add(
    u,
    pick(u, false, 0.5) ?? pick(u, true, 0.5),
    'street_center',
    CENTER_AREA[i % 4],
    i === 1 ? 0 : 20 + 10 * i,
    1,
    true,
  );
});
// Stations / day care: every fourth populated community has none; sizes and floors cycle.
const STATION_AREA = [320, 180, 450, 55, 260, 600, 240];
const STATION_FLOOR: [number, boolean][] = [
  [1, false],
  [2, false],
  [1, true],
  [3, false],
  [1, false],
  [4, true],
  [2, false],
];
communities.forEach((u, i) => {
  if (i % 4 === 3) return;
  const k = sites.length;
  add(
    u,
    pick(u, true, 0.3),
    i % 3 === 1 ? 'day_care' : 'community_station',
    STATION_AREA[k % 7],
    i % 3 === 1 ? 10 : 0,
    ...STATION_FLOOR[k % 7],
  );
});
// Neighbourhood points and care posts in the most populous communities.
const busiest = [...communities].sort(
  (a, b) => b.population - a.population || (a.p.id < b.p.id ? -1 : 1),
);
const POINT: [number, number, boolean][] = [
  [45, 1, false],
  [25, 1, false],
  [60, 2, false],
  [35, 3, false],
  [28, 1, false],
  [80, 2, true],
  [40, 1, false],
  [50, 3, true],
];
POINT.forEach(([area, floor, lift], i) => {
  const u = busiest[i % busiest.length];
  add(u, pick(u, true, 0.7), 'neighbourhood_point', area, 0, floor, lift, 1);
});
const POST: [number, number][] = [
  [70, 1],
  [50, 1],
  [90, 2],
  [65, 1],
];
POST.forEach(([area, floor], i) => {
  const u = busiest[(i * 2 + 1) % busiest.length];
  add(u, pick(u, true, 0.85), 'care_post', area, 0, floor, false, 0);
});
const INSTITUTION: [number, number, number][] = [
  [900, 40, 1],
  [1500, 60, 2],
  [600, 25, 1],
];
INSTITUTION.forEach(([area, beds, floor], i) => {
  const u = busiest[(i * 3) % busiest.length];
  add(
    u,
    pick(u, false, 0.4) ?? pick(u, true, 0.4),
    'embedded_institution',
    area,
    beds,
    floor,
    true,
    1,
  );
});

const header = 'osm_building_id,name,type,floor_area_m2,beds,floor_level,has_lift,illustrative';
const rows = sites.map((s) =>
  [s.building.p.id, s.name, s.type, s.area, s.beds, s.floor, s.lift, true].join(','),
);
writeFileSync(OUT, `${header}\n${rows.join('\n')}\n`);
console.log(
  `${OUT}: ${sites.length} illustrative sites in ${streets.length} streets and ${communities.length} populated communities`,
);
