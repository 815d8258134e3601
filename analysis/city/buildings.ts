import type { OsmData } from '../io/osm/types.ts';
import { contextAreas, contextAt, isResidential } from './classify-buildings.ts';
import { estimateLevels, floorAreaM2 } from './estimate-floor-area.ts';
import { interiorPoint, type LonLat, pointInRing, type Ring, ringAreaM2 } from './geometry.ts';
import { collectAreas } from './osm-areas.ts';
import type { BuildingProperties } from './types.ts';

/** One building with its modelled attributes; residents are filled in by the population model. */
export interface CityBuilding {
  properties: BuildingProperties;
  /** Outer ring first, then holes (one polygon: the largest outer ring of a multipolygon). */
  rings: Ring[];
  /** A point inside the outline: the centroid when it lies inside (see interiorPoint). */
  centroid: LonLat;
}

const isBuilding = (tags: Record<string, string>) =>
  tags.building !== undefined && tags.building !== 'no';

/** Buildings of the extract, classified and with an estimated floor area, sorted by id. */
export function extractBuildings(
  osm: OsmData,
  options: { defaultResidentialLevels?: number } = {},
): CityBuilding[] {
  const areas = collectAreas(osm, () => true);
  const context = contextAreas(areas);
  const seen = new Set<number>();
  const buildings: CityBuilding[] = [];
  for (const area of areas) {
    if (!isBuilding(area.tags) || seen.has(area.id)) continue;
    seen.add(area.id);
    const outerArea = area.outer.reduce((sum, ring) => sum + ringAreaM2(ring), 0);
    const innerArea = area.inner.reduce((sum, ring) => sum + ringAreaM2(ring), 0);
    const footprint = Math.max(0, outerArea - innerArea);
    const largest = area.outer.reduce((best, ring) =>
      ringAreaM2(ring) > ringAreaM2(best) ? ring : best,
    );
    const holes = area.inner.filter((ring) => ring.length > 0 && pointInRing(ring[0], largest));
    const centroid = interiorPoint(largest, holes);
    const residential = isResidential(area.tags, footprint, contextAt(centroid, context));
    const { levels, estimated } = estimateLevels(area.tags, residential, options);
    buildings.push({
      properties: {
        id: area.id,
        building: area.tags.building,
        levels,
        levelsEstimated: estimated,
        footprintM2: Math.round(footprint * 10) / 10,
        floorAreaM2: Math.round(floorAreaM2(footprint, levels) * 10) / 10,
        residential,
        residents: 0,
      },
      rings: [largest, ...area.inner],
      centroid,
    });
  }
  return buildings.sort((a, b) => a.properties.id - b.properties.id);
}
