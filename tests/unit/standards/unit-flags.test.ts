import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCityInput } from '../../../analysis/city/parse-city.ts';
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

/** The mini city written out as a city folder's texts, its unit file carrying `flags`. */
function cityTexts(flags: Record<string, Record<string, unknown>>) {
  const city = miniCity();
  const header = 'h3,residents,elders60,elders65,elders80,households,unit_id,street_id';
  const rows = city.cells.map((c) =>
    [
      c.h3,
      c.residents,
      c.elders60,
      c.elders65,
      c.elders80,
      c.households,
      c.unit_id,
      c.street_id,
    ].join(','),
  );
  const collection = (features: unknown[]) =>
    JSON.stringify({ type: 'FeatureCollection', features });
  return {
    manifest: JSON.stringify({ name: 'mini', h3Resolution: city.h3Resolution }),
    population: [header, ...rows].join('\n'),
    units: collection(
      city.units.map((u) => ({
        type: 'Feature',
        geometry: null,
        properties: {
          id: u.id,
          name: u.name,
          level: u.level,
          parentId: u.parentId,
          ...flags[u.id],
        },
      })),
    ),
    facilities: collection(
      city.facilities.map(({ lon, lat, ...p }) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: p,
      })),
    ),
  };
}

describe('a unit file with a rural, new residential unit', () => {
  it('changes exactly the findings the flags speak of (hand-computed)', async () => {
    const statuses = async (flags: Record<string, Record<string, unknown>>) => {
      const city = parseCityInput(cityTexts(flags));
      const result = await analyseCity(city, runner, { profile: huaihua, reach: miniReach });
      return new Map(
        result.summary.findings
          .filter((f) => f.scope === 'city')
          .map((f) => [f.rule, `${f.status}${f.binding ? '' : ' (benchmark)'}`]),
      );
    };
    const plain = await statuses({});
    const flagged = await statuses({ C2: { areaType: 'rural', newResidential: true } });
    const changed = [...plain.keys()]
      .filter((rule) => plain.get(rule) !== flagged.get(rule))
      .map((rule) => `${rule}: ${plain.get(rule)} -> ${flagged.get(rule)}`);
    expect(changed).toEqual([
      // C1 (both sites) 1 of 2 urban communities served -> the only urban one, served.
      'hh-urban-services-100: fail -> pass',
      // 65 of 110 elders within 15 minutes -> 55 of 55 urban elders.
      'hh-urban-15min: fail -> pass',
      // The mini city has no steps: wheelchair users reach what the elderly walk reaches.
      'hh-urban-15min-wheelchair: fail (benchmark) -> pass (benchmark)',
      // No rural unit -> c and d of C2 within 30 minutes, f not: 50 of 55.
      'hh-rural-30min: not_evaluable (benchmark) -> fail (benchmark)',
      // 1,350 m² / 550 residents as a benchmark -> 0 m² for C2's 220 residents, binding.
      'hh-area-per-resident: pass (benchmark) -> fail',
      // 300 m of F1/F2 cover a, b, e only: C2's elders uncovered, now binding.
      'hh-radius-300-straight: fail (benchmark) -> fail',
      'hh-radius-300-network: fail (benchmark) -> fail',
    ]);
  });
});
