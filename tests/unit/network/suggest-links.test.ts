import { gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestLinks } from '../../../analysis/siting/suggest-links.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { analyseScenario } from '../../../analysis/workflows/analyse-scenario.ts';
import { LiveSession } from '../../../analysis/workflows/live-session.ts';
import { readCityInput } from '../../../scripts/analyse/read-city.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';
import { handCity } from './hand-city.ts';

const CITY = 'data/nanjing-xinjiekou';

let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

/**
 * The wall city with chosen cells: site at node 0 (cell c0), node 2 in the ring next to c0
 * (≈114 m straight) but 500 m round by 0 —250— 1 —250— 2, node 3 hanging 100 m off node 2.
 */
function wallCity() {
  const c0 = latLngToCell(32.04, 118.78, 10);
  const ring1 = gridDisk(c0, 1)
    .filter((c) => c !== c0)
    .sort();
  const ring2 = gridDisk(c0, 2)
    .filter((c) => gridDistance(c0, c) === 2)
    .sort();
  const c2 = ring1[0];
  const [c1, c3] = ring2.filter((c) => gridDistance(c2, c) > 1);
  const city = handCity(
    [c0, c1, c2, c3],
    [
      [0, 1, 250],
      [1, 2, 250],
      [2, 3, 100],
    ],
    [10, 20, 40, 80],
  );
  city.input.facilities = [city.site('S', 0)];
  return city;
}

describe('suggest-links', () => {
  it('hand-made wall: the best link brings nodes 2 and 3 within 5 minutes (+40 + 80 elders)', () => {
    const city = wallCity();
    const result = suggestLinks(
      city.input,
      city.graph,
      { modifications: [] },
      {
        minutes: 5,
        maxLengthM: 120,
        count: 3,
      },
    );
    expect(result.coveredBefore).toBe(30);
    expect(result.links[0].gainElders).toBe(120);
    expect(result.coveredAfter).toBe(150);
    // Everything is covered after one link: nothing more to gain, and the bound says so.
    expect(result.links).toHaveLength(1);
    expect(result.upperBoundGain).toBe(120);
    const session = new LiveSession(city.input, city.graph, undefined, [5], 1.0);
    expect(session.evaluate({ modifications: result.modifications }).covered[0]).toBe(150);
  });

  it('on the demo, each suggested gain is what adding the link and recomputing gives', async () => {
    const input = readCityInput(CITY);
    const graph = loadCityGraph(CITY, 'walk');
    const result = suggestLinks(
      input,
      graph,
      { modifications: [] },
      {
        minutes: 5,
        maxLengthM: 60,
        count: 3,
        minDetourM: 0,
      },
    );
    expect(result.links.length).toBeGreaterThan(0);
    expect(result.links[0].gainElders).toBeGreaterThan(0);
    for (const link of result.links) expect(link.lengthM).toBeLessThanOrEqual(60);
    expect(result.upperBoundGain).toBeGreaterThanOrEqual(
      result.coveredAfter - result.coveredBefore,
    );
    const session = new LiveSession(input, graph, undefined, [5, 10, 15], 1.0);
    const base = session.evaluate({ modifications: [] }).covered[0];
    expect(base).toBeCloseTo(result.coveredBefore, 6);
    let before = base;
    result.modifications.forEach((_, k) => {
      const after = session.evaluate({ modifications: result.modifications.slice(0, k + 1) })
        .covered[0];
      expect(after - before).toBeCloseTo(result.links[k].gainElders, 6);
      before = after;
    });
    // The full analysis path agrees with the top suggestion.
    const context = {
      input,
      graph: async () => graph,
      networks: ['walk' as const],
      runner,
      profile: builtInProfile('huaihua-2020'),
    };
    const top = { modifications: result.modifications.slice(0, 1) };
    const analysis = await analyseScenario(context, top, { skipCells: true });
    const row = analysis.result.coverage.find(
      (c) =>
        c.scope === 'city' && c.kind === 'all' && c.minutes === 5 && c.profile === 'walk-elderly',
    );
    expect(row?.elders60Covered).toBeCloseTo(result.coveredBefore + result.links[0].gainElders, 6);
  });
});
