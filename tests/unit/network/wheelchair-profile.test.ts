import { describe, expect, it } from 'vitest';
import { stepDependency } from '../../../analysis/coverage/step-dependency.ts';
import { isStepFreeGraph, stepFreeGraph } from '../../../analysis/graph/step-free.ts';
import { highwayCode } from '../../../analysis/graph/types.ts';
import { travelProfile, travelProfileAt } from '../../../analysis/routing/profiles.ts';
import { LiveCoverage } from '../../../analysis/siting/live-coverage.ts';
import { LiveSession } from '../../../analysis/workflows/live-session.ts';
import { handCells, handCity } from './hand-city.ts';

const STEPS = highwayCode('steps');

/** Site at 0; 0 —100— 1 —100(steps)— 2 —50— 3, and a ramp 1 —500— 3 (as step-free.test.ts). */
function stairs() {
  const city = handCity(
    handCells(4),
    [
      [0, 1, 100],
      [1, 2, 100, STEPS],
      [2, 3, 50],
      [1, 3, 500],
    ],
    [10, 20, 40, 80],
  );
  city.input.facilities = [city.site('S', 0)];
  return city;
}

const seconds = (live: LiveCoverage) =>
  Array.from(live.state.bestMinutesView(), (m) => Math.round(m * 60));

describe('the wheelchair travel profile', () => {
  it('walks at the elderly speed on the walk graph without steps', () => {
    const profile = travelProfileAt('wheelchair', 0.8);
    expect(profile).toMatchObject({ network: 'walk', stepFree: true, walkSpeedMps: 0.8 });
    expect(travelProfile('walk-elderly').stepFree).toBe(false);
  });

  it('its graph keeps every node and loses the steps (made once)', () => {
    const { graph } = stairs();
    const free = stepFreeGraph(graph);
    expect(free.nodeCount).toBe(graph.nodeCount);
    expect(free.edgeCount).toBe(graph.edgeCount - 2);
    expect([...free.highway].includes(STEPS)).toBe(false);
    expect(stepFreeGraph(graph)).toBe(free);
    expect(isStepFreeGraph(free)).toBe(true);
    expect(isStepFreeGraph(graph)).toBe(false);
  });

  it('routes round the steps: node 3 by the ramp (600 s), node 2 from it (650 s)', () => {
    const city = stairs();
    const live = new LiveCoverage(city.input, stepFreeGraph(city.graph), city.input.facilities, {
      thresholds: [5, 15],
      travelProfile: 'wheelchair',
    });
    expect(seconds(live)).toEqual([0, 100, 650, 600]);
    // Refused on the graph with steps: it would count the stairs as passable.
    expect(
      () =>
        new LiveCoverage(city.input, city.graph, city.input.facilities, {
          thresholds: [5],
          travelProfile: 'wheelchair',
        }),
    ).toThrow(/walk-step-free/);
  });

  it('a scenario switching to it gives the step-free numbers live', () => {
    const city = stairs();
    const session = new LiveSession(city.input, city.graph, undefined, [5, 15], 1.0);
    const walking = session.evaluate({ modifications: [] }).covered;
    const free = session.evaluate({
      modifications: [{ kind: 'set-travel-profile', travel: 'wheelchair' }],
    });
    expect(walking).toEqual([150, 150]);
    expect(free.covered).toEqual([30, 150]);
    expect(free.travelProfile).toBe('wheelchair');
  });

  it('step dependency is walking minus step-free coverage, per threshold', () => {
    const row = (profile: 'walk-elderly' | 'wheelchair', minutes: number, covered: number) => ({
      facilityTypes: 'all' as const,
      profile,
      minutes,
      elders60Covered: covered,
      elders60Share: covered / 200,
      residentsCovered: covered,
      residentsShare: covered / 200,
    });
    const summary = {
      population: { elders60: 200 } as never,
      coverage: [
        row('walk-elderly', 5, 150),
        row('walk-elderly', 15, 190),
        row('wheelchair', 5, 30),
        row('wheelchair', 15, 190),
      ],
    };
    expect(stepDependency(summary)).toEqual([
      { minutes: 5, elders60: 120, share: 0.6 },
      { minutes: 15, elders60: 0, share: 0 },
    ]);
    expect(stepDependency({ ...summary, coverage: summary.coverage.slice(0, 2) })).toEqual([]);
  });
});
