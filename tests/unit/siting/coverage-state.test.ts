import { describe, expect, it } from 'vitest';
import { CoverageState } from '../../../analysis/siting/coverage-state.ts';
import { updateCoverage } from '../../../analysis/siting/coverage-update.ts';
import { applyScenario } from '../../../analysis/siting/scenario-apply.ts';
import { diffFacilities } from '../../../analysis/siting/scenario-diff.ts';
import { emptyScenario, type SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { deepFreeze, facility, seededRandom } from './helpers.ts';

const THRESHOLDS = [5, 10, 15];

/** A 1-D toy city: cell k at x = k; a facility at x reaches cells within 15 min at 1 min/cell. */
function toyCity(cellCount: number) {
  const cells = Array.from({ length: cellCount }, (_, k) => `c${k}`);
  const weights = Array.from({ length: cellCount }, (_, k) => 10 + (k % 7));
  const reachOf = (f: SiteFacility) => {
    const cellsHit: number[] = [];
    const minutes: number[] = [];
    for (let k = 0; k < cellCount; k++) {
      const m = Math.abs(k - f.lon);
      if (m <= 15) {
        cellsHit.push(k);
        minutes.push(m);
      }
    }
    return { cells: cellsHit, minutes };
  };
  return { cells, weights, reachOf };
}

/** Coverage computed from scratch, the reference for the incremental state. */
function fullCoverage(facilities: readonly SiteFacility[], cellCount: number, weights: number[]) {
  const best = new Array<number>(cellCount).fill(Number.POSITIVE_INFINITY);
  for (const f of facilities) {
    for (let k = 0; k < cellCount; k++) {
      const m = Math.abs(k - f.lon);
      if (m <= 15) best[k] = Math.min(best[k], m);
    }
  }
  const covered = THRESHOLDS.map((t) => best.reduce((s, m, k) => (m <= t ? s + weights[k] : s), 0));
  return { best, covered };
}

describe('CoverageState', () => {
  it('adding a site raises coverage, closing it lowers it back', () => {
    const { cells, weights, reachOf } = toyCity(100);
    const state = new CoverageState(cells, weights, { thresholds: THRESHOLDS });
    const a = facility('A', 20, 0);
    state.addFacility('A', reachOf(a).cells, reachOf(a).minutes);
    const withA = state.coveredWeight(2);
    state.addFacility(
      'B',
      reachOf(facility('B', 70, 0)).cells,
      reachOf(facility('B', 70, 0)).minutes,
    );
    expect(state.coveredWeight(2)).toBeGreaterThan(withA);
    expect(state.countWithin(20, 0)).toBe(1);
    expect(state.removeFacility('B')).toBe(true);
    expect(state.coveredWeight(2)).toBeCloseTo(withA, 9);
    expect(state.removeFacility('B')).toBe(false);
    expect(state.bestMinutes(70)).toBe(Number.POSITIVE_INFINITY);
  });

  it('matches a full recompute after every step of a random edit sequence', () => {
    const random = seededRandom(42);
    const cellCount = 120;
    const { cells, weights, reachOf } = toyCity(cellCount);
    const state = new CoverageState(cells, weights, { thresholds: THRESHOLDS });
    let live: SiteFacility[] = [];
    for (let step = 0; step < 200; step++) {
      const removing = live.length > 0 && random() < 0.4;
      if (removing) {
        const victim = live[Math.floor(random() * live.length)];
        state.removeFacility(victim.id);
        live = live.filter((f) => f !== victim);
      } else {
        // Integer and half-integer positions create exact ties between facilities.
        const f = facility(`S${step}`, Math.floor(random() * cellCount * 2) / 2, 0);
        const reach = reachOf(f);
        state.addFacility(f.id, reach.cells, reach.minutes);
        live.push(f);
      }
      const reference = fullCoverage(live, cellCount, weights);
      THRESHOLDS.forEach((_, t) => {
        expect(state.coveredWeight(t)).toBeCloseTo(reference.covered[t], 6);
      });
      expect(Array.from(state.bestMinutesView())).toEqual(reference.best);
    }
    expect(state.facilityCount).toBe(live.length);
  });

  it('updates from a scenario diff, routing only added and moved sites', () => {
    const { cells, weights, reachOf } = toyCity(100);
    const baseline = deepFreeze([facility('F1', 10, 0), facility('F2', 50, 0)]);
    const byId = (list: readonly SiteFacility[]) => new Map(list.map((f) => [f.id, f]));
    const state = new CoverageState(cells, weights, { thresholds: THRESHOLDS });
    for (const f of baseline) state.addFacility(f.id, reachOf(f).cells, reachOf(f).minutes);
    const before = state.coveredWeight(2);
    state.drainChangedCells();

    const scenario = {
      ...emptyScenario({ city: 'toy', profile: 'p' }),
      modifications: [
        {
          kind: 'add-site' as const,
          id: 'N',
          name: 'n',
          type: 'care_post' as const,
          lon: 85,
          lat: 0,
          floorAreaM2: 60,
          beds: 0,
          floorLevel: 1,
        },
        { kind: 'resize-site' as const, id: 'F2', floorAreaM2: 999, beds: 3 },
      ],
    };
    const after = applyScenario(baseline, scenario);
    const sites = byId(after);
    const routed = updateCoverage(state, diffFacilities(baseline, after), (id) =>
      reachOf(sites.get(id) as SiteFacility),
    );
    expect(routed).toEqual(['N']);
    expect(state.coveredWeight(2)).toBeGreaterThan(before);
    expect(state.coveredWeight(2)).toBeCloseTo(fullCoverage(after, 100, weights).covered[2], 9);
    const changed = state.drainChangedCells().sort((a, b) => a - b);
    expect(changed[0]).toBe(70);
    expect(changed.at(-1)).toBe(99);

    const closed = applyScenario(after, { modifications: [{ kind: 'close-site', id: 'F1' }] });
    updateCoverage(state, diffFacilities(after, closed), () => {
      throw new Error('a close must not route');
    });
    expect(state.coveredWeight(2)).toBeLessThan(fullCoverage(after, 100, weights).covered[2]);
    expect(state.coveredWeight(2)).toBeCloseTo(fullCoverage(closed, 100, weights).covered[2], 9);
  });

  it('ignores reach cells without population and rejects bad thresholds', () => {
    const state = new CoverageState(['a', 'b'], [3, 4], { thresholds: [10] });
    state.addFacility('X', state.toCellIndices(['a', 'zz', 'b']), [4, 1, 12]);
    expect(state.coveredWeight(0)).toBe(3);
    expect(state.coveredShare(0)).toBeCloseTo(3 / 7, 12);
    expect(() => new CoverageState(['a'], [1], { thresholds: [10, 5] })).toThrow(/ascending/);
  });

  it('grows its entry pool past the initial size', () => {
    const n = 3000;
    const cells = Array.from({ length: n }, (_, k) => `c${k}`);
    const state = new CoverageState(cells, new Array(n).fill(1), { thresholds: [15] });
    const all = Array.from({ length: n }, (_, k) => k);
    state.addFacility('A', all, new Array(n).fill(3));
    state.addFacility('B', all, new Array(n).fill(20));
    expect(state.coveredWeight(0)).toBe(n);
    state.removeFacility('A');
    expect(state.coveredWeight(0)).toBe(0);
    expect(state.bestMinutes(n - 1)).toBe(20);
  });
});
