import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { loadHighsSolver } from '../../../analysis/siting/highs-solver.ts';
import { optimiseLscp, optimiseMclp } from '../../../analysis/siting/optimise.ts';
import {
  atLeastOnePerUnitWithout,
  buildSitingModel,
  coveredWeightOf,
} from '../../../analysis/siting/optimise-model.ts';
import type {
  MilpSolver,
  SitingModel,
  UnitConstraint,
} from '../../../analysis/siting/optimise-types.ts';
import { seededRandom, subsets } from './helpers.ts';

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

interface Instance {
  model: SitingModel;
  units: string[];
}

/** Random small instance: candidates cover random cells; some cells already covered. */
function randomInstance(
  seed: number,
  unitConstraints: (units: string[]) => UnitConstraint[] = () => [],
): Instance {
  const random = seededRandom(seed);
  const n = 5 + Math.floor(random() * 6);
  const m = 12 + Math.floor(random() * 20);
  const units = ['U0', 'U1', 'U2'];
  const density = 0.1 + random() * 0.25;
  const reach = new Map<string, string[]>();
  const candidates = Array.from({ length: n }, (_, j) => {
    const id = `C${j}`;
    reach.set(
      id,
      Array.from({ length: m }, (_, i) => `h${i}`).filter(() => random() < density),
    );
    return {
      id,
      lon: j,
      lat: 0,
      unitId: units[Math.floor(random() * units.length)],
      floorAreaM2: 20 + Math.floor(random() * 100),
    };
  });
  const population = Array.from({ length: m }, (_, i) => ({
    h3: `h${i}`,
    weight: random() < 0.2 ? 0 : Math.round(random() * 500) / 10,
  }));
  const alreadyCovered = new Set(population.filter(() => random() < 0.15).map((c) => c.h3));
  const model = buildSitingModel(
    { candidates, population, alreadyCovered, reach: (id) => reach.get(id) ?? [] },
    { unitConstraints: unitConstraints(units) },
  );
  return { model, units };
}

function feasible(model: SitingModel, chosen: number[]): boolean {
  return model.units.every((unit) => {
    const count = chosen.filter((j) => unit.members.includes(j)).length;
    return count >= unit.min && count <= unit.max;
  });
}

function bruteForceMclp(model: SitingModel, newSites: number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let k = 0; k <= Math.min(newSites, model.candidates.length); k++) {
    for (const chosen of subsets(model.candidates.length, k)) {
      if (feasible(model, chosen)) best = Math.max(best, coveredWeightOf(model, chosen));
    }
  }
  return best;
}

function bruteForceLscp(model: SitingModel, required: number): number {
  for (let k = 0; k <= model.candidates.length; k++) {
    for (const chosen of subsets(model.candidates.length, k)) {
      if (feasible(model, chosen) && coveredWeightOf(model, chosen) >= required - 1e-9) return k;
    }
  }
  return Number.POSITIVE_INFINITY;
}

const TOL = 1e-6;

