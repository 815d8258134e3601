import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCityInput } from '../../analysis/city/parse-city.ts';
import type { CityInput } from '../../analysis/coverage/types.ts';
import { InputError } from '../../analysis/errors.ts';
import type { NetworkProfile, RoadGraph } from '../../analysis/graph/types.ts';
import { loadCityGraph, readCityManifest } from '../routing/city-graph.ts';

/** Reads a city folder into the CityInput the coverage engine takes (same parser as the web). */
export function readCityInput(dir: string): CityInput {
  readCityManifest(dir); // clear error when the folder is not a city
  const read = (name: string, required: boolean): string | undefined => {
    const file = join(dir, name);
    if (!existsSync(file)) {
      if (required)
        throw new InputError('E_MISSING_FILE', 'file missing from the city folder', { file });
      return undefined;
    }
    return readFileSync(file, 'utf8');
  };
  return parseCityInput({
    manifest: read('city.json', true) as string,
    population: read('population.csv', true) as string,
    units: read('units.geojson', true) as string,
    facilities: read('facilities.geojson', false),
  });
}

/** The graphs the requested travel profiles need (walk serves walk and walk-elderly). */
export function readCityGraphs(
  dir: string,
  networks: NetworkProfile[],
): Partial<Record<NetworkProfile, RoadGraph>> {
  const graphs: Partial<Record<NetworkProfile, RoadGraph>> = {};
  for (const network of new Set(networks)) graphs[network] = loadCityGraph(dir, network);
  return graphs;
}
