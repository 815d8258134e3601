import { cellToParent, polygonToCells } from 'h3-js';
import type { FacilityType, PopulationCellRow } from '../../analysis/city/types.ts';
import type { CityInput, FacilityInput, UnitInput } from '../../analysis/coverage/types.ts';
import { seededUnit, syntheticFacilities } from '../../analysis/graph/synthetic-grid.ts';
import type { RoadGraph } from '../../analysis/graph/types.ts';
import { FACILITY_TYPES } from '../../analysis/standards/types.ts';

/**
 * A synthetic metro for the analyse benchmark: every H3 cell of the grid's bbox carries a
 * deterministic population; communities are res-7 parents and streets res-6 parents of a cell;
 * facilities are the synthetic grid's deterministic sites with kinds and floor areas cycling through the types.
 */
export function syntheticMetro(
  graph: RoadGraph,
  facilityCount: number,
  resolution: number,
): CityInput {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i < graph.nodeCount; i++) {
    west = Math.min(west, graph.nodeLon[i]);
    east = Math.max(east, graph.nodeLon[i]);
    south = Math.min(south, graph.nodeLat[i]);
    north = Math.max(north, graph.nodeLat[i]);
  }
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  // h3-js builds each index string by concatenation; a JSON round trip gives flat strings, as
  // a parsed population.csv has (so the benchmark does not time V8 flattening them).
  const h3 = JSON.parse(
    JSON.stringify(polygonToCells([ring], resolution, true).sort()),
  ) as string[];
  const units = new Map<string, UnitInput>();
  const cells: PopulationCellRow[] = h3.map((cell, k) => {
    const residents = Math.floor(seededUnit(k, 11) * 60);
    const elders60 = Math.floor(residents * 0.2);
    const community = `C-${cellToParent(cell, 7)}`;
    const street = `S-${cellToParent(cell, 6)}`;
    if (!units.has(street))
      units.set(street, { id: street, name: street, level: 'street', derived: true });
    if (!units.has(community)) {
      units.set(community, {
        id: community,
        name: community,
        level: 'community',
        parentId: street,
        derived: true,
      });
    }
    return {
      h3: cell,
      residents,
      elders60,
      elders65: Math.floor(elders60 * 0.7),
      elders80: Math.floor(elders60 * 0.15),
      households: Math.round(residents / 2.62),
      unit_id: community,
      street_id: street,
    };
  });
  const facilities: FacilityInput[] = syntheticFacilities(graph, facilityCount).map((site, k) => {
    const type: FacilityType = FACILITY_TYPES[k % FACILITY_TYPES.length];
    return {
      ...site,
      name: site.id,
      type,
      floorAreaM2: type === 'street_center' ? 1200 : 50 + Math.floor(seededUnit(k, 5) * 400),
      beds: Math.floor(seededUnit(k, 6) * 30),
      floorLevel: 1 + Math.floor(seededUnit(k, 8) * 4),
      hasLift: seededUnit(k, 9) < 0.5,
      illustrative: true,
    };
  });
  return {
    name: 'synthetic metro',
    h3Resolution: resolution,
    cells,
    units: [...units.values()],
    facilities,
  };
}
