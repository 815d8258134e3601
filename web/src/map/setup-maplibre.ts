import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// maplibre-gl 6 cannot find its worker once bundled; point it at the copy vite emits.
maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
