import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import { validateScenario } from '../../../analysis/siting/scenario-validate.ts';
import { readCityInput } from '../../../scripts/analyse/read-city.ts';
import { verb } from '../../../scripts/verbs/suggest-links.ts';

const dir = mkdtempSync(join(tmpdir(), 'carecircle-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const city = 'data/nanjing-xinjiekou';

describe('carecircle suggest-links', () => {
  it('writes links with ends, lengths and gains, and a valid scenario adding them', async () => {
    const out = join(dir, 'links.json');
    const code = await verb.run([
      '--city',
      city,
      '--minutes',
      '5',
      '--max-length',
      '60',
      '--count',
      '10',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.links.length).toBeGreaterThan(0);
    for (const link of result.links) {
      expect(link.from).toHaveLength(2);
      expect(link.to).toHaveLength(2);
      expect(link.lengthM).toBeLessThanOrEqual(60);
      expect(link.gainElders).toBeGreaterThan(0);
    }
    expect(result.coveredAfter - result.coveredBefore).toBe(
      result.links.reduce((s: number, l: { gainElders: number }) => s + l.gainElders, 0),
    );
    expect(result.scenario.version).toBe(2);
    expect(result.scenario.modifications).toHaveLength(result.links.length);
    expect(validateScenario(result.scenario, readCityInput(city).facilities)).toEqual([]);

    // The output is a scenario a second run can start from: nothing left to add then.
    const again = join(dir, 'again.json');
    writeFileSync(join(dir, 'start.json'), JSON.stringify(result));
    await verb.run([
      '--city',
      city,
      '--scenario',
      join(dir, 'start.json'),
      '--count',
      '1',
      '--out',
      again,
    ]);
    const second = JSON.parse(readFileSync(again, 'utf8'));
    expect(second.coveredBefore).toBe(result.coveredAfter);
  });

  it('refuses a bad option with a stable code', async () => {
    const run = verb.run(['--city', city, '--count', '2.5', '--out', join(dir, 'x.json')]);
    await expect(run).rejects.toSatisfy(
      (e: unknown) => isInputError(e) && e.code === 'E_BAD_OPTION',
    );
  });
});
