import { cellToLatLng } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CityInput } from '../../../analysis/coverage/types.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import type { CellLinks } from '../../../analysis/routing/cell-links.ts';
import { type TravelProfile, travelProfile } from '../../../analysis/routing/profiles.ts';
import { facilityReach } from '../../../analysis/routing/reach.ts';
import { citySitingModel, populationLinks } from '../../../analysis/siting/city-siting.ts';
import { CoverageState } from '../../../analysis/siting/coverage-state.ts';
import { updateCoverage } from '../../../analysis/siting/coverage-update.ts';
import { loadHighsSolver } from '../../../analysis/siting/highs-solver.ts';
import { optimiseMclp } from '../../../analysis/siting/optimise.ts';
import { applyScenario } from '../../../analysis/siting/scenario-apply.ts';
import { diffFacilities } from '../../../analysis/siting/scenario-diff.ts';
import { emptyScenario, type SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { resultToScenario } from '../../../analysis/siting/to-scenario.ts';
import { readCityInput } from '../../../scripts/analyse/read-city.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';
import { deepFreeze } from './helpers.ts';

const CITY = 'data/nanjing-xinjiekou';
const THRESHOLDS = [5, 10, 15];

let input: CityInput;
let graph: RoadGraph;
let links: CellLinks;
let profile: TravelProfile;
let baseline: readonly SiteFacility[];

beforeAll(() => {
  input = readCityInput(CITY);
  graph = loadCityGraph(CITY, 'walk');
  links = populationLinks(input, graph);
  profile = travelProfile('walk-elderly', { speedMps: 1.0 });
  baseline = deepFreeze(input.facilities.map((f) => ({ ...f })));
});

function reachOf(sites: readonly SiteFacility[], state: CoverageState, id: string) {
  const site = sites.find((f) => f.id === id);
  if (site === undefined) throw new Error(`no site ${id}`);
  const rows = facilityReach(graph, links, [site], { profile, maxMinutes: 15 }).rows;
  return { cells: state.toCellIndices(rows.map((r) => r.h3)), minutes: rows.map((r) => r.minutes) };
}

/** Coverage from scratch: a fresh state with every site's reach. */
function fullState(sites: readonly SiteFacility[]): CoverageState {
  const state = new CoverageState(
    input.cells.map((c) => c.h3),
    input.cells.map((c) => c.elders60),
    { thresholds: THRESHOLDS },
  );
  for (const f of sites) {
    const reach = reachOf(sites, state, f.id);
    state.addFacility(f.id, reach.cells, reach.minutes);
  }
  return state;
}

describe('scenarios on the demo city (real routing)', () => {
  it('adding a site where elders are uncovered raises coverage; closing one lowers it', () => {
    const before = structuredClone(baseline);
    const state = fullState(baseline);
    const covered5 = state.coveredWeight(0);
    // The most populous cell outside the 5-minute circle.
    const gap = input.cells
      .map((c, i) => ({ c, i }))
      .filter(({ i }) => state.bestMinutes(i) > 5)
      .sort((a, b) => b.c.elders60 - a.c.elders60)[0];
    const [lat, lon] = cellToLatLng(gap.c.h3);
    const scenario = {
      ...emptyScenario({ city: CITY, profile: 'haining-2024' }),
      modifications: [
        {
          kind: 'add-site' as const,
          id: 'NEW1',
          name: '新增睦邻点',
          type: 'neighbourhood_point' as const,
          lon,
          lat,
          floorAreaM2: 60,
          beds: 0,
          floorLevel: 1,
        },
      ],
    };
    const added = applyScenario(baseline, scenario);
    const routed = updateCoverage(state, diffFacilities(baseline, added), (id) =>
      reachOf(added, state, id),
    );
    expect(routed).toEqual(['NEW1']);
    expect(state.coveredWeight(0)).toBeGreaterThan(covered5);
    expect(state.coveredWeight(0)).toBeCloseTo(fullState(added).coveredWeight(0), 6);

    // A site some elders depend on alone (overlapping circles make most closures free).
    const probe = fullState(added);
    const sole = baseline.find((f) => {
      const reach = reachOf(added, probe, f.id);
      const lost = Array.from(reach.cells).some(
        (cell, k) =>
          cell >= 0 &&
          reach.minutes[k] <= 5 &&
          probe.countWithin(cell, 0) === 1 &&
          input.cells[cell].elders60 > 0,
      );
      return lost;
    });
    if (sole === undefined) throw new Error('every demo site overlaps another: pick another test');
    const closeScenario = {
      ...scenario,
      modifications: [...scenario.modifications, { kind: 'close-site' as const, id: sole.id }],
    };
    const closed = applyScenario(baseline, closeScenario);
    updateCoverage(state, diffFacilities(added, closed), (id) => reachOf(closed, state, id));
    const reference = fullState(closed);
    THRESHOLDS.forEach((_, t) => {
      expect(state.coveredWeight(t)).toBeCloseTo(reference.coveredWeight(t), 6);
    });
    expect(state.coveredWeight(0)).toBeLessThan(fullState(added).coveredWeight(0));
    expect(baseline).toEqual(before);
  });

  it('an optimised scenario covers exactly the elders the optimiser promised', async () => {
    const solver = await loadHighsSolver();
    const candidates = input.cells
      .filter((_, i) => i % 7 === 0)
      .map((c) => {
        const [lat, lon] = cellToLatLng(c.h3);
        return { id: `G${c.h3}`, lon, lat, floorAreaM2: 80 };
      });
    const model = citySitingModel(input, graph, candidates, { profile, minutes: 5, links });
    const result = optimiseMclp(model, 3, { solver });
    expect(result.method).toBe('milp');
    expect(result.chosen).toHaveLength(3);
    const scenario = resultToScenario(result, model.candidates, {
      city: CITY,
      profile: 'haining-2024',
    });
    const after = applyScenario(baseline, scenario);
    const gained = fullState(after).coveredWeight(0) - fullState(baseline).coveredWeight(0);
    expect(gained).toBeCloseTo(result.newlyCoveredWeight, 6);
    expect(result.newlyCoveredWeight).toBeGreaterThan(0);
  });
});
