import { publishTestState } from './map/test-hook.ts';
import { registerServiceWorker } from './pwa/register.ts';
import { analysisWorker } from './worker/analysis-client.ts';

publishTestState({
  ready: false,
  counts: { facilities: 0, populationCells: 0, roads: 0, buildings: 0 },
  layers: [],
  countBaseFeatures: () => ({ roads: 0, buildings: 0 }),
});

// Start the analysis worker (and with it duckdb-wasm, a 34 MB module) first, and only then load
// the app (React, maplibre, deck.gl: megabytes of script): on a cold start duckdb-wasm is the
// long pole of the first analysis, so it should not wait for the app's bundle.
analysisWorker();
// Offline use: the service worker installs after the page has loaded (production builds only).
registerServiceWorker();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
import('./mount-app.tsx')
  .then(({ mountApp }) => mountApp(root))
  .catch((error: unknown) => {
    root.textContent = `CareCircle failed to start: ${error instanceof Error ? error.message : String(error)}`;
    throw error;
  });
