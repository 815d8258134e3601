import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CityManifest } from '../../analysis/city/types.ts';
import { InputError } from '../../analysis/errors.ts';
import { decodeGraph } from '../../analysis/graph/binary.ts';
import type { NetworkProfile, RoadGraph } from '../../analysis/graph/types.ts';

/** Reads city.json of a city folder (Node only). */
export function readCityManifest(dir: string): CityManifest {
  const file = join(dir, 'city.json');
  if (!existsSync(file)) {
    throw new InputError('E_NO_CITY', 'not a city folder (no city.json); run build-city first', {
      file,
    });
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CityManifest;
  } catch (error) {
    throw new InputError('E_BAD_CITY', `city.json is not valid JSON: ${(error as Error).message}`, {
      file,
    });
  }
}

/** Loads one network's graph of a city folder. */
export function loadCityGraph(dir: string, network: NetworkProfile): RoadGraph {
  const manifest = readCityManifest(dir);
  const entry = manifest.networks?.[network];
  if (entry === undefined) {
    throw new InputError('E_NO_NETWORK', `city has no ${network} network`, {
      file: join(dir, 'city.json'),
    });
  }
  const file = join(dir, entry.file);
  if (!existsSync(file)) {
    throw new InputError('E_NO_GRAPH', `graph file missing`, { file });
  }
  return decodeGraph(readFileSync(file), file);
}

/** Facilities of a city folder as routing origins (empty when the folder has none). */
export function loadCityFacilities(dir: string): { id: string; lon: number; lat: number }[] {
  const file = join(dir, 'facilities.geojson');
  if (!existsSync(file)) return [];
  const collection = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
  };
  return collection.features.map((f) => ({
    id: String(f.properties.id),
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
}
