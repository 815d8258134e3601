import {
  fetchSource,
  type MemoryCityFile,
  readText,
  requireText,
} from '../../../analysis/city/city-source.ts';
import { openCity } from '../../../analysis/city/open-city.ts';
import { parseCityInput } from '../../../analysis/city/parse-city.ts';
import type { CityManifest } from '../../../analysis/city/types.ts';
import { InputError } from '../../../analysis/errors.ts';
import type { CityData } from './city-data.ts';
import { rememberOrigin } from './city-ref.ts';

export type { MemoryCityFile };

export interface LoadProgress {
  done: number;
  total: number;
  file: string;
}

export interface LoadCityOptions {
  onProgress?: (progress: LoadProgress) => void;
  /** The manifest, as soon as city.json is read (the road graphs can start loading then). */
  onManifest?: (manifest: CityManifest) => void;
  signal?: AbortSignal;
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** The folder URL of a city served next to the app, e.g. cityUrl('nanjing-xinjiekou'). */
export function cityUrl(folder: string): string {
  return `${import.meta.env.BASE_URL}${folder.replace(/^\/+|\/+$/g, '')}/`;
}

/**
 * Fetches one city folder (same origin only) through the same openCity the worker and the CLI
 * use: one parser for population.csv and the register. The display files load in parallel.
 */
export async function loadCity(baseUrl: string, options: LoadCityOptions = {}): Promise<CityData> {
  const { onProgress, onManifest, signal } = options;
  const source = fetchSource(baseUrl, signal);
  const files = ['roads.geojson', 'basemap.geojson', 'buildings.geojson'];
  const total = files.length + 1;
  let done = 0;
  const tick =
    (file: string) =>
    <T>(value: T): T => {
      done += 1;
      onProgress?.({ done, total, file });
      return value;
    };
  const reads = [
    openCity(source, onManifest === undefined ? {} : { onManifest }).then(tick('city.json')),
    requireText(source, 'roads.geojson').then(tick('roads.geojson')),
    readText(source, 'basemap.geojson').then(tick('basemap.geojson')),
    readText(source, 'buildings.geojson').then(tick('buildings.geojson')),
  ] as const;
  // In parallel, but a failure is told in this order: a folder that is not there is named by
  // its city.json, whichever answer came first.
  for (const read of await Promise.allSettled(reads))
    if (read.status === 'rejected') throw read.reason;
  const [opened, roads, basemap, buildings] = await Promise.all(reads);
  const city: CityData = {
    baseUrl,
    manifest: opened.manifest,
    roads: parseJson(roads, `${baseUrl}roads.geojson`),
    // Read to know they are there (and so that the service worker keeps them), not parsed:
    // only the base map draws them, and maplibre's worker reads them itself.
    basemap:
      basemap === undefined
        ? emptyCollection()
        : { url: absolute(`${baseUrl}basemap.geojson`), count: null },
    buildings:
      buildings === undefined
        ? emptyCollection()
        : {
            url: absolute(`${baseUrl}buildings.geojson`),
            // build-city counts them; a manifest written by hand may not.
            count: opened.manifest.counts.buildings ?? null,
          },
    facilities: facilityCollection(
      opened.input.facilities.length > 0 ? await opened.text('facilities.geojson') : undefined,
    ),
    population: opened.input.cells,
    units: unitCollection(await opened.text('units.geojson')),
  };
  rememberOrigin(city, { kind: 'url', baseUrl });
  return city;
}

const absolute = (url: string) => new URL(url, globalThis.location.href).href;

function emptyCollection<T>(): { type: 'FeatureCollection'; features: T[] } {
  return { type: 'FeatureCollection', features: [] };
}

function facilityCollection(text: string | undefined): CityData['facilities'] {
  return text === undefined ? emptyCollection() : parseJson(text, 'facilities.geojson');
}

function unitCollection(text: string | undefined): CityData['units'] {
  return text === undefined ? emptyCollection() : parseJson(text, 'units.geojson');
}

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new InputError('E_CITY_FILE', 'not JSON', { file });
  }
}

// --- In-memory city: a folder built in the browser from an OSM extract. ---

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
  const city: CityData = {
    baseUrl: '',
    manifest,
    roads: json('roads.geojson'),
    basemap: json('basemap.geojson', { ...EMPTY, features: [] }),
    buildings: json('buildings.geojson', { ...EMPTY, features: [] }),
    facilities: json('facilities.geojson', { ...EMPTY, features: [] }),
    population: parseCityInput({
      manifest: text('city.json') ?? '{}',
      population: text('population.csv') ?? '',
      units: text('units.geojson') ?? '{"type":"FeatureCollection","features":[]}',
    }).cells,
    units: json('units.geojson', { ...EMPTY, features: [] }),
  };
  rememberOrigin(city, { kind: 'memory', files: [...files] });
  return city;
}
