import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCity } from '../../../analysis/city/open-city.ts';
import {
  flaggedUnitIds,
  flaggedUnitsText,
  flagsInEffect,
  flagUnits,
  setUnitFlags,
  type UnitCollection,
  type UnitFlagMap,
} from '../../../analysis/city/unit-flags.ts';
import type { Finding } from '../../../analysis/coverage/types.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { analyseScenario, cityContext } from '../../../analysis/workflows/analyse-scenario.ts';
import { folderSource } from '../../../scripts/city/folder-source.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import type { CityData } from '../../../web/src/data/city-data.ts';
import { cityRef } from '../../../web/src/data/city-ref.ts';

/**
 * The user's unit flags (set in the app) reach the findings: applied to the demo city's units and
 * given to openCity as `overrides.units`, exactly as the web worker opens the city.
 */
const DEMO = 'data/nanjing-xinjiekou';
const demoUnits = JSON.parse(readFileSync(`${DEMO}/units.geojson`, 'utf8')) as UnitCollection;
/** The community with the most residents (some derived communities hold none). */
const residents = new Map<string, number>();
for (const line of readFileSync(`${DEMO}/population.csv`, 'utf8').trim().split('\n').slice(1)) {
  const [, count, , , , , unitId] = line.split(',');
  residents.set(unitId, (residents.get(unitId) ?? 0) + Number(count));
}
const C = [...residents].sort((a, b) => b[1] - a[1])[0][0];
if (!demoUnits.features.some((f) => f.properties.id === C && f.properties.level === 'community'))
  throw new Error(`${C} is not a community unit of the demo city`);
const huaihua = builtInProfile('huaihua-2020');

describe('flagUnits', () => {
  const units: UnitCollection<null> = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: null,
        properties: { id: 'A', name: 'A', level: 'community', derived: false, areaType: 'rural' },
      },
      {
        type: 'Feature',
        geometry: null,
        properties: { id: 'B', name: 'B', level: 'community', derived: false },
      },
    ],
  };

  it('applies the flags over the file, leaves other units and the input alone', () => {
    const before = JSON.stringify(units);
    const flagged = flagUnits(units, { A: { areaType: 'urban' }, B: { newResidential: true } });
    expect(flagged.features.map((f) => f.properties)).toEqual([
      { id: 'A', name: 'A', level: 'community', derived: false, areaType: 'urban' },
      { id: 'B', name: 'B', level: 'community', derived: false, newResidential: true },
    ]);
    expect(JSON.stringify(units)).toBe(before);
    expect(flagUnits(units, {}).features[1]).toBe(units.features[1]);
  });

  it('ignores ids the collection lacks; the text parses back', () => {
    const text = flaggedUnitsText(units, { Z: { newResidential: true } });
    expect(JSON.parse(text)).toEqual(units);
  });

  it("in effect: the user's, else the file's, else the parent's, else urban and not new", () => {
    const tree: UnitCollection<null> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: null,
          properties: { id: 'S', name: 'S', level: 'street', derived: false, areaType: 'rural' },
        },
        ...units.features.map((f) => ({
          ...f,
          properties: { ...f.properties, parentId: 'S' },
        })),
      ],
    };
    const effect = (flags: UnitFlagMap, id: string) => flagsInEffect(tree, flags, id);
    expect(effect({}, 'B')).toEqual({ areaType: 'rural', newResidential: false });
    expect(effect({ S: { areaType: 'urban', newResidential: true } }, 'B')).toEqual({
      areaType: 'urban',
      newResidential: true,
    });
    expect(effect({ B: { areaType: 'urban' } }, 'B')).toEqual({
      areaType: 'urban',
      newResidential: false,
    });
    expect(effect({}, 'Z')).toBeUndefined();
    expect(flagsInEffect(units, {}, 'B')).toEqual({ areaType: 'urban', newResidential: false });
  });

  it('setting a value the unit has anyway keeps no flag', () => {
    expect(setUnitFlags(units, {}, 'A', { areaType: 'rural' })).toEqual({});
    expect(setUnitFlags(units, {}, 'B', { areaType: 'urban', newResidential: true })).toEqual({
      B: { newResidential: true },
    });
    const once = setUnitFlags(units, {}, 'A', { areaType: 'urban' });
    expect(once).toEqual({ A: { areaType: 'urban' } });
    expect(setUnitFlags(units, once, 'A', { areaType: 'rural' })).toEqual({});
    expect(
      flaggedUnitIds(units, { Z: { newResidential: true }, B: { areaType: 'rural' } }),
    ).toEqual(['B']);
  });
});

