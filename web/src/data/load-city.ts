import type { CityManifest } from '../../../analysis/city/types.ts';
import { InputError } from '../../../analysis/errors.ts';
import type { CityData } from './city-data.ts';
import { parsePopulationCsv } from './parse-population.ts';

export interface LoadProgress {
  done: number;
  total: number;
  file: string;
}

export interface LoadCityOptions {
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** The folder URL of a city served next to the app, e.g. cityUrl('nanjing-xinjiekou'). */
export function cityUrl(folder: string): string {
  return `${import.meta.env.BASE_URL}${folder.replace(/^\/+|\/+$/g, '')}/`;
}

/**
 * Fetches one city folder (same origin only) and parses it. city.json comes first because it says
 * which optional files exist; the rest load in parallel.
 */
export async function loadCity(baseUrl: string, options: LoadCityOptions = {}): Promise<CityData> {
  const { onProgress, signal } = options;
  const manifest = await fetchJson<CityManifest>(baseUrl, 'city.json', signal);
  const hasFacilities = manifest.counts.facilities > 0;
  const hasUnits = manifest.counts.units > 0;
  const files = ['roads.geojson', 'basemap.geojson', 'buildings.geojson', 'population.csv'];
  if (hasFacilities) files.push('facilities.geojson');
  if (hasUnits) files.push('units.geojson');
  let done = 1;
  const total = files.length + 1;
  onProgress?.({ done, total, file: 'city.json' });
  const tick =
    (file: string) =>
    <T>(value: T): T => {
      done += 1;
      onProgress?.({ done, total, file });
      return value;
    };
  const [roads, basemap, buildings, populationText, facilities, units] = await Promise.all([
    fetchJson<CityData['roads']>(baseUrl, 'roads.geojson', signal).then(tick('roads.geojson')),
    fetchJson<CityData['basemap']>(baseUrl, 'basemap.geojson', signal).then(tick('basemap')),
    fetchJson<CityData['buildings']>(baseUrl, 'buildings.geojson', signal).then(tick('buildings')),
    fetchText(baseUrl, 'population.csv', signal).then(tick('population.csv')),
    hasFacilities
      ? fetchJson<CityData['facilities']>(baseUrl, 'facilities.geojson', signal).then(
          tick('facilities.geojson'),
        )
      : Promise.resolve<CityData['facilities']>({ ...EMPTY, features: [] }),
    hasUnits
      ? fetchJson<CityData['units']>(baseUrl, 'units.geojson', signal).then(tick('units'))
      : Promise.resolve<CityData['units']>({ ...EMPTY, features: [] }),
  ]);
  const population = parsePopulationCsv(populationText, `${baseUrl}population.csv`);
  return { baseUrl, manifest, roads, basemap, buildings, facilities, population, units };
}

async function fetchText(baseUrl: string, file: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(`${baseUrl}${file}`, { signal });
  if (!response.ok) {
    throw new InputError('E_CITY_FILE', `HTTP ${response.status}`, { file: `${baseUrl}${file}` });
  }
  return response.text();
}

async function fetchJson<T>(baseUrl: string, file: string, signal?: AbortSignal): Promise<T> {
  const text = await fetchText(baseUrl, file, signal);
  try {
    return JSON.parse(text) as T;
  } catch {
    // A dev/preview server answers a missing file with index.html: say which file is missing.
    throw new InputError('E_CITY_FILE', 'not JSON (missing file?)', { file: `${baseUrl}${file}` });
  }
}

// --- In-memory city (H10): a folder built in the browser from an OSM extract. ---

/** One file of a city folder held in memory, as buildCity returns them. */
export interface MemoryCityFile {
  path: string;
  bytes: Uint8Array | string;
}

/**
 * Opens a city folder held in memory the way loadCity opens a fetched one. The road graphs go to
 * the worker by URL, so each becomes a blob: URL (same origin, no request leaves the page) and
 * the manifest points at it; baseUrl is '' so that `${baseUrl}${file}` is that URL.
 */
export function loadCityFromFiles(files: MemoryCityFile[]): CityData {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const text = (path: string): string | undefined => {
    const bytes = byPath.get(path);
    return bytes === undefined || typeof bytes === 'string'
      ? bytes
      : new TextDecoder().decode(bytes);
  };
  const json = <T>(path: string, fallback?: T): T => {
    const content = text(path);
    if (content === undefined) {
      if (fallback !== undefined) return fallback;
      throw new InputError('E_CITY_FILE', 'missing from the built city', { file: path });
    }
    return JSON.parse(content) as T;
  };
  const built = json<CityManifest>('city.json');
  const networks = { ...built.networks };
  for (const [network, entry] of Object.entries(networks) as [
    keyof CityManifest['networks'],
    CityManifest['networks'][keyof CityManifest['networks']],
  ][]) {
    const bytes = byPath.get(entry.file);
    if (bytes === undefined) continue;
    const blob = new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]);
    networks[network] = { ...entry, file: URL.createObjectURL(blob) };
  }
  const manifest: CityManifest = { ...built, networks };
  return {
    baseUrl: '',
    manifest,
    roads: json('roads.geojson'),
    basemap: json('basemap.geojson', { ...EMPTY, features: [] }),
    buildings: json('buildings.geojson', { ...EMPTY, features: [] }),
    facilities: json('facilities.geojson', { ...EMPTY, features: [] }),
    population: parsePopulationCsv(text('population.csv') ?? '', 'population.csv'),
    units: json('units.geojson', { ...EMPTY, features: [] }),
  };
}
