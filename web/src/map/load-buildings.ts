import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { BUILDINGS_MINZOOM } from './base-style.ts';

/** What of maplibre's map this needs (a test passes a stand-in). */
export interface ZoomingMap {
  getZoom(): number;
  on(type: 'zoomend', listener: () => void): unknown;
  off(type: 'zoomend', listener: () => void): unknown;
  getSource(id: 'buildings'): unknown;
}

/**
 * Hands maplibre the city's buildings once the view first reaches the zoom they are drawn from.
 * A county's buildings are a 33 MB file that maplibre's worker parses and indexes even while the
 * layer is hidden: at the county's scale it held about 220 MB more at the end of the analysis,
 * and competed with it for the CPU. The service worker keeps the file (pwa/city-cache.ts), so
 * zooming in offline still draws them.
 */
export function loadBuildingsWhenShown(map: ZoomingMap, data: FeatureCollection | string): void {
  const load = () => {
    if (map.getZoom() < BUILDINGS_MINZOOM) return;
    map.off('zoomend', load);
    (map.getSource('buildings') as GeoJSONSource | undefined)?.setData(data);
  };
  map.on('zoomend', load);
  load();
}
