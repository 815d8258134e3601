import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { applyBaseMap } from '../../../web/src/settings/apply-base-map.ts';

interface FakeLayer {
  id: string;
  type: string;
}

/** Just enough of a maplibre Map to record what applyBaseMap does to the style. */
function fakeMap(layers: FakeLayer[]) {
  const style = { layers: [...layers], sources: {} as Record<string, unknown> };
  const map = {
    getStyle: () => ({ layers: [...style.layers], sources: { ...style.sources } }),
    removeLayer: (id: string) => {
      style.layers = style.layers.filter((l) => l.id !== id);
    },
    removeSource: (id: string) => {
      delete style.sources[id];
    },
    addSource: (id: string, source: unknown) => {
      style.sources[id] = source;
    },
    addLayer: (layer: FakeLayer, beforeId?: string) => {
      const at = beforeId === undefined ? -1 : style.layers.findIndex((l) => l.id === beforeId);
      if (at < 0) style.layers.push(layer);
      else style.layers.splice(at, 0, layer);
    },
  };
  return { map: map as unknown as MapLibreMap, style };
}

const BASE: FakeLayer[] = [
  { id: 'background', type: 'background' },
  { id: 'buildings', type: 'fill' },
  { id: 'roads-primary', type: 'line' },
];
const KEY = '0123456789abcdef0123456789abcdef';

describe('applyBaseMap', () => {
  it('adds nothing for the offline map', () => {
    const { map, style } = fakeMap(BASE);
    applyBaseMap(map, { kind: 'offline' });
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'buildings', 'roads-primary']);
    expect(Object.keys(style.sources)).toEqual([]);
  });

  it('slides the raster just above the background and swaps or removes it later', () => {
    const { map, style } = fakeMap(BASE);
    applyBaseMap(map, { kind: 'tianditu', key: KEY });
    expect(style.layers.map((l) => l.id)).toEqual([
      'background',
      'online-base-0',
      'online-base-1',
      'buildings',
      'roads-primary',
    ]);
    applyBaseMap(map, { kind: 'osm' });
    expect(style.layers.map((l) => l.id)).toEqual([
      'background',
      'online-base-0',
      'buildings',
      'roads-primary',
    ]);
    expect(Object.keys(style.sources)).toEqual(['online-base-0']);
    applyBaseMap(map, { kind: 'offline' });
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'buildings', 'roads-primary']);
    expect(Object.keys(style.sources)).toEqual([]);
  });
});
