import type { Map as MapLibreMap } from 'maplibre-gl';
import { type BaseMapSetting, rasterSource } from './base-map-settings.ts';

const PREFIX = 'online-base-';

/**
 * Puts the chosen online raster right above the background of the offline style (the city's own
 * roads and buildings stay on top, so the two can be compared for alignment), or removes it.
 * No source is added for the offline setting, so no tile is ever requested then.
 */
export function applyBaseMap(map: MapLibreMap, setting: BaseMapSetting): void {
  const style = map.getStyle();
  for (const layer of style.layers.filter((l) => l.id.startsWith(PREFIX)))
    map.removeLayer(layer.id);
  for (const id of Object.keys(style.sources).filter((s) => s.startsWith(PREFIX)))
    map.removeSource(id);
  const source = rasterSource(setting);
  if (source === null) return;
  const own = style.layers.filter((l) => !l.id.startsWith(PREFIX));
  const beforeId = own[own.findIndex((l) => l.type === 'background') + 1]?.id;
  source.layers.forEach((tiles, i) => {
    const id = `${PREFIX}${i}`;
    map.addSource(id, {
      type: 'raster',
      tiles,
      tileSize: 256,
      maxzoom: source.maxzoom,
      attribution: source.attribution,
    });
    map.addLayer({ id, type: 'raster', source: id, paint: { 'raster-opacity': 0.85 } }, beforeId);
  });
}
