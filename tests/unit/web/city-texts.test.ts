import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCityInput } from '../../../analysis/coverage/parse-city.ts';
import { readCityInput } from '../../../scripts/analyse/read-city.ts';
import { cityTexts } from '../../../web/src/analysis-ui/city-texts.ts';
import type { CityData } from '../../../web/src/data/city-data.ts';
import { parsePopulationCsv } from '../../../web/src/data/parse-population.ts';

const DIR = fileURLToPath(new URL('../../../data/nanjing-xinjiekou', import.meta.url));
const json = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

describe('the city on screen, written back for the worker', () => {
  it('parses to exactly the input the analyse CLI reads from the folder', () => {
    // What the page holds after loading the demo (web/src/data/load-city.ts).
    const city = {
      baseUrl: '/nanjing-xinjiekou/',
      manifest: json('city.json'),
      units: json('units.geojson'),
      facilities: json('facilities.geojson'),
      population: parsePopulationCsv(readFileSync(join(DIR, 'population.csv'), 'utf8')),
    } as unknown as CityData;
    const fromPage = parseCityInput(cityTexts(city));
    const fromCli = readCityInput(DIR);
    expect(fromPage.cells.length).toBeGreaterThan(100);
    expect(fromPage).toEqual(fromCli);
  });

  it('leaves the facilities out when the city has none (as a folder without the file)', () => {
    const city = {
      manifest: { name: 'x', h3Resolution: 10 },
      units: { type: 'FeatureCollection', features: [] },
      facilities: { type: 'FeatureCollection', features: [] },
      population: [],
    } as unknown as CityData;
    expect(cityTexts(city).facilities).toBeUndefined();
  });
});
