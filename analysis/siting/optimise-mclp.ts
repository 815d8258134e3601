import { InputError } from '../errors.ts';
import {
  chosenFrom,
  idsOf,
  now,
  type Outcome,
  type SolvePlan,
  shareAfter,
  solvePlan,
  startFrom,
} from './optimise-common.ts';
import { greedySwapMclp, submodularBound } from './optimise-greedy.ts';
import { mclpLp } from './optimise-lp.ts';
import { coveredWeightOf } from './optimise-model.ts';
import type { BoundKind, OptimiseOptions, SitingModel, SitingResult } from './optimise-types.ts';

/**
 * Maximal covering (MCLP): at most `newSites` new sites maximising newly covered elders.
 * Greedy + 1-swap always runs first (it is cheap and seeds HiGHS). When a solver is given and
 * the merged model is small enough, the exact MILP follows; a MILP stopped by its time limit
 * keeps the better solution and the MILP's dual bound. Otherwise the heuristic is bounded by
 * the tighter of the LP relaxation (when small enough) and the submodular bound.
 */
export function optimiseMclp(
  model: SitingModel,
  newSites: number,
  options: OptimiseOptions = {},
): SitingResult {
  const started = now();
  if (!Number.isInteger(newSites) || newSites < 0) {
    throw new InputError('E_BAD_OPTION', `new sites must be a whole number ≥ 0, got ${newSites}`, {
      column: 'new-sites',
    });
  }
  const minimums = model.units.reduce((total, unit) => total + unit.min, 0);
  if (minimums > newSites) {
    throw new InputError(
      'E_INFEASIBLE_UNIT',
      `unit constraints need at least ${minimums} sites but only ${newSites} may be added`,
      { column: 'new-sites' },
    );
  }
  const plan = solvePlan(model, options);
  const notes: string[] = [];
  const outcome = solve(model, newSites, plan, options, notes);
  const objective = coveredWeightOf(model, outcome.chosen);
  const bound = Math.max(outcome.bound, objective);
  return {
    problem: 'mclp',
    method: outcome.method,
    status: outcome.status,
    chosen: idsOf(model, outcome.chosen),
    newlyCoveredWeight: objective,
    coveredShareAfter: shareAfter(model, objective),
    objective,
    bound,
    boundKind: outcome.boundKind,
    gap: bound > 0 ? (bound - objective) / bound : 0,
    solveMs: now() - started,
    nonzeros: plan.groups.nonzeros,
    notes,
  };
}

function solve(
  model: SitingModel,
  newSites: number,
  plan: SolvePlan,
  options: OptimiseOptions,
  notes: string[],
): Outcome {
  const heuristic = greedySwapMclp(model, newSites);
  const greedyChosen = [...heuristic.chosen];
  const greedyValue = coveredWeightOf(model, greedyChosen);
  if (plan.milp && options.solver) {
    const lp = mclpLp(model, plan.groups, newSites, false);
    const solution = options.solver.solve(lp, {
      timeLimitS: plan.timeLimitS,
      start: startFrom(model, greedyChosen),
    });
    const chosen = chosenFrom(model, solution);
    if (solution.status === 'optimal') {
      return { method: 'milp', status: 'optimal', chosen, bound: 0, boundKind: 'milp' };
    }
    if (solution.status === 'infeasible') {
      return { method: 'milp', status: 'infeasible', chosen: [], bound: 0, boundKind: 'milp' };
    }
    notes.push(`HiGHS stopped (${solution.status} after ≤ ${plan.timeLimitS} s)`);
    const milpBetter = chosen.length > 0 && coveredWeightOf(model, chosen) > greedyValue;
    const hasBound = Number.isFinite(solution.bound);
    return {
      method: milpBetter ? 'milp' : 'greedy+swap',
      status: 'time-limit',
      chosen: milpBetter ? chosen : greedyChosen,
      bound: hasBound ? solution.bound : submodularBound(heuristic, newSites),
      boundKind: hasBound ? 'milp' : 'submodular',
    };
  }
  let bound = submodularBound(heuristic, newSites);
  let boundKind: BoundKind = 'submodular';
  if (plan.lp && options.solver) {
    const relaxed = options.solver.solve(mclpLp(model, plan.groups, newSites, true), plan);
    if (relaxed.status === 'optimal' && relaxed.bound < bound) {
      bound = relaxed.bound;
      boundKind = 'lp-relaxation';
    } else if (relaxed.status !== 'optimal') {
      notes.push(`LP relaxation not solved (${relaxed.status}); submodular bound used`);
    }
  }
  // A bound within rounding of the value proves the heuristic optimal.
  const proven = bound - greedyValue <= 1e-9 * Math.max(1, bound);
  return {
    method: 'greedy+swap',
    status: proven ? 'optimal' : 'heuristic',
    chosen: greedyChosen,
    bound,
    boundKind,
  };
}
