import { CITY_CACHE } from './cache-names.ts';

/**
 * The files of a city folder the app reads (see analysis/city/open-city.ts and
 * web/src/data/load-city.ts); the network graphs are named by city.json.
 */
const CITY_FILES = [
  'city.json',
  'population.csv',
  'units.geojson',
  'facilities.geojson',
  'roads.geojson',
  'basemap.geojson',
  'buildings.geojson',
];

interface ManifestNetworks {
  networks?: Record<string, { file?: unknown }>;
}

/**
 * Puts the files of an opened city folder into the city cache when they are not there yet.
 *
 * Why: on the first visit the city is fetched before the service worker is installed, so its
 * runtime route never saw those requests; without this the city would not open offline until a
 * second online visit. Later visits pass through the route (network first), which keeps the
 * cache fresh, so files already cached are left alone. A file the folder lacks (404) is skipped.
 */
export async function keepCityOffline(folderUrl: string): Promise<number> {
  const cache = await caches.open(CITY_CACHE);
  const base = new URL(folderUrl, window.location.href);
  const manifestUrl = new URL('city.json', base).href;
  const manifestResponse =
    (await cache.match(manifestUrl)) ?? (await fetch(manifestUrl, { cache: 'no-cache' }));
  if (!manifestResponse.ok) return 0;
  const manifest = (await manifestResponse.clone().json()) as ManifestNetworks;
  const graphs = Object.values(manifest.networks ?? {})
    .map((network) => network.file)
    .filter((file): file is string => typeof file === 'string');
  let added = 0;
  for (const file of [...CITY_FILES, ...graphs]) {
    const url = new URL(file, base).href;
    if ((await cache.match(url)) !== undefined) continue;
    const response = file === 'city.json' ? manifestResponse : await fetch(url);
    if (!response.ok) continue;
    await cache.put(url, response);
    added += 1;
  }
  return added;
}
