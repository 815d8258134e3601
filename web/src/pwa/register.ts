import { Workbox } from 'workbox-window';
import { DEFAULT_CITY } from '../data/city-data.ts';
import { keepCityOffline } from './city-cache.ts';

/**
 * Registers the service worker built by vite-plugin-pwa (production builds only). It precaches
 * the app and duckdb-wasm and keeps every opened city, so that after one visit the app opens and
 * analyses with the server gone.
 *
 * A new version never takes over by itself: it waits until the user accepts the prompt, then
 * the page reloads once under the new worker. The very first install does claim the page
 * (nothing older is running, so nothing switches under the user).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Was this page (and the analysis worker it started) loaded through the service worker?
  const controlledAtLoad = navigator.serviceWorker.controller !== null;
  const base = import.meta.env.BASE_URL;
  const workbox = new Workbox(`${base}sw.js`, { scope: base });
  workbox.addEventListener('waiting', () => {
    // Loaded on demand: the prompt carries both catalogues, which the first chunk should not.
    void import('./update-prompt.ts').then(({ showUpdatePrompt }) =>
      showUpdatePrompt(() => {
        workbox.addEventListener('controlling', () => window.location.reload());
        workbox.messageSkipWaiting();
      }),
    );
  });
  // Workbox registers after the window's load event, so that installing (downloading the
  // precache) does not compete with the first page load for the network and the two cores.
  void workbox
    .register()
    .then(async () => {
      if (controlledAtLoad) return; // the runtime route saw every city request already
      await navigator.serviceWorker.ready;
      await keepCityOffline(openedCityFolder());
    })
    .catch((error: unknown) => {
      // Offline use is a bonus on top of the running app: never break the page for it.
      console.warn('CareCircle: offline cache not ready', error);
    });
}

/** The folder App.tsx opens (?city=<folder>, else the demo), as a URL with a trailing slash. */
function openedCityFolder(): string {
  const folder = new URLSearchParams(window.location.search).get('city') ?? DEFAULT_CITY;
  return `${import.meta.env.BASE_URL}${folder.replace(/^\/+|\/+$/g, '')}/`;
}
