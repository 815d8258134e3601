import type { CityInput } from '../../analysis/coverage/types.ts';
import { graphBbox } from '../../analysis/graph/stats.ts';
import type { RoadGraph } from '../../analysis/graph/types.ts';
import {
  candidatesFromBuildings,
  candidatesFromGrid,
  dedupeCandidates,
} from '../../analysis/siting/candidates.ts';
import { roadDistance, unitOfPoint } from '../../analysis/siting/city-siting.ts';
import type { SitingCandidate } from '../../analysis/siting/optimise-types.ts';
import { readBuildingSites, readCandidateFile } from './read-candidates.ts';

/**
 * Candidates for `optimise`: the user's file, or residential/vacant buildings of the city
 * folder plus an H3 grid, all within snapping distance of the road network, de-duplicated
 * at 30 m (a grid centre on top of a building adds nothing).
 */
export function loadCandidates(
  cityDir: string,
  file: string | undefined,
  graph: RoadGraph,
  input: CityInput,
  snapM: number,
  gridResolution: number,
): SitingCandidate[] {
  const unitOf = unitOfPoint(input);
  if (file !== undefined) {
    return readCandidateFile(file).map((c) => ({
      ...c,
      ...(unitOf(c.lon, c.lat) ? { unitId: unitOf(c.lon, c.lat) } : {}),
    }));
  }
  const options = { distanceToRoadM: roadDistance(graph, snapM), maxSnapM: snapM, unitOf };
  const fromBuildings = candidatesFromBuildings(readBuildingSites(cityDir), options);
  const bbox = graphBbox(graph);
  const fromGrid = gridResolution > 0 ? candidatesFromGrid(bbox, gridResolution, options) : [];
  return dedupeCandidates([...fromBuildings, ...fromGrid], 30);
}
