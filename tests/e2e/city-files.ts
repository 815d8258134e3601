import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Feature/row counts read straight from a city folder, to compare with what the page drew. */
export interface CityFileCounts {
  facilities: number;
  populationCells: number;
  roads: number;
  buildings: number;
  illustrative: boolean;
}

const featureCount = (dir: string, file: string): number =>
  (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { features: unknown[] }).features.length;

export function readCityCounts(dir: string): CityFileCounts {
  const manifest = JSON.parse(readFileSync(join(dir, 'city.json'), 'utf8')) as {
    facilitiesIllustrative: boolean;
  };
  const csvLines = readFileSync(join(dir, 'population.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  return {
    facilities: featureCount(dir, 'facilities.geojson'),
    populationCells: csvLines.length - 1,
    roads: featureCount(dir, 'roads.geojson'),
    buildings: featureCount(dir, 'buildings.geojson'),
    illustrative: manifest.facilitiesIllustrative,
  };
}
