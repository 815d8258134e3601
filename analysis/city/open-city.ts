import { InputError } from '../errors.ts';
import { decodeGraph } from '../graph/binary.ts';
import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import { type CitySource, readText, requireText } from './city-source.ts';
import type { CityInput } from './input.ts';
import { type CityTexts, parseCityInput } from './parse-city.ts';
import type { CityManifest } from './types.ts';

/**
 * Opens a city folder from any source: the manifest, the parsed CityInput (one parser for the
 * CLI, the worker and the page) and the road graphs on demand. The user's own register,
 * population or units (imported or flagged in the app, or given to a verb) replace the folder's
 * file of that name before parsing, so every host applies them the same way.
 */
export interface CityOverrides {
  /** facilities.geojson text replacing the folder's register. */
  facilities?: string;
  /** population.csv text replacing the folder's modelled population. */
  population?: string;
  /** units.geojson text replacing the folder's units (e.g. with the user's unit flags). */
  units?: string;
}

export interface OpenedCity {
  source: CitySource;
  manifest: CityManifest;
  input: CityInput;
  /** Networks the city has graphs for. */
  networks: NetworkProfile[];
  /** Which of the folder's files the user's own data replaced. */
  overridden: { facilities: boolean; population: boolean; units: boolean };
  /** The network's graph (read and decoded once); E_NO_NETWORK when the city has none. */
  graph(network: NetworkProfile): Promise<RoadGraph>;
  /** Optional text files for display and reports (roads.geojson, buildings.geojson, …). */
  text(path: string): Promise<string | undefined>;
}

/**
 * A graph the host already holds (the worker's graphs, fetched with progress by the page), for
 * the network and graph file the manifest names; undefined when it holds none for that file.
 */
export type LoadedGraph = (network: NetworkProfile, file: string) => RoadGraph | undefined;

export async function openCity(
  source: CitySource,
  options: {
    overrides?: CityOverrides;
    loadedGraph?: LoadedGraph;
    /** Told the manifest as soon as it is read, before the city's other files. */
    onManifest?: (manifest: CityManifest) => void;
  } = {},
): Promise<OpenedCity> {
  const manifestText = await readText(source, 'city.json');
  if (manifestText === undefined) {
    throw new InputError('E_NO_CITY', 'not a city folder (no city.json); run build-city first', {
      file: `${source.label.replace(/\/?$/, '/')}city.json`,
    });
  }
  const manifest = parseManifest(manifestText, source.label);
  options.onManifest?.(manifest);
  const { overrides = {} } = options;
  const texts: CityTexts = {
    manifest: manifestText,
    population: overrides.population ?? (await requireText(source, 'population.csv')),
    units:
      overrides.units ??
      (await readText(source, 'units.geojson')) ??
      '{"type":"FeatureCollection","features":[]}',
  };
  const facilities = overrides.facilities ?? (await readText(source, 'facilities.geojson'));
  if (facilities !== undefined) texts.facilities = facilities;
  const input = parseCityInput(texts);
  const networks = Object.keys(manifest.networks ?? {}) as NetworkProfile[];
  const graphs = new Map<NetworkProfile, Promise<RoadGraph>>();
  const readGraph = async (network: NetworkProfile): Promise<RoadGraph> => {
    const entry = manifest.networks?.[network];
    if (entry === undefined) {
      throw new InputError('E_NO_NETWORK', `the city has no ${network} road network`, {
        file: `${source.label.replace(/\/?$/, '/')}city.json`,
      });
    }
    const held = options.loadedGraph?.(network, entry.file);
    if (held !== undefined) return held;
    const bytes = await source.read(entry.file);
    if (bytes === undefined) {
      throw new InputError('E_NO_GRAPH', 'graph file missing', {
        file: `${source.label.replace(/\/?$/, '/')}${entry.file}`,
      });
    }
    return decodeGraph(bytes, entry.file);
  };
  return {
    source,
    manifest,
    input,
    networks,
    overridden: {
      facilities: overrides.facilities !== undefined,
      population: overrides.population !== undefined,
      units: overrides.units !== undefined,
    },
    graph(network) {
      let graph = graphs.get(network);
      if (graph === undefined) {
        graph = readGraph(network);
        graphs.set(network, graph);
        // A failed read is not cached: the next call tries again.
        graph.catch(() => graphs.delete(network));
      }
      return graph;
    },
    text: (path) => readText(source, path),
  };
}

function parseManifest(text: string, label: string): CityManifest {
  try {
    return JSON.parse(text) as CityManifest;
  } catch (error) {
    throw new InputError('E_BAD_CITY', `city.json is not valid JSON: ${(error as Error).message}`, {
      file: `${label.replace(/\/?$/, '/')}city.json`,
    });
  }
}
