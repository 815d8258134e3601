import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCity } from '../../../analysis/city/open-city.ts';
import { isInputError } from '../../../analysis/errors.ts';
import { appendModification, emptyScenario } from '../../../analysis/siting/scenario-types.ts';
import { cityScenarioChecks } from '../../../analysis/siting/scenario-validate.ts';
import { BUILT_IN_PROFILE_IDS } from '../../../analysis/standards/profiles.ts';
import { readScenarioFile } from '../../../scripts/analyse/scenario-file.ts';
import { folderSource } from '../../../scripts/city/folder-source.ts';
import { importScenarioText } from '../../../web/src/scenario/scenario-store.ts';

// One scenario file, read by the CLI (readScenarioFile) and by the page (importScenarioText with
// the checks the page derives from the open city): both must refuse it with the same codes.
const CITY_DIR = 'data/nanjing-xinjiekou';
const city = await openCity(folderSource(CITY_DIR));
const site = (id: string, lon: number, lat: number) => ({
  kind: 'add-site' as const,
  id,
  name: id,
  type: 'day_care' as const,
  lon,
  lat,
  floorAreaM2: 300,
  beds: 0,
  floorLevel: 1,
});
const onDemo = emptyScenario({ city: city.manifest.name, profile: 'huaihua-2020' }, 'A');
const cases: [string, unknown, string[]][] = [
  ['a site in Beijing', appendModification(onDemo, site('S1', 116.4, 39.9)), ['E_OUTSIDE_AREA']],
  ['a site at (0, 0)', appendModification(onDemo, site('S1', 0, 0)), ['E_OUTSIDE_AREA']],
  ['a site in Sydney', appendModification(onDemo, site('S1', 151.2, -33.87)), ['E_OUTSIDE_AREA']],
  [
    'another city',
    { ...onDemo, baseline: { city: '上海静安', profile: 'huaihua-2020' } },
    ['E_OTHER_CITY'],
  ],
  [
    'an unknown profile',
    { ...onDemo, baseline: { city: city.manifest.name, profile: 'xx-2030' } },
    ['E_UNKNOWN_PROFILE'],
  ],
];

const page = (json: unknown): string[] => {
  const checks = cityScenarioChecks({ ...city.manifest, folder: 'nanjing-xinjiekou' }, [
    ...BUILT_IN_PROFILE_IDS,
  ]);
  const result = importScenarioText(JSON.stringify(json), city.input.facilities, checks);
  return 'problems' in result ? result.problems.map((p) => p.code) : [];
};
const cli = (json: unknown): string[] => {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-scenario-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(json));
  try {
    readScenarioFile(file, city, CITY_DIR, 'huaihua-2020');
    return [];
  } catch (error) {
    if (!isInputError(error)) throw error;
    expect(error.location.file).toBe(file);
    return [...error.message.matchAll(/\[(E_[A-Z_]+)\]/g)].map((m) => m[1]);
  }
};

describe('a scenario for the open city: the page and the CLI refuse the same files', () => {
  it.each(cases)('%s', (_, json, codes) => {
    expect(page(json)).toEqual(codes);
    expect(cli(json)).toEqual(codes);
  });

  it('accepts the city by its name or its folder, full-width forms folded', () => {
    for (const name of [city.manifest.name, 'nanjing-xinjiekou', ` ${city.manifest.name} `]) {
      const json = { ...onDemo, baseline: { city: name, profile: 'huaihua-2020' } };
      expect(page(json)).toEqual([]);
      expect(cli(json)).toEqual([]);
    }
  });
});
