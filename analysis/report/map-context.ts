import type { NamedBuilding, NamedRoad, ReportMapContext } from './types.ts';

/**
 * The city's roads and buildings as the report needs them: named roads (for map labels and for
 * describing a site's location in words), named buildings (OSM `name` when present), the study
 * area's extent. Built once from the city folder's GeoJSON by any host; pure.
 */
interface LooseFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}
export interface LooseCollection {
  features?: readonly LooseFeature[];
}

/** Road classes drawn on report maps (the rest is too dense to read at A4). */
export const MAIN_ROAD_CLASSES = new Set([
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
  'motorway_link',
  'trunk_link',
  'primary_link',
  'secondary_link',
]);

function lines(geometry: LooseFeature['geometry']): number[][][] {
  if (geometry?.type === 'LineString') return [geometry.coordinates as number[][]];
  if (geometry?.type === 'MultiLineString') return geometry.coordinates as number[][][];
  return [];
}

function outerRing(geometry: LooseFeature['geometry']): number[][] | null {
  if (geometry?.type === 'Polygon') return (geometry.coordinates as number[][][])[0] ?? null;
  if (geometry?.type === 'MultiPolygon')
    return (geometry.coordinates as number[][][][])[0]?.[0] ?? null;
  return null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function reportMapContext(
  roads: LooseCollection | null,
  buildings: LooseCollection | null,
  bbox?: [number, number, number, number],
): ReportMapContext {
  const all: number[][][] = [];
  const named: NamedRoad[] = [];
  for (const f of roads?.features ?? []) {
    const highway = text(f.properties?.highway);
    const name = text(f.properties?.name);
    for (const line of lines(f.geometry)) {
      if (line.length < 2) continue;
      all.push(line);
      if (name !== '') named.push({ name, highway, coordinates: line });
    }
  }
  const namedBuildings: NamedBuilding[] = [];
  for (const f of buildings?.features ?? []) {
    const name = text(f.properties?.name);
    const ring = outerRing(f.geometry);
    if (name !== '' && ring !== null && ring.length >= 4) namedBuildings.push({ name, ring });
  }
  return {
    roads: all,
    namedRoads: named,
    buildings: namedBuildings,
    ...(bbox === undefined ? {} : { bbox }),
  };
}
