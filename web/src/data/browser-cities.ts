import { del, get } from 'idb-keyval';
import type { CityManifest } from '../../../analysis/city/types.ts';
import { type SaveSubject, saveOrReport } from '../app/persist.ts';
import type { CityData } from './city-data.ts';
import { loadCityFromFiles, type MemoryCityFile } from './load-city.ts';

/**
 * Cities built in the browser from an OSM extract, kept in IndexedDB so that they survive a
 * reload: a small index (name, date, counts) and the built files of each. A city is known by
 * its name, like its scenarios and imports: building one again under the same name replaces it.
 */
export interface SavedCityEntry {
  id: string;
  name: string;
  /** ISO date-time. */
  savedAt: string;
  counts: CityManifest['counts'];
}

const INDEX_KEY = 'carecircle.cities.v1';
const filesKey = (id: string) => `carecircle.city-files.v1.${id}`;
/** The saved city open when the page was left (absent: the city served with the app). */
const CURRENT_KEY = 'carecircle.current-city.v1';

export async function listSavedCities(): Promise<SavedCityEntry[]> {
  const value: unknown = await get(INDEX_KEY);
  return Array.isArray(value) ? (value as SavedCityEntry[]) : [];
}

/** Keeps a built city; false when it could not be saved (the user has been told why). */
export async function saveCity(files: MemoryCityFile[], manifest: CityManifest): Promise<boolean> {
  const entry: SavedCityEntry = {
    id: manifest.name,
    name: manifest.name,
    savedAt: new Date().toISOString(),
    counts: manifest.counts,
  };
  const subject = citySubject(entry.name);
  if (!(await saveOrReport(filesKey(entry.id), files, subject))) return false;
  const others = (await listSavedCities()).filter((c) => c.id !== entry.id);
  return saveOrReport(INDEX_KEY, [entry, ...others], subject);
}

function citySubject(name: string): SaveSubject {
  return { id: `city:${name}`, what: ({ t }) => t('save.city', { name }) };
}

export async function deleteSavedCity(id: string): Promise<void> {
  const others = (await listSavedCities()).filter((c) => c.id !== id);
  await del(filesKey(id));
  await saveOrReport(INDEX_KEY, others, citySubject(id));
  if ((await get(CURRENT_KEY)) === id) await del(CURRENT_KEY);
}

/** Opens a saved city as it was built; null when its files are gone. */
export async function openSavedCity(id: string): Promise<CityData | null> {
  const files: unknown = await get(filesKey(id));
  if (!Array.isArray(files) || files.length === 0) return null;
  return { ...loadCityFromFiles(files as MemoryCityFile[]), savedAs: id };
}

export async function currentSavedCity(): Promise<string | null> {
  const id: unknown = await get(CURRENT_KEY);
  return typeof id === 'string' ? id : null;
}

export async function rememberCurrentCity(id: string | null): Promise<void> {
  await saveOrReport(CURRENT_KEY, id ?? undefined, citySubject(id ?? ''));
}
