import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BUILDINGS_MINZOOM } from '../../../web/src/map/base-style.ts';
import { loadBuildingsWhenShown, type ZoomingMap } from '../../../web/src/map/load-buildings.ts';

/** A map at `zoom` that records what its buildings source was given. */
function fakeMap(zoom: number) {
  const listeners = new Set<() => void>();
  const given: (FeatureCollection | string)[] = [];
  const map: ZoomingMap & { zoomTo(z: number): void } = {
    getZoom: () => zoom,
    on: (_type, listener) => listeners.add(listener),
    off: (_type, listener) => listeners.delete(listener),
    getSource: () => ({ setData: (data: FeatureCollection | string) => given.push(data) }),
    zoomTo(z) {
      zoom = z;
      for (const listener of [...listeners]) listener();
    },
  };
  return { map, given, listeners };
}

describe('loadBuildingsWhenShown', () => {
  it('loads the file at once when the view opens at the buildings zoom', () => {
    const { map, given, listeners } = fakeMap(BUILDINGS_MINZOOM + 1.5);
    loadBuildingsWhenShown(map, '/city/buildings.geojson');
    expect(given).toEqual(['/city/buildings.geojson']);
    expect(listeners.size).toBe(0);
  });

  it('waits at a county scale and loads once on zooming in', () => {
    const { map, given, listeners } = fakeMap(BUILDINGS_MINZOOM - 2);
    loadBuildingsWhenShown(map, '/county/buildings.geojson');
    map.zoomTo(BUILDINGS_MINZOOM - 0.5);
    expect(given).toEqual([]);
    map.zoomTo(BUILDINGS_MINZOOM);
    map.zoomTo(BUILDINGS_MINZOOM - 1);
    map.zoomTo(BUILDINGS_MINZOOM + 2);
    expect(given).toEqual(['/county/buildings.geojson']);
    expect(listeners.size).toBe(0);
  });
});
