import { populationCsv } from '../../../analysis/city/city-files.ts';
import type { CityOverrides } from '../../../analysis/city/open-city.ts';
import {
  flaggedUnitIds,
  flaggedUnitsText,
  type UnitFlagMap,
} from '../../../analysis/city/unit-flags.ts';
import type { CityRef, MemoryCityFile } from '../worker/city-ref.ts';
import type { CityData } from './city-data.ts';

/**
 * Which city folder the page shows, as the worker opens it itself: a served folder or the files
 * of a city built in the browser, plus the user's own register or population when either was
 * imported (only those travel to the worker as text; the folder's files never do).
 */
interface Origin {
  source: { kind: 'url'; baseUrl: string } | { kind: 'memory'; files: MemoryCityFile[] };
  facilities: CityData['facilities'];
  population: CityData['population'];
}

/**
 * Keyed by the city's road collection: the register view copies the city and its manifest for
 * every import, but the roads stay the very object the loader made.
 */
const origins = new WeakMap<CityData['roads'], Origin>();

/** Called by the loaders: what the folder itself holds, to tell the user's edits apart. */
export function rememberOrigin(city: CityData, source: Origin['source']): void {
  origins.set(city.roads, {
    source,
    facilities: city.facilities,
    population: city.population,
  });
}

/**
 * The absolute URL of one of the city folder's own files when the city was fetched from a served
 * folder (null for a city built in the browser): maplibre's worker can then fetch and parse the
 * base map's GeoJSON itself, instead of the page copying tens of MB of features to it.
 */
export function servedFileUrl(city: CityData, file: string): string | null {
  const origin = origins.get(city.roads);
  if (origin?.source.kind !== 'url') return null;
  return new URL(`${origin.source.baseUrl}${file}`, globalThis.location.href).href;
}

/** The user's unit flags (城市/农村, 新建居住区), when given, travel as the units file. */
export function cityRef(city: CityData, unitFlags: UnitFlagMap = {}): CityRef {
  const origin = origins.get(city.roads) ?? {
    source: { kind: 'url' as const, baseUrl: city.baseUrl },
    facilities: null,
    population: null,
  };
  const overrides: CityOverrides = {};
  if (city.facilities !== origin.facilities) overrides.facilities = JSON.stringify(city.facilities);
  if (city.population !== origin.population) {
    overrides.population = populationCsv(city.population);
  }
  if (flaggedUnitIds(city.units, unitFlags).length > 0) {
    overrides.units = flaggedUnitsText(city.units, unitFlags);
  }
  return { ...origin.source, overrides };
}
