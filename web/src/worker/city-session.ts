import { fetchSource, memorySource } from '../../../analysis/city/city-source.ts';
import { type OpenedCity, openCity } from '../../../analysis/city/open-city.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import type { CityRef } from './city-ref.ts';

/**
 * The worker opens the city the page names itself (openCity, as the CLI does), once per city
 * and register: the analysis, the scenarios, the optimiser and the report share it. Graphs come
 * from those the page asked the worker to load (with progress), else from the city's source.
 */
type GraphLookup = (network: NetworkProfile) => RoadGraph | undefined;

let last: { key: string; city: Promise<OpenedCity> } | null = null;

function keyOf(ref: CityRef): string {
  const where = ref.kind === 'url' ? ref.baseUrl : `memory:${ref.files.map((f) => f.path).join()}`;
  return JSON.stringify([
    where,
    ref.overrides.facilities ?? null,
    ref.overrides.population ?? null,
  ]);
}

export function openRef(ref: CityRef, loaded: GraphLookup): Promise<OpenedCity> {
  const key = keyOf(ref);
  // A memory city is a new build each time: its files are the key's identity only by path.
  if (last !== null && last.key === key && ref.kind === 'url') return last.city;
  const source = ref.kind === 'url' ? fetchSource(ref.baseUrl) : memorySource(ref.files);
  const city = openCity(source, { overrides: ref.overrides, loadedGraph: loaded });
  city.catch(() => {
    if (last?.city === city) last = null;
  });
  last = { key, city };
  return city;
}
