import { HIGHWAY_CLASSES } from '../graph/types.ts';
import type { OsmData, OsmTags } from '../io/osm/types.ts';
import type { RoadLine } from './derive-units.ts';
import { type LonLat, roundCoord } from './geometry.ts';
import { collectAreas, wayCoords } from './osm-areas.ts';

export interface LineFeature {
  type: 'Feature';
  properties: { id: number; highway: string; name?: string };
  geometry: { type: 'LineString'; coordinates: LonLat[] };
}

export interface BasemapFeature {
  type: 'Feature';
  properties: { id: number; kind: 'water' | 'green' };
  geometry:
    | { type: 'Polygon'; coordinates: LonLat[][] }
    | { type: 'LineString'; coordinates: LonLat[] };
}

const ROAD_KINDS = new Set<string>(HIGHWAY_CLASSES.filter((k) => k !== 'other'));

/** Highway ways drawn as lines (areas such as pedestrian squares tagged area=yes are skipped). */
export function extractRoads(osm: OsmData): RoadLine[] & { ids?: never } {
  return roadWays(osm).map(({ coords, tags }) => ({
    coords,
    highway: tags.highway,
    name: tags.name,
  }));
}

function roadWays(osm: OsmData): { id: number; coords: LonLat[]; tags: OsmTags }[] {
  const result: { id: number; coords: LonLat[]; tags: OsmTags }[] = [];
  for (const way of osm.ways) {
    const highway = way.tags.highway;
    if (highway === undefined || !ROAD_KINDS.has(highway) || way.tags.area === 'yes') continue;
    const coords = wayCoords(osm, way.refs);
    if (coords !== null && coords.length >= 2) result.push({ id: way.id, coords, tags: way.tags });
  }
  return result.sort((a, b) => a.id - b.id);
}

export function roadFeatures(osm: OsmData): LineFeature[] {
  return roadWays(osm).map(({ id, coords, tags }) => ({
    type: 'Feature',
    properties:
      tags.name !== undefined
        ? { id, highway: tags.highway, name: tags.name }
        : { id, highway: tags.highway },
    geometry: { type: 'LineString', coordinates: coords.map(roundCoord) },
  }));
}

const GREEN_LANDUSE = new Set([
  'grass',
  'forest',
  'meadow',
  'village_green',
  'recreation_ground',
  'park',
]);
const GREEN_LEISURE = new Set(['park', 'garden', 'nature_reserve']);

function basemapKind(tags: OsmTags): 'water' | 'green' | null {
  if (tags.building !== undefined) return null;
  if (
    tags.natural === 'water' ||
    tags.waterway === 'riverbank' ||
    tags.landuse === 'reservoir' ||
    tags.landuse === 'basin'
  )
    return 'water';
  if (
    (tags.leisure !== undefined && GREEN_LEISURE.has(tags.leisure)) ||
    (tags.landuse !== undefined && GREEN_LANDUSE.has(tags.landuse)) ||
    tags.natural === 'wood'
  )
    return 'green';
  return null;
}

/** Water and green areas, plus rivers and canals as lines, for the offline base map. */
export function basemapFeatures(osm: OsmData): BasemapFeature[] {
  const features: BasemapFeature[] = [];
  for (const area of collectAreas(osm, (tags) => basemapKind(tags) !== null)) {
    const kind = basemapKind(area.tags) as 'water' | 'green';
    for (const ring of area.outer) {
      features.push({
        type: 'Feature',
        properties: { id: area.id, kind },
        geometry: { type: 'Polygon', coordinates: [ring.map(roundCoord)] },
      });
    }
  }
  for (const way of osm.ways) {
    const w = way.tags.waterway;
    if (w !== 'river' && w !== 'canal' && w !== 'stream') continue;
    const coords = wayCoords(osm, way.refs);
    if (coords !== null && coords.length >= 2) {
      features.push({
        type: 'Feature',
        properties: { id: way.id, kind: 'water' },
        geometry: { type: 'LineString', coordinates: coords.map(roundCoord) },
      });
    }
  }
  const rank = (f: BasemapFeature) => (f.properties.kind === 'water' ? 0 : 1);
  return features.sort((a, b) => rank(a) - rank(b) || a.properties.id - b.properties.id);
}
