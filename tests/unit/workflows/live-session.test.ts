import { readFileSync } from 'node:fs';
import { cellToLatLng } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { parseCityInput } from '../../../analysis/city/parse-city.ts';
import { decodeGraph } from '../../../analysis/graph/binary.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { facilityReach } from '../../../analysis/routing/reach.ts';
import { populationLinks } from '../../../analysis/siting/city-siting.ts';
import {
  appendModification,
  emptyScenario,
  type Scenario,
  undoLastModification,
} from '../../../analysis/siting/scenario-types.ts';
import { LiveSession } from '../../../analysis/workflows/live-session.ts';

const dir = 'data/nanjing-xinjiekou';
const read = (name: string) => readFileSync(`${dir}/${name}`, 'utf8');

function openDemo() {
  const input = parseCityInput({
    manifest: read('city.json'),
    population: read('population.csv'),
    units: read('units.geojson'),
    facilities: read('facilities.geojson'),
  });
  const bytes = new Uint8Array(readFileSync(`${dir}/graph-walk.bin`));
  const graph = decodeGraph(bytes, 'graph-walk.bin');
  const links = populationLinks(input, graph);
  return { input, graph, links, session: new LiveSession(input, graph, links, [5, 10, 15], 1.0) };
}

describe('LiveSession (demo city)', () => {
  const { input, session, graph, links } = openDemo();
  const baselineJson = JSON.stringify(input.facilities);
  const base = session.numbers();
  const start: Scenario = emptyScenario({ city: 'demo', profile: 'huaihua-2020' });
  // The centre of the most populous cell not reached within 5 minutes.
  const reached = new Set(
    facilityReach(graph, links, input.facilities, {
      profile: travelProfile('walk-elderly', { speedMps: 1 }),
      maxMinutes: 5,
    }).rows.map((r) => r.h3),
  );
  const target = input.cells
    .filter((c) => !reached.has(c.h3))
    .sort((a, b) => b.elders60 - a.elders60)[0];
  const [lat, lon] = cellToLatLng(target.h3);
  const add = appendModification(start, {
    kind: 'add-site',
    id: 'N1',
    name: 'new',
    type: 'neighbourhood_point',
    lon,
    lat,
    floorAreaM2: 60,
    beds: 0,
    floorLevel: 1,
  });

  it('adding a site raises covered elders and routes only that site', () => {
    const r = session.evaluate(add);
    expect(r.routed).toBe(1);
    expect(r.covered[0]).toBeGreaterThan(base.covered[0]);
    expect(r.changedCells.length).toBeGreaterThan(0);
    expect(r.facilities).toBe(base.facilities + 1);
  });

  it('closing a site never raises coverage and lowers it for some site', () => {
    let lowered = 0;
    for (const f of input.facilities) {
      session.evaluate(start);
      const r = session.evaluate(appendModification(start, { kind: 'close-site', id: f.id }));
      expect(r.routed).toBe(0);
      for (const [t, c] of r.covered.entries()) expect(c).toBeLessThanOrEqual(base.covered[t]);
      if (r.covered[2] < base.covered[2]) lowered++;
    }
    expect(lowered).toBeGreaterThan(0);
  });

  it('undo restores the numbers exactly', () => {
    const closed = appendModification(add, { kind: 'close-site', id: input.facilities[0].id });
    const withSite = session.evaluate(add);
    session.evaluate(closed);
    const undone = session.evaluate(undoLastModification(closed));
    expect(undone.covered).toEqual(withSite.covered);
    const back = session.evaluate(start);
    expect(back.covered).toEqual(base.covered);
    expect(back.changedCells).toEqual([]);
  });

  it('a slower walking speed lowers coverage; the baseline register is untouched', () => {
    const slow = appendModification(start, { kind: 'set-walking-speed', mps: 0.8 });
    const r = session.evaluate(slow);
    expect(r.walkingSpeedMps).toBe(0.8);
    expect(r.covered[0]).toBeLessThan(base.covered[0]);
    expect(session.evaluate(start).covered).toEqual(base.covered);
    expect(JSON.stringify(input.facilities)).toBe(baselineJson);
  });
});
