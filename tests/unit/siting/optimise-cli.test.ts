import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import { validateScenario } from '../../../analysis/siting/scenario-validate.ts';
import { verb } from '../../../scripts/verbs/optimise.ts';

const dir = mkdtempSync(join(tmpdir(), 'carecircle-optimise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const city = 'data/nanjing-xinjiekou';

describe('carecircle optimise', () => {
  it('writes chosen sites, coverage, bound, method and a valid scenario', async () => {
    const out = join(dir, 'mclp.json');
    const code = await verb.run([
      '--city',
      city,
      '--profile',
      'haining-2024',
      '--minutes',
      '5',
      '--new-sites',
      '3',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.result).toMatchObject({
      problem: 'mclp',
      method: 'milp',
      status: 'optimal',
      gap: 0,
    });
    expect(result.result.chosen).toHaveLength(3);
    expect(result.result.newlyCoveredWeight).toBeGreaterThan(0);
    expect(result.result.bound).toBeCloseTo(result.result.objective, 6);
    expect(result.minFloorAreaM2).toBe(30); // haining-2024: 睦邻点 ≥ 30 m²
    expect(result.chosenSites.map((s: { id: string }) => s.id)).toEqual(result.result.chosen);
    const facilities = JSON.parse(
      readFileSync(join(city, 'facilities.geojson'), 'utf8'),
    ).features.map((f: { properties: { id: string } }) => ({ id: f.properties.id }));
    expect(validateScenario(result.scenario, facilities)).toEqual([]);
    expect(result.scenario.modifications).toHaveLength(3);
  });

  it('finds the fewest sites for a coverage target', async () => {
    const out = join(dir, 'lscp.json');
    const code = await verb.run([
      '--city',
      city,
      '--profile',
      'haining-2024',
      '--minutes',
      '5',
      '--target',
      '0.7',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const { result } = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.problem).toBe('lscp');
    expect(result.coveredShareAfter).toBeGreaterThanOrEqual(0.7);
    expect(result.objective).toBe(result.chosen.length);
  });

  it('rejects contradictory or bad options as input errors', async () => {
    const base = ['--city', city, '--profile', 'haining-2024', '--out', join(dir, 'x.json')];
    for (const extra of [
      [],
      ['--new-sites', '2', '--target', '0.5'],
      ['--new-sites', '2', '--type', 'palace'],
      ['--new-sites', '2', '--minutes', 'abc'],
    ]) {
      const error = await verb.run([...base, ...extra]).catch((e: unknown) => e);
      expect(isInputError(error), extra.join(' ')).toBe(true);
    }
  });
});
