import type { UnitInput } from '../coverage/types.ts';
import type { ReportLang, ReportMapContext } from './types.ts';

/**
 * A point described as planners write it: the nearest junction of named main roads and the
 * bearing and distance from it ("中山东路与洪武路交叉口东北约80米"), else the side of the nearest
 * named road ("汉中路北侧约40米"), the named building it stands in, and the unit that holds it.
 * Pure; distances in a local plane (metres), rounded to 10 m.
 */
export interface PlaceDescription {
  text: string;
  /** The unit the point lies in (community first, then street); null outside every unit. */
  unitName: string | null;
  roads: string[];
  building: string | null;
}

interface LocalRoad {
  name: string;
  rank: number;
  points: [number, number][];
}
interface Junction {
  names: [string, string];
  rank: number;
  x: number;
  y: number;
}
interface LocalUnit {
  name: string;
  level: string;
  polygons: [number, number][][][];
}

export interface PlaceIndex {
  toLocal(lon: number, lat: number): [number, number];
  roads: LocalRoad[];
  junctions: Junction[];
  buildings: { name: string; ring: [number, number][] }[];
  units: LocalUnit[];
}

/** Road class rank: 1 trunk/primary … 3 tertiary; 4 minor named roads; footways not used. */
function roadRank(highway: string): number | null {
  const base = highway.replace(/_link$/, '');
  if (base === 'motorway' || base === 'trunk' || base === 'primary') return 1;
  if (base === 'secondary') return 2;
  if (base === 'tertiary') return 3;
  if (['residential', 'unclassified', 'living_street', 'service', 'pedestrian'].includes(base))
    return 4;
  return null;
}

/** Junctions further than this are not used to describe a point. */
const JUNCTION_M = 350;
const ROAD_M = 250;

