import { describe, expect, it } from 'vitest';
import {
  isTiandituKey,
  loadSetting,
  OFFLINE,
  parseSetting,
  rasterSource,
  STORAGE_KEY,
  saveSetting,
} from '../../../web/src/settings/base-map-settings.ts';

const KEY = '0123456789abcdef0123456789ABCDEF';

describe('base-map settings', () => {
  it('are offline unless something valid was stored', () => {
    expect(parseSetting(null)).toEqual(OFFLINE);
    expect(parseSetting('not json')).toEqual(OFFLINE);
    expect(parseSetting('{"kind":"amap"}')).toEqual(OFFLINE);
    expect(parseSetting('{"kind":"tianditu","key":"short"}')).toEqual(OFFLINE);
    expect(parseSetting('{"kind":"osm"}')).toEqual({ kind: 'osm' });
    expect(parseSetting(`{"kind":"tianditu","key":" ${KEY} "}`)).toEqual({
      kind: 'tianditu',
      key: KEY,
    });
  });

  it('round-trip through storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(loadSetting(storage)).toEqual(OFFLINE);
    saveSetting(storage, { kind: 'tianditu', key: KEY });
    expect(store.has(STORAGE_KEY)).toBe(true);
    expect(loadSetting(storage)).toEqual({ kind: 'tianditu', key: KEY });
  });

  it('give no tiles offline, OSM tiles, and Tianditu vec_w + cva_w in the w matrix set', () => {
    expect(rasterSource(OFFLINE)).toBeNull();
    expect(rasterSource({ kind: 'tianditu', key: 'bad' })).toBeNull();
    expect(rasterSource({ kind: 'osm' })?.layers).toEqual([
      ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    ]);
    const tdt = rasterSource({ kind: 'tianditu', key: KEY });
    expect(tdt?.layers).toHaveLength(2);
    const [vec, cva] = tdt?.layers ?? [[], []];
    expect(vec[0]).toContain('/vec_w/wmts?');
    expect(vec[0]).toContain('TILEMATRIXSET=w');
    expect(vec[0]).toContain(`tk=${KEY}`);
    expect(cva[0]).toContain('LAYER=cva');
    // No GCJ-02 host is ever produced.
    for (const url of [...vec, ...cva]) expect(url).not.toMatch(/amap|autonavi|qq\.com|gaode/);
  });

  it('check Tianditu keys', () => {
    expect(isTiandituKey(KEY)).toBe(true);
    expect(isTiandituKey(`${KEY}0`)).toBe(false);
    expect(isTiandituKey('g123456789abcdef0123456789abcdef')).toBe(false);
  });
});