describe('MCLP against brute force', () => {
  it('MILP finds the exact optimum; greedy+swap ≤ optimum ≤ its bound', () => {
    let greedyBeaten = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { model } = randomInstance(seed);
      const newSites = 1 + (seed % 4);
      const optimum = bruteForceMclp(model, newSites);
      const exact = optimiseMclp(model, newSites, { solver });
      expect(exact.method, `seed ${seed}`).toBe('milp');
      expect(exact.status).toBe('optimal');
      expect(exact.objective, `seed ${seed}`).toBeCloseTo(optimum, 6);
      expect(exact.chosen.length).toBeLessThanOrEqual(newSites);
      for (const withLp of [true, false]) {
        const heuristic = optimiseMclp(model, newSites, {
          solver: withLp ? solver : undefined,
          method: 'greedy+swap',
        });
        expect(heuristic.method).toBe('greedy+swap');
        expect(heuristic.boundKind).toEqual(
          withLp ? expect.stringMatching(/lp-relaxation|submodular/) : 'submodular',
        );
        expect(heuristic.objective).toBeLessThanOrEqual(optimum + TOL);
        expect(heuristic.bound, `seed ${seed}`).toBeGreaterThanOrEqual(optimum - TOL);
        expect(heuristic.gap).toBeGreaterThanOrEqual(0);
        expect(heuristic.chosen.length).toBeLessThanOrEqual(newSites);
        if (heuristic.objective < optimum - TOL) greedyBeaten++;
      }
    }
    // The instances are not all easy: somewhere the heuristic misses the optimum.
    expect(greedyBeaten).toBeGreaterThan(0);
  });

  it('respects per-unit minimums and maximums exactly', () => {
    const constraints = (units: string[]): UnitConstraint[] => [
      { unitId: units[0], min: 1 },
      { unitId: units[1], max: 1 },
    ];
    let solved = 0;
    let infeasible = 0;
    for (let seed = 100; seed < 125; seed++) {
      let instance: Instance;
      try {
        instance = randomInstance(seed, constraints);
      } catch (error) {
        // Only "a unit without candidates" may skip a seed: infeasible by construction.
        expect(error, `seed ${seed}`).toBeInstanceOf(InputError);
        expect((error as InputError).code, `seed ${seed}`).toBe('E_INFEASIBLE_UNIT');
        infeasible++;
        continue;
      }
      solved++;
      const { model } = instance;
      const optimum = bruteForceMclp(model, 3);
      const exact = optimiseMclp(model, 3, { solver });
      expect(exact.objective, `seed ${seed}`).toBeCloseTo(optimum, 6);
      const heuristic = optimiseMclp(model, 3, { method: 'greedy+swap' });
      const picked = heuristic.chosen.map((id) => model.candidates.findIndex((c) => c.id === id));
      expect(feasible(model, picked), `seed ${seed}`).toBe(true);
      expect(heuristic.objective).toBeLessThanOrEqual(optimum + TOL);
      expect(heuristic.bound).toBeGreaterThanOrEqual(optimum - TOL);
    }
    // Most seeds must be solved, or the loop tests nothing.
    expect(solved + infeasible).toBe(25);
    expect(solved).toBeGreaterThanOrEqual(20);
  });

  it('excludes candidates below the minimum floor area', () => {
    const model = buildSitingModel(
      {
        candidates: [
          { id: 'small', lon: 0, lat: 0, floorAreaM2: 20 },
          { id: 'big', lon: 0, lat: 0, floorAreaM2: 80 },
        ],
        population: [
          { h3: 'a', weight: 100 },
          { h3: 'b', weight: 1 },
        ],
        alreadyCovered: new Set(),
        reach: (id) => (id === 'small' ? ['a'] : ['b']),
      },
      { minFloorAreaM2: 30 },
    );
    expect(model.excluded.map((e) => e.id)).toEqual(['small']);
    expect(optimiseMclp(model, 1, { solver }).chosen).toEqual(['big']);
  });

  it('rejects more unit minimums than sites', () => {
    const { model } = randomInstance(7, (u) => [
      { unitId: u[0], min: 1 },
      { unitId: u[1], min: 1 },
      { unitId: u[2], min: 1 },
    ]);
    expect(() => optimiseMclp(model, 2, { solver })).toThrow(/at least 3/);
  });
});

describe('LSCP / partial cover against brute force', () => {
  it('MILP finds the fewest sites; greedy is feasible and within its bound', () => {
    let checked = 0;
    for (let seed = 200; seed < 240; seed++) {
      const { model } = randomInstance(seed);
      const share = [0.6, 0.8, 0.9, 1][seed % 4];
      const required = share * model.totalWeight - model.baseCoveredWeight;
      const optimum = bruteForceLscp(model, required);
      const exact = optimiseLscp(model, share, { solver });
      if (!Number.isFinite(optimum)) {
        expect(exact.status, `seed ${seed}`).toBe('infeasible');
        continue;
      }
      checked++;
      expect(exact.status).toBe('optimal');
      expect(exact.objective, `seed ${seed}`).toBe(optimum);
      // Among the smallest solutions, the one covering most elders (MCLP polish).
      expect(exact.newlyCoveredWeight, `seed ${seed}`).toBeCloseTo(
        bruteForceMclp(model, optimum),
        6,
      );
      expect(exact.coveredShareAfter).toBeGreaterThanOrEqual(share - 1e-9);
      const greedy = optimiseLscp(model, share, { method: 'greedy+swap' });
      expect(greedy.objective).toBeGreaterThanOrEqual(optimum);
      expect(greedy.bound).toBeLessThanOrEqual(optimum);
      expect(greedy.coveredShareAfter).toBeGreaterThanOrEqual(share - 1e-9);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('reports an unreachable target instead of a wrong answer', () => {
    const model = buildSitingModel({
      candidates: [{ id: 'A', lon: 0, lat: 0 }],
      population: [
        { h3: 'a', weight: 1 },
        { h3: 'b', weight: 1 },
      ],
      alreadyCovered: new Set(),
      reach: () => ['a'],
    });
    const result = optimiseLscp(model, 1, { solver });
    expect(result.status).toBe('infeasible');
    expect(result.notes.join(' ')).toMatch(/50\.0 %/);
    expect(optimiseLscp(model, 0.5, { solver }).chosen).toEqual(['A']);
  });
});

describe('unit helpers', () => {
  it('asks for one site in each unit lacking one, naming units with no candidate', () => {
    const result = atLeastOnePerUnitWithout(['U0', 'U1', 'U2'], new Set(['U1']), [
      { id: 'a', lon: 0, lat: 0, unitId: 'U0' },
    ]);
    expect(result.constraints).toEqual([{ unitId: 'U0', min: 1 }]);
    expect(result.unitsWithoutCandidates).toEqual(['U2']);
  });
});
