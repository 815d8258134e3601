import { fetchSource, memorySource } from '../../../analysis/city/city-source.ts';
import { type OpenedCity, openCity } from '../../../analysis/city/open-city.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import type { CityRef } from './city-ref.ts';

/**
 * The worker opens the city the page names itself (openCity, as the CLI does), once per city
 * and register: the analysis, the scenarios, the optimiser and the report share it. Graphs come
 * from those the page asked the worker to load (with progress), else from the city's source.
 */
export type GraphLookup = (network: NetworkProfile) => RoadGraph | undefined;

/** The graphs the page had the worker load, with the URL each came from. */
export interface HeldGraphs {
  graph: GraphLookup;
  url(network: NetworkProfile): string | undefined;
}

let last: { key: string; city: Promise<OpenedCity> } | null = null;

function keyOf(ref: CityRef): string {
  const where = ref.kind === 'url' ? ref.baseUrl : `memory:${ref.files.map((f) => f.path).join()}`;
  return JSON.stringify([
    where,
    ref.overrides.facilities ?? null,
    ref.overrides.population ?? null,
    ref.overrides.units ?? null,
  ]);
}

export function openRef(ref: CityRef, held: HeldGraphs): Promise<OpenedCity> {
  const key = keyOf(ref);
  // A memory city is a new build each time: its files are the key's identity only by path.
  if (last !== null && last.key === key && ref.kind === 'url') return last.city;
  const source = ref.kind === 'url' ? fetchSource(ref.baseUrl) : memorySource(ref.files);
  // A held graph is used only when it is this city's own file: the page may have loaded
  // another city's graphs, and a memory city's graphs are in its files.
  const loadedGraph =
    ref.kind === 'url'
      ? (network: NetworkProfile, file: string) =>
          sameUrl(held.url(network), `${ref.baseUrl}${file}`) ? held.graph(network) : undefined
      : undefined;
  const city = openCity(source, {
    overrides: ref.overrides,
    ...(loadedGraph === undefined ? {} : { loadedGraph }),
  });
  city.catch(() => {
    if (last?.city === city) last = null;
  });
  last = { key, city };
  return city;
}

function sameUrl(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const base = self.location.href;
  return new URL(a, base).href === new URL(b, base).href;
}

/** Every graph of an opened city, read once, for the synchronous lookups of the live session. */
export async function cityGraphs(city: OpenedCity): Promise<GraphLookup> {
  const entries = await Promise.all(
    city.networks.map(async (network) => [network, await city.graph(network)] as const),
  );
  const graphs = new Map<NetworkProfile, RoadGraph>(entries);
  return (network) => graphs.get(network);
}
