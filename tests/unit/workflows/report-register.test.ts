import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../../analysis/city/city-source.ts';
import { openCity } from '../../../analysis/city/open-city.ts';
import { reportCityInfo } from '../../../analysis/workflows/report-input.ts';

const DEMO = 'data/nanjing-xinjiekou';
const demoFiles = readdirSync(DEMO)
  .filter((name) => !name.endsWith('.bin'))
  .map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(DEMO, path))) }));

const register = {
  fileName: '设施名册.xlsx',
  accepted: 34,
  rejected: 12,
  crsFrom: 'gcj02',
  outsideStudyArea: 12,
};

describe('the report names the register the folder holds', () => {
  it('reads register.json written by the import verb', async () => {
    const files = [...demoFiles, { path: 'register.json', bytes: JSON.stringify(register) }];
    const info = await reportCityInfo(await openCity(memorySource(files)));
    expect(info.register).toEqual(register);
    // The demo's illustrative register was replaced: only the imported rows could say so.
    expect(info.facilitiesIllustrative).toBe(true); // the demo's own rows still carry the flag
    const plain = demoFiles.map((f) =>
      f.path === 'facilities.geojson'
        ? {
            path: f.path,
            bytes: new TextDecoder()
              .decode(f.bytes)
              .replaceAll('"illustrative":true', '"illustrative":false'),
          }
        : f,
    );
    const replaced = [...plain, { path: 'register.json', bytes: JSON.stringify(register) }];
    expect(
      (await reportCityInfo(await openCity(memorySource(replaced)))).facilitiesIllustrative,
    ).toBe(false);
    expect((await reportCityInfo(await openCity(memorySource(plain)))).facilitiesIllustrative).toBe(
      true,
    );
  });

  it("has no register entry for the folder's own, and the page's own wins over the folder", async () => {
    expect(
      (await reportCityInfo(await openCity(memorySource(demoFiles)))).register,
    ).toBeUndefined();
    const files = [...demoFiles, { path: 'register.json', bytes: JSON.stringify(register) }];
    const city = await openCity(memorySource(files), {
      overrides: { facilities: '{"type":"FeatureCollection","features":[]}' },
    });
    expect((await reportCityInfo(city)).register).toBeUndefined();
    const own = { ...register, fileName: 'mine.csv', crsFrom: 'wgs84' as const };
    expect((await reportCityInfo(city, own)).register).toEqual(own);
  });

  it('refuses a register.json that does not say what it should', async () => {
    const files = [...demoFiles, { path: 'register.json', bytes: '{"fileName":"x.csv"}' }];
    await expect(reportCityInfo(await openCity(memorySource(files)))).rejects.toMatchObject({
      code: 'E_BAD_CITY',
    });
  });
});
