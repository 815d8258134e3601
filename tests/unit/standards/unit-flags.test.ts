import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitProperties } from '../../../analysis/city/types.ts';
import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import type { CityInput, Finding } from '../../../analysis/coverage/types.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { miniCity, miniReach } from '../../fixtures/coverage/mini-city.ts';

/**
 * Per-unit flags of the unit file change findings. The mini city (tests/fixtures/coverage):
 * C1 holds cells a, b, e (residents 100 + 200 + 30, elders60 20 + 30 + 5) and both facilities
 * (F1 1,200 m², F2 150 m²); C2 holds c, d, f (residents 50 + 150 + 20, elders60 10 + 40 + 5).
 * Reach: a, b, e and c within 15 minutes; d at 25 minutes; f never.
 */
const huaihua = builtInProfile('huaihua-2020');

let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

function withFlags(flags: Record<string, Partial<UnitProperties>>): CityInput {
  const city = miniCity();
  city.units = city.units.map((u) => ({ ...u, ...flags[u.id] }));
  return city;
}

async function cityFinding(city: CityInput, ruleId: string): Promise<Finding | undefined> {
  const result = await analyseCity(city, runner, { profile: huaihua, reach: miniReach });
  return result.summary.findings.find((f) => f.rule === ruleId && f.scope === 'city');
}

describe('newResidential: Huaihua 人均不少于0.1平方米 binds on new residential areas only', () => {
  it('without the flag the figure is a benchmark over the whole city, and passes', async () => {
    // 1,350 m² / 550 residents = 2.4545 m² per resident ≥ 0.1.
    const f = await cityFinding(miniCity(), 'hh-area-per-resident');
    expect(f).toMatchObject({ status: 'pass', binding: false, shortfall: 0 });
    expect(f?.value).toBeCloseTo(1350 / 550, 6);
  });

  it('with C2 flagged new it binds on C2 alone: no facility there, so it fails', async () => {
    // Demand 220 residents of C2, area 0 → value 0, shortfall 0.1 × 220 = 22 m².
    const f = await cityFinding(
      withFlags({ C2: { newResidential: true } }),
      'hh-area-per-resident',
    );
    expect(f).toMatchObject({ status: 'fail', binding: true, value: 0 });
    expect(f?.shortfall).toBeCloseTo(22, 6);
  });

  it('with C1 flagged new it binds on C1, which holds both facilities, and passes', async () => {
    // 1,350 m² / 330 residents = 4.0909 m² per resident.
    const f = await cityFinding(
      withFlags({ C1: { newResidential: true } }),
      'hh-area-per-resident',
    );
    expect(f).toMatchObject({ status: 'pass', binding: true });
    expect(f?.value).toBeCloseTo(1350 / 330, 6);
  });
});

describe('areaType: urban rules evaluate urban units, rural rules rural units', () => {
  it('all urban: the urban 15-minute circle fails and the rural 30-minute one is not evaluable', async () => {
    // 15 minutes: a, b, e, c covered = 65 of 110 elders.
    const urban = await cityFinding(miniCity(), 'hh-urban-15min');
    expect(urban).toMatchObject({ status: 'fail' });
    expect(urban?.value).toBeCloseTo(65 / 110, 6);
    const rural = await cityFinding(miniCity(), 'hh-rural-30min');
    expect(rural).toMatchObject({ status: 'not_evaluable', value: null });
  });

  it('C2 rural: the urban circle covers all 55 urban elders; the rural one 50 of 55', async () => {
    const city = withFlags({ C2: { areaType: 'rural' } });
    const urban = await cityFinding(city, 'hh-urban-15min');
    expect(urban).toMatchObject({ status: 'pass', value: 1, shortfall: 0 });
    // 30 minutes in C2: c (12) and d (25) covered, f never: (10 + 40) / 55; benchmark (未写比例).
    const rural = await cityFinding(city, 'hh-rural-30min');
    expect(rural).toMatchObject({ status: 'fail', binding: false });
    expect(rural?.value).toBeCloseTo(50 / 55, 6);
    expect(rural?.shortfall).toBeCloseTo(5, 6);
  });
});
