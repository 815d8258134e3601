/**
 * Shared by the service worker's configuration (vite.config.ts) and the page: the runtime cache
 * that keeps every opened city folder, and which requests belong to it.
 */
export const CITY_CACHE = 'carecircle-cities';

/**
 * A file of a city folder served next to the app: /<folder>/city.json, *.geojson, *.csv or the
 * graph-*.bin networks (the files openCity and the page's loadCity read). The app's own bundle
 * lives under /assets/ and is precached instead.
 */
export const CITY_FILE_PATTERN =
  /\/(?!assets\/)[^/?#]+\/(?:city\.json|[\w.-]+\.(?:geojson|csv|bin))$/;
