import { describe, expect, it } from 'vitest';
import { highwayCode } from '../../../analysis/graph/types.ts';
import { buildOverlay, emptySpec } from '../../../analysis/routing/edits/overlay.ts';
import { resolveNetworkEdits } from '../../../analysis/routing/edits/resolve.ts';
import { LiveCoverage } from '../../../analysis/siting/live-coverage.ts';
import { handCells, handCity } from './hand-city.ts';

const STEPS = highwayCode('steps');

/**
 * Site at 0; 0 —100— 1 —100(steps)— 2 —50— 3, and a ramp 1 —500— 3. Walking: 2 at 200, 3 at
 * 250. Without steps: 3 at 100 + 500 = 600, 2 at 650.
 */
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

const minutes = (live: LiveCoverage) => Array.from(live.state.bestMinutesView(), (m) => m * 60);

describe('step-free routing (the overlay closes steps)', () => {
  it('closes highway=steps: the ramp is taken instead', () => {
    const city = stairs();
    const thresholds = [5, 15];
    const walking = new LiveCoverage(city.input, city.graph, city.input.facilities, { thresholds });
    expect(minutes(walking).map((m) => Math.round(m))).toEqual([0, 100, 200, 250]);
    const overlay = buildOverlay(city.graph, emptySpec(), { closeSteps: true });
    const stepFree = new LiveCoverage(city.input, city.graph, city.input.facilities, {
      thresholds,
      overlay,
    });
    const [m0, m1, m2, m3] = minutes(stepFree);
    expect([m0, m1, m3].map((m) => Math.round(m))).toEqual([0, 100, 600]);
    expect(Math.round(m2)).toBe(650);
    // How much coverage depends on steps: nodes 2 and 3 fall out of the 5-minute circle.
    expect(walking.numbers().covered[0] - stepFree.numbers().covered[0]).toBe(40 + 80);
  });

  it('a footbridge link is closed too, a gate is not', () => {
    const city = stairs();
    const link = (linkType: 'footbridge' | 'gate') =>
      resolveNetworkEdits(city.graph, [
        {
          index: 0,
          modification: {
            kind: 'add-link',
            id: linkType,
            linkType,
            from: city.at(0),
            to: city.at(3),
            networks: ['walk'],
          },
        },
      ]).spec;
    const open = buildOverlay(city.graph, link('gate'), { closeSteps: true });
    const closed = buildOverlay(city.graph, link('footbridge'), { closeSteps: true });
    expect(open.extraTargets.length).toBe(2);
    expect(closed.extraTargets.length).toBe(0);
  });
});