export function placeIndex(map: ReportMapContext, units: readonly UnitInput[]): PlaceIndex {
  const coords = (map.namedRoads ?? []).flatMap((r) => r.coordinates);
  const lat0 = coords.length === 0 ? 0 : coords.reduce((s, c) => s + c[1], 0) / coords.length;
  const lon0 = coords.length === 0 ? 0 : coords.reduce((s, c) => s + c[0], 0) / coords.length;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const toLocal = (lon: number, lat: number): [number, number] => [
    (lon - lon0) * kx,
    (lat - lat0) * 110_574,
  ];
  const roads: LocalRoad[] = [];
  const byVertex = new Map<string, Map<string, number>>();
  for (const road of map.namedRoads ?? []) {
    const rank = roadRank(road.highway);
    if (rank === null) continue;
    roads.push({ name: road.name, rank, points: road.coordinates.map(([a, b]) => toLocal(a, b)) });
    for (const [lon, lat] of road.coordinates) {
      const key = `${lon.toFixed(7)},${lat.toFixed(7)}`;
      const names = byVertex.get(key) ?? new Map<string, number>();
      names.set(road.name, Math.min(names.get(road.name) ?? 9, rank));
      byVertex.set(key, names);
    }
  }
  const junctions: Junction[] = [];
  const seen = new Set<string>();
  for (const [key, names] of byVertex) {
    if (names.size < 2) continue;
    const ordered = [...names].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    const [lon, lat] = key.split(',').map(Number);
    const [x, y] = toLocal(lon, lat);
    for (let i = 0; i < ordered.length; i++)
      for (let j = i + 1; j < ordered.length; j++) {
        const pair: [string, string] = [ordered[i][0], ordered[j][0]];
        const id = `${pair.join('|')}@${Math.round(x / 30)},${Math.round(y / 30)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        junctions.push({ names: pair, rank: Math.max(ordered[i][1], ordered[j][1]), x, y });
      }
  }
  return {
    toLocal,
    roads,
    junctions,
    buildings: (map.buildings ?? []).map((b) => ({
      name: b.name,
      ring: b.ring.map(([a, c]) => toLocal(a, c)),
    })),
    units: units
      .filter((u) => u.geometry !== undefined)
      .map((u) => {
        const g = u.geometry;
        const polys = g === undefined ? [] : g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
        return {
          name: u.name,
          level: u.level,
          polygons: polys.map((rings) => rings.map((r) => r.map(([a, c]) => toLocal(a, c)))),
        };
      }),
  };
}

function inRing(x: number, y: number, ring: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygons(x: number, y: number, polygons: [number, number][][][]): boolean {
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && inRing(x, y, outer) && !holes.some((h) => inRing(x, y, h)),
  );
}

/** Nearest point of a polyline to (x, y). */
function nearestOnLine(x: number, y: number, pts: [number, number][]): [number, number, number] {
  let best: [number, number, number] = [Infinity, 0, 0];
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1];
    const [bx, by] = pts[i];
    const dx = bx - ax;
    const dy = by - ay;
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
    const px = ax + t * dx;
    const py = ay + t * dy;
    const d = Math.hypot(x - px, y - py);
    if (d < best[0]) best = [d, px, py];
  }
  return best;
}

const BEARINGS = {
  zh: ['东', '东北', '北', '西北', '西', '西南', '南', '东南'],
  en: ['east', 'north-east', 'north', 'north-west', 'west', 'south-west', 'south', 'south-east'],
};
const SIDES = {
  zh: ['东', '北', '西', '南'],
  en: ['east', 'north', 'west', 'south'],
};

function bearing(dx: number, dy: number, lang: ReportLang): string {
  const k = Math.round(Math.atan2(dy, dx) / (Math.PI / 4));
  return BEARINGS[lang][(k + 8) % 8];
}

function side(dx: number, dy: number, lang: ReportLang): string {
  const k = Math.round(Math.atan2(dy, dx) / (Math.PI / 2));
  return SIDES[lang][(k + 4) % 4];
}

const round10 = (d: number) => Math.max(10, Math.round(d / 10) * 10);

export function describeLocation(
  index: PlaceIndex,
  lon: number,
  lat: number,
  lang: ReportLang,
): PlaceDescription {
  const [x, y] = index.toLocal(lon, lat);
  const unit =
    index.units.find((u) => u.level === 'community' && inPolygons(x, y, u.polygons)) ??
    index.units.find((u) => inPolygons(x, y, u.polygons));
  const building = index.buildings.find((b) => inRing(x, y, b.ring))?.name ?? null;
  // Junctions of main roads are preferred: a minor road's junction must be much nearer.
  let junction: Junction | null = null;
  let score = Infinity;
  for (const j of index.junctions) {
    const d = Math.hypot(x - j.x, y - j.y);
    const s = d + (j.rank - 1) * 60;
    if (d <= JUNCTION_M && s < score) {
      score = s;
      junction = j;
    }
  }
  let where = '';
  let roads: string[] = [];
  if (junction !== null) {
    const dx = x - junction.x;
    const dy = y - junction.y;
    const d = Math.hypot(dx, dy);
    const [a, b] = junction.names;
    roads = [a, b];
    if (lang === 'zh') {
      where =
        d < 25 ? `${a}与${b}交叉口` : `${a}与${b}交叉口${bearing(dx, dy, lang)}约${round10(d)}米`;
    } else {
      where =
        d < 25
          ? `at the junction of ${a} and ${b}`
          : `about ${round10(d)} m ${bearing(dx, dy, lang)} of the junction of ${a} and ${b}`;
    }
  } else {
    let best: { road: LocalRoad; d: number; px: number; py: number } | null = null;
    for (const road of index.roads) {
      const [d, px, py] = nearestOnLine(x, y, road.points);
      if (d <= ROAD_M && (best === null || d + road.rank * 20 < best.d + best.road.rank * 20))
        best = { road, d, px, py };
    }
    if (best !== null) {
      const s = side(x - best.px, y - best.py, lang);
      roads = [best.road.name];
      if (lang === 'zh')
        where =
          best.d < 15 ? `${best.road.name}沿线` : `${best.road.name}${s}侧约${round10(best.d)}米`;
      else
        where =
          best.d < 15
            ? `on ${best.road.name}`
            : `about ${round10(best.d)} m ${s} of ${best.road.name}`;
    }
  }
  const unitName = unit?.name ?? null;
  const parts: string[] = [];
  if (building !== null) parts.push(building);
  if (where !== '') parts.push(where);
  let text = parts.join(lang === 'zh' ? '，' : ', ');
  if (unitName !== null) {
    if (lang === 'zh')
      text =
        text === ''
          ? unitName
          : unitName.includes('（')
            ? `${text}，${unitName}`
            : `${text}（${unitName}）`;
    else text = text === '' ? unitName : `${text} (${unitName})`;
  }
  if (text === '')
    text =
      lang === 'zh'
        ? `东经${lon.toFixed(5)}°，北纬${lat.toFixed(5)}°`
        : `${lon.toFixed(5)}° E, ${lat.toFixed(5)}° N`;
  return { text, unitName, roads, building };
}
