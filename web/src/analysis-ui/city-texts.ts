import Papa from 'papaparse';
import type { CityTexts } from '../../../analysis/coverage/parse-city.ts';
import type { CityData } from '../data/city-data.ts';

/** population.csv's columns, in the order the city builder writes them. */
const POPULATION_COLUMNS = [
  'h3',
  'residents',
  'elders60',
  'elders65',
  'elders80',
  'households',
  'unit_id',
  'street_id',
];

/**
 * The city on screen written back as the texts of a city folder, so that the worker parses it
 * with the same parseCityInput as the CLI. Numbers survive the round trip unchanged (JSON and
 * CSV print the shortest exact decimal of a double).
 */
export function cityTexts(city: CityData): CityTexts {
  return {
    manifest: JSON.stringify(city.manifest),
    population: Papa.unparse(city.population, { columns: POPULATION_COLUMNS, newline: '\n' }),
    units: JSON.stringify(city.units),
    facilities: city.facilities.features.length > 0 ? JSON.stringify(city.facilities) : undefined,
  };
}
