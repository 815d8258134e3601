/**
 * Base-map settings. The offline demo style is the default; an online raster is used only after
 * the user turns it on (privacy: the app makes no request outside its origin otherwise). Only
 * WGS-84-compatible sources are offered: GCJ-02 tiles (AMap 高德, Tencent 腾讯) sit 100–700 m off
 * the WGS-84 data and would misplace every facility, so they are refused, not shifted.
 */
export type BaseMapSetting =
  | { kind: 'offline' }
  | { kind: 'osm' }
  | { kind: 'tianditu'; key: string };

export const OFFLINE: BaseMapSetting = { kind: 'offline' };
export const STORAGE_KEY = 'carecircle.basemap';

export interface RasterSource {
  /** Tile URL templates, drawn bottom to top (Tianditu: vector map, then its labels). */
  layers: string[][];
  attribution: string;
  maxzoom: number;
}

/** Tianditu keys are 32 hexadecimal characters. */
export function isTiandituKey(key: string): boolean {
  return /^[0-9a-f]{32}$/i.test(key.trim());
}

// Tianditu WMTS, 'w' matrix set (EPSG:3857, WGS-84 datum): vec_w = map, cva_w = Chinese labels.
const tianditu = (layer: 'vec' | 'cva', key: string): string[] =>
  [0, 1, 2, 3, 4, 5, 6, 7].map(
    (server) =>
      `https://t${server}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key.trim())}`,
  );

/** The raster tiles for a setting; null for the offline style (or an unusable setting). */
export function rasterSource(setting: BaseMapSetting): RasterSource | null {
  switch (setting.kind) {
    case 'offline':
      return null;
    case 'osm':
      return {
        layers: [['https://tile.openstreetmap.org/{z}/{x}/{y}.png']],
        attribution: '© OpenStreetMap contributors',
        maxzoom: 19,
      };
    case 'tianditu':
      if (!isTiandituKey(setting.key)) return null;
      return {
        layers: [tianditu('vec', setting.key), tianditu('cva', setting.key)],
        attribution: '© 天地图 Tianditu',
        maxzoom: 18,
      };
  }
}

/** Reads the stored choice; anything unreadable or unknown falls back to offline. */
export function parseSetting(text: string | null): BaseMapSetting {
  if (text === null) return OFFLINE;
  try {
    const value = JSON.parse(text) as { kind?: unknown; key?: unknown };
    if (value.kind === 'osm') return { kind: 'osm' };
    if (value.kind === 'tianditu' && typeof value.key === 'string' && isTiandituKey(value.key))
      return { kind: 'tianditu', key: value.key.trim() };
  } catch {
    // A corrupt entry is not worth an error: the offline map is always safe.
  }
  return OFFLINE;
}

export function loadSetting(storage: Pick<Storage, 'getItem'>): BaseMapSetting {
  return parseSetting(storage.getItem(STORAGE_KEY));
}

export function saveSetting(storage: Pick<Storage, 'setItem'>, setting: BaseMapSetting): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(setting));
}
