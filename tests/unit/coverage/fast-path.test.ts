import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisResult, analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import { cityCells } from '../../../analysis/coverage/city-cells.ts';
import { neighbourComponents } from '../../../analysis/coverage/clusters.ts';
import { reachTableFromRows } from '../../../analysis/coverage/load-tables.ts';
import { graphReachSource } from '../../../analysis/coverage/routing-reach.ts';
import type { CityInput, ReachSource } from '../../../analysis/coverage/types.ts';
import { seededUnit, syntheticGrid } from '../../../analysis/graph/synthetic-grid.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import { cellLinks } from '../../../analysis/routing/cell-links.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { facilityReach } from '../../../analysis/routing/reach.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { TRAVEL_PROFILES } from '../../../analysis/standards/types.ts';
import { readCityGraphs, readCityInput } from '../../../scripts/analyse/read-city.ts';
import { syntheticMetro } from '../../../scripts/analyse/synthetic-metro.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';

/**
 * The fast path (typed-array reach, per-facility rows only up to the 2SFCA/detour limit, nearest
 * minutes from one multi-source search per facility type) must give the numbers of the
 * reference path: every facility's reach up to the largest minutes as H3-keyed rows, nearest
 * minutes derived from them in SQL (what analyseCity did before the performance work).
 */
function referenceReach(
  input: CityInput,
  graphs: Partial<Record<NetworkProfile, RoadGraph>>,
): ReachSource {
  return (request) => {
    const profile = travelProfile(
      request.profile,
      request.profile === 'walk-elderly' ? { speedMps: request.walkingSpeedMps } : {},
    );
    const graph = graphs[profile.network] as RoadGraph;
    const links = cellLinks(graph, {
      resolution: input.h3Resolution,
      cells: input.cells.map((c) => c.h3),
    });
    const { rows } = facilityReach(graph, links, input.facilities, {
      profile,
      maxMinutes: request.maxMinutes,
    });
    return reachTableFromRows(rows);
  };
}

/** Deep equality with a relative tolerance on numbers (SQL sums may add in another order). */
function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > 1e-9 * scale) expect(actual, path).toBe(expected);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    expect(actual, path).toEqual(expected);
    return;
  }
  expect(typeof actual, path).toBe('object');
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort());
  for (const key of Object.keys(e)) expectClose(a[key], e[key], `${path}.${key}`);
}

let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

async function both(
  input: CityInput,
  graphs: Partial<Record<NetworkProfile, RoadGraph>>,
  profileId: string,
  travelProfiles: (typeof TRAVEL_PROFILES)[number][],
): Promise<[AnalysisResult, AnalysisResult]> {
  const profile = builtInProfile(profileId);
  // Only the networks the test gives are routed (as analyseScenario tells the engine).
  const networks = TRAVEL_PROFILES.filter((t) => graphs[travelProfile(t).network] !== undefined);
  const fast = await analyseCity(input, runner, {
    networks,
    profile,
    reach: graphReachSource(input, graphs).reach,
    travelProfiles,
  });
  const reference = await analyseCity(input, runner, {
    networks,
    profile,
    reach: referenceReach(input, graphs),
    travelProfiles,
  });
  return [fast, reference];
}

describe('fast analysis path against the per-facility reference', () => {
  it('gives the same summary, units, cells and coverage on the demo (all travel profiles)', async () => {
    const city = 'data/nanjing-xinjiekou';
    const input = readCityInput(city);
    const graphs = readCityGraphs(city, ['walk', 'ebike', 'drive']);
    const [fast, reference] = await both(input, graphs, 'haining-2024', [...TRAVEL_PROFILES]);
    expect(fast.cells.some((c) => c.minutesNearest !== null)).toBe(true);
    expectClose(fast, reference);
  });

  it('gives the same results on a small synthetic metro with uncovered clusters', async () => {
    const grid = syntheticGrid({ rows: 90, cols: 90 });
    const metro = syntheticMetro(grid, 25, 10);
    const [fast, reference] = await both(metro, { walk: grid }, 'huaihua-2020', ['walk-elderly']);
    expect(fast.summary.clusters.total).toBeGreaterThan(1);
    expect(fast.summary.sfca.facilities.some((f) => f.demand > 0)).toBe(true);
    expectClose(fast, reference);
  });
});

describe('uncovered-cell adjacency', () => {
  it('groups cells identically through local IJ and through gridDisk', () => {
    const grid = syntheticGrid({ rows: 60, cols: 60 });
    const metro = syntheticMetro(grid, 1, 11);
    const city = cityCells(metro.cells);
    // A random half of the cells: many components of every size.
    const picked = metro.cells.flatMap((_, i) => (seededUnit(i, 42) < 0.5 ? [i] : []));
    const cells = Int32Array.from(picked);
    const viaIj = neighbourComponents(city, cells, 'local-ij');
    const viaDisk = neighbourComponents(city, cells, 'grid-disk');
    const label = (find: (i: number) => number) => {
      const first = new Map<number, number>();
      return picked.map((_, i) => {
        const root = find(i);
        if (!first.has(root)) first.set(root, i);
        return first.get(root);
      });
    };
    const components = new Set(label(viaIj)).size;
    expect(components).toBeGreaterThan(10);
    expect(components).toBeLessThan(picked.length);
    expect(label(viaIj)).toEqual(label(viaDisk));
  });
});
