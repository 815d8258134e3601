import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import type { NetworkProfile } from '../../../analysis/graph/types.ts';
import { appendModification, emptyScenario } from '../../../analysis/siting/scenario-types.ts';
import { LiveSession } from '../../../analysis/workflows/live-session.ts';
import { readCityInput } from '../../../scripts/analyse/read-city.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';

/** A travel-profile change in the live session (reroutes every site on that network). */
const CITY = 'data/nanjing-xinjiekou';

describe('LiveSession travel profile', () => {
  const input = readCityInput(CITY);
  const graphs = {
    walk: loadCityGraph(CITY, 'walk'),
    ebike: loadCityGraph(CITY, 'ebike'),
  } as Partial<Record<NetworkProfile, ReturnType<typeof loadCityGraph>>>;
  const walk = graphs.walk;
  if (walk === undefined) throw new Error('no walk graph');
  const start = emptyScenario({ city: 'demo', profile: 'huaihua-2020' });

  it('ebike covers more elders in 5 minutes; switching back restores the walking numbers', () => {
    const session = new LiveSession(input, walk, undefined, [5, 10], 1.0, (n) => graphs[n]);
    const base = session.numbers().covered;
    const ebike = appendModification(start, { kind: 'set-travel-profile', travel: 'ebike' });
    const riding = session.evaluate(ebike);
    expect(riding.travelProfile).toBe('ebike');
    expect(riding.routed).toBe(input.facilities.length);
    expect(riding.covered[0]).toBeGreaterThan(base[0]);
    expect(riding.changedCells.length).toBeGreaterThan(0);
    const back = session.evaluate(start);
    expect(back.travelProfile).toBe('walk-elderly');
    expect(back.covered).toEqual(base);
    expect(back.changedCells).toEqual([]);
  });

  it('a network that is not loaded is the user error E_NO_GRAPH', () => {
    const session = new LiveSession(input, walk, undefined, [5], 1.0);
    const drive = appendModification(start, { kind: 'set-travel-profile', travel: 'drive' });
    let caught: unknown;
    try {
      session.evaluate(drive);
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught) && caught.code).toBe('E_NO_GRAPH');
  });
});