describe('the page names the flagged units to the worker', () => {
  const city = {
    baseUrl: '/demo/',
    roads: { type: 'FeatureCollection', features: [] },
    facilities: { type: 'FeatureCollection', features: [] },
    population: [],
    units: demoUnits,
  } as unknown as CityData;

  it('sends the units file only when a unit of the city is flagged', () => {
    expect(cityRef(city).overrides.units).toBeUndefined();
    expect(cityRef(city, { unknown: { newResidential: true } }).overrides.units).toBeUndefined();
    const text = cityRef(city, { [C]: { newResidential: true } }).overrides.units;
    const sent = JSON.parse(text ?? '{}') as UnitCollection;
    expect(sent.features.find((f) => f.properties.id === C)?.properties.newResidential).toBe(true);
    expect(sent.features.filter((f) => f.properties.newResidential === true)).toHaveLength(1);
    expect(sent.features).toHaveLength(demoUnits.features.length);
  });
});

let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

/** Findings of the demo city with the huaihua profile, its units flagged as given. */
async function demoFindings(flags: UnitFlagMap | null): Promise<Finding[]> {
  const overrides = flags === null ? {} : { units: flaggedUnitsText(demoUnits, flags) };
  const city = await openCity(folderSource(DEMO), { overrides });
  expect(city.overridden.units).toBe(flags !== null);
  const analysis = await analyseScenario(cityContext(city, runner, huaihua), undefined, {
    skipCells: true,
  });
  return analysis.result.summary.findings;
}

const of = (findings: Finding[], rule: string, scope: string, unitId: string | null) =>
  findings.find((f) => f.rule === rule && f.scope === scope && f.unitId === unitId);

describe('the flags reach the findings of the demo city', () => {
  let plain: Finding[];
  beforeAll(async () => {
    plain = await demoFindings(null);
  }, 240_000);

  it('new residential: 人均不少于0.1平方米 binds on the flagged community alone', async () => {
    const before = of(plain, 'hh-area-per-resident', 'community', C);
    expect(before?.binding).toBe(false);
    const flagged = await demoFindings({ [C]: { newResidential: true } });
    const after = of(flagged, 'hh-area-per-resident', 'community', C);
    expect(after?.binding).toBe(true);
    // The flag changes what binds, not the figure.
    expect(after?.value).toBe(before?.value);
    // The city finding is now over the new residential area alone: that community's figure.
    const city = of(flagged, 'hh-area-per-resident', 'city', null);
    expect(city?.binding).toBe(true);
    expect(city?.value).toBeCloseTo(after?.value ?? Number.NaN, 9);
    // No other community binds.
    const others = flagged.filter(
      (f) => f.rule === 'hh-area-per-resident' && f.scope === 'community' && f.binding,
    );
    expect(others.map((f) => f.unitId)).toEqual([C]);
  }, 240_000);

  it('rural: the rural 30-minute circle is evaluated on the flagged community only', async () => {
    expect(of(plain, 'hh-rural-30min', 'city', null)?.status).toBe('not_evaluable');
    expect(of(plain, 'hh-rural-30min', 'community', C)).toBeUndefined();
    const flagged = await demoFindings({ [C]: { areaType: 'rural' } });
    expect(of(flagged, 'hh-rural-30min', 'city', null)?.status).not.toBe('not_evaluable');
    expect(of(flagged, 'hh-rural-30min', 'community', C)).toBeDefined();
    // An urban rule no longer evaluates it.
    expect(of(plain, 'hh-urban-15min', 'community', C)).toBeDefined();
    expect(of(flagged, 'hh-urban-15min', 'community', C)).toBeUndefined();
  }, 240_000);

  it('flags equal to the defaults change nothing', async () => {
    const same = await demoFindings({ [C]: { areaType: 'urban', newResidential: false } });
    const key = (f: Finding) => `${f.rule}|${f.scope}|${f.unitId}|${f.status}|${f.binding}`;
    expect(same.map(key)).toEqual(plain.map(key));
  }, 240_000);
});
