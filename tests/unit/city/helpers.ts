import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BuiltCity,
  buildCity,
  type CityInputs,
  type CityOptions,
} from '../../../analysis/city/write-city.ts';
import { readOsm } from '../../../analysis/io/osm/read-osm.ts';
import type { OsmData } from '../../../analysis/io/osm/types.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/city');

const parsed = new Map<string, OsmData>();

/** Parses a fixture once per test file (builders never modify the OsmData). */
export function fixtureOsm(name: string): OsmData {
  const file = join(FIXTURES, name);
  const cached = parsed.get(file) ?? readOsm(new Uint8Array(readFileSync(file)), file);
  parsed.set(file, cached);
  return cached;
}

/** Builds a fixture city in memory. */
export function fixtureCity(
  name: string,
  extra: Partial<CityInputs> = {},
  options: CityOptions = {},
): BuiltCity {
  return buildCity(
    { osm: fixtureOsm(name), osmFile: name, name, command: 'test', ...extra },
    options,
  );
}

export function fileText(city: BuiltCity, path: string): string {
  const file = city.files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path} in the city`);
  return typeof file.bytes === 'string' ? file.bytes : new TextDecoder().decode(file.bytes);
}

export function geojson<P>(
  city: BuiltCity,
  path: string,
): { properties: P; geometry: { type: string; coordinates: unknown } }[] {
  return JSON.parse(fileText(city, path)).features;
}

export interface CsvCell {
  h3: string;
  residents: number;
  elders60: number;
  elders65: number;
  elders80: number;
  households: number;
  unit_id: string;
  street_id: string;
}

export function populationRows(city: BuiltCity): CsvCell[] {
  const [header, ...lines] = fileText(city, 'population.csv').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const values = line.split(',');
    const row: Record<string, string | number> = {};
    columns.forEach((c, i) => {
      row[c] = c === 'h3' || c.endsWith('_id') ? values[i] : Number(values[i]);
    });
    return row as unknown as CsvCell;
  });
}
