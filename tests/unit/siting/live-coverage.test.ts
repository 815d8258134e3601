import { beforeAll, describe, expect, it } from 'vitest';
import { cityCells } from '../../../analysis/coverage/city-cells.ts';
import type { CityInput } from '../../../analysis/coverage/types.ts';
import { seededUnit } from '../../../analysis/graph/synthetic-grid.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { nearestFacility } from '../../../analysis/routing/reach.ts';
import {
  type LiveCoverage,
  type LiveSite,
  liveCoverage,
} from '../../../analysis/siting/live-coverage.ts';
import { readCityInput } from '../../../scripts/analyse/read-city.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';

const CITY = 'data/nanjing-xinjiekou';
const THRESHOLDS = [5, 10, 15];

let input: CityInput;
let graph: RoadGraph;

beforeAll(() => {
  input = readCityInput(CITY);
  graph = loadCityGraph(CITY, 'walk');
});

/** Elders per threshold from one multi-source nearest-facility search (independent path). */
function coveredFromScratch(sites: readonly LiveSite[]): number[] {
  const live = liveCoverage(input, graph, { thresholds: THRESHOLDS });
  const links = live.links;
  const { cells } = nearestFacility(graph, links, sites, {
    profile: travelProfile('walk-elderly'),
    maxMinutes: THRESHOLDS.at(-1) ?? 0,
  });
  const elders = new Map(input.cells.map((c) => [c.h3, c.elders60]));
  return THRESHOLDS.map((t) =>
    cells.reduce((sum, c) => sum + (c.minutes <= t ? (elders.get(c.h3) ?? 0) : 0), 0),
  );
}

function bestMinutes(live: LiveCoverage): number[] {
  return Array.from(live.state.bestMinutesView());
}

describe('live coverage', () => {
  it('matches an independent multi-source search for the baseline', () => {
    const live = liveCoverage(input, graph, { thresholds: THRESHOLDS });
    const covered = live.numbers().covered;
    const expected = coveredFromScratch(input.facilities);
    covered.forEach((c, t) => {
      expect(c).toBeCloseTo(expected[t], 6);
    });
    expect(covered[2]).toBeGreaterThan(covered[0]);
  });

  it('after random adds, moves and closes equals a session built from the final register', () => {
    const live = liveCoverage(input, graph, { thresholds: THRESHOLDS });
    const sites = new Map<string, LiveSite>(input.facilities.map((f) => [f.id, { ...f }]));
    const centres = cityCells(input.cells).centres();
    const at = (k: number) => {
      const c = Math.floor(seededUnit(k, 17) * input.cells.length);
      return { lon: centres.lon[c], lat: centres.lat[c] };
    };
    for (let k = 0; k < 60; k++) {
      const ids = [...sites.keys()];
      const id = ids[Math.floor(seededUnit(k, 18) * ids.length)];
      if (k % 3 === 0) {
        const site = { id: `N${k}`, ...at(k) };
        live.addSite(site);
        sites.set(site.id, site);
      } else if (k % 3 === 1) {
        const to = at(k + 1000);
        live.moveSite(id, to.lon, to.lat);
        sites.set(id, { id, ...to });
      } else {
        expect(live.closeSite(id)).toBe(true);
        sites.delete(id);
      }
    }
    const fresh = liveCoverage({ ...input, facilities: input.facilities.slice(0, 0) }, graph, {
      thresholds: THRESHOLDS,
      links: live.links,
    });
    for (const site of sites.values()) fresh.addSite(site);
    expect(bestMinutes(live)).toEqual(bestMinutes(fresh));
    const covered = live.numbers().covered;
    fresh.numbers().covered.forEach((c, t) => {
      expect(covered[t]).toBeCloseTo(c, 6);
    });
    const expected = coveredFromScratch([...sites.values()]);
    covered.forEach((c, t) => {
      expect(c).toBeCloseTo(expected[t], 6);
    });
  });

  it('closing every site leaves nothing covered; a site off the network covers nothing', () => {
    const live = liveCoverage(input, graph, { thresholds: THRESHOLDS });
    for (const f of input.facilities) live.closeSite(f.id);
    expect(live.numbers().covered).toEqual([0, 0, 0]);
    live.addSite({ id: 'far', lon: 0, lat: 0 });
    expect(live.numbers().covered).toEqual([0, 0, 0]);
    expect(live.has('far')).toBe(true);
  });
});
