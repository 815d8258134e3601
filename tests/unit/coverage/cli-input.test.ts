import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCityInput } from '../../../analysis/city/parse-city.ts';
import { isInputError } from '../../../analysis/errors.ts';
import { main } from '../../../scripts/cli.ts';
import { verb } from '../../../scripts/verbs/analyse.ts';

const manifest = JSON.stringify({ name: 't', h3Resolution: 10 });
const header = 'h3,residents,elders60,elders65,elders80,households,unit_id,street_id';
const units = JSON.stringify({ type: 'FeatureCollection', features: [] });

async function inputError(run: () => unknown): Promise<Error & { code: string }> {
  try {
    await run();
  } catch (error) {
    if (isInputError(error)) return error as Error & { code: string };
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('analyse input checking', () => {
  it('lists every bad row and column of a city folder at once', async () => {
    const population = [
      header,
      '8a3091190087fff,10,2,1,0,4,C1,S1',
      'zzz,10,-1,1,0,4,C1,S1',
      '8a309119008ffff,x,2,1,0,4,C1,S1',
    ].join('\n');
    const facilities = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'F1', type: 'hospital', floorAreaM2: 10 },
          geometry: { type: 'Point', coordinates: [200, 32] },
        },
      ],
    });
    const error = await inputError(() =>
      parseCityInput({ manifest, population, units, facilities }),
    );
    expect(error.code).toBe('E_BAD_CITY_DATA');
    expect(error.message).toContain('5 problem(s)');
    expect(error.message).toContain('population.csv, row 3, column h3: not an H3 index: "zzz"');
    expect(error.message).toContain(
      'population.csv, row 3, column elders60: must be a number ≥ 0, got "-1"',
    );
    expect(error.message).toContain(
      'population.csv, row 4, column residents: must be a number ≥ 0, got "x"',
    );
    expect(error.message).toContain('facilities.geojson, row 1, column geometry');
    expect(error.message).toContain('facilities.geojson, row 1, column type');
  });

  it('names a missing column', async () => {
    const error = await inputError(() =>
      parseCityInput({ manifest, population: 'h3,residents\n', units }),
    );
    expect(error.message).toContain('population.csv, column elders60: missing column');
  });

  it('parses a good folder', () => {
    const city = parseCityInput({
      manifest,
      population: `${header}\n8a3091190087fff,10,2,1,0,4,C1,S1\n`,
      units,
    });
    expect(city.cells).toEqual([
      {
        h3: '8a3091190087fff',
        residents: 10,
        elders60: 2,
        elders65: 1,
        elders80: 0,
        households: 4,
        unit_id: 'C1',
        street_id: 'S1',
      },
    ]);
    expect(city.facilities).toEqual([]);
  });

  it('rejects a folder that is not a city, an unknown profile and a missing option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-analyse-'));
    expect(
      (await inputError(() => verb.run(['--city', dir, '--profile', 'huaihua-2020', '--out', dir])))
        .code,
    ).toBe('E_NO_CITY');
    writeFileSync(join(dir, 'city.json'), manifest);
    expect(
      (await inputError(() => verb.run(['--city', dir, '--profile', 'nope', '--out', dir]))).code,
    ).toBe('E_UNKNOWN_PROFILE');
    expect((await inputError(() => verb.run(['--city', dir, '--out', dir]))).code).toBe(
      'E_MISSING_OPTION',
    );
    expect(
      (
        await inputError(() =>
          verb.run(['--city', dir, '--profile', 'huaihua-2020', '--out', dir, '--travel', 'bus']),
        )
      ).code,
    ).toBe('E_BAD_OPTION');
  });

  it('exits non-zero through the CLI', async () => {
    expect(
      await main([
        'analyse',
        '--city',
        '/nonexistent',
        '--profile',
        'huaihua-2020',
        '--out',
        '/tmp/x',
      ]),
    ).toBe(1);
  });
});
