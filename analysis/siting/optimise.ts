import { InputError } from '../errors.ts';
import {
  type CoverSelection,
  countingLowerBound,
  greedyPartialCover,
  greedySwapMclp,
  submodularBound,
} from './optimise-greedy.ts';
import { type DemandGroups, groupDemand, lscpLp, mclpLp, xName } from './optimise-lp.ts';
import { coveredWeightOf } from './optimise-model.ts';
import {
  type BoundKind,
  DEFAULT_LP_MAX_NONZEROS,
  DEFAULT_MILP_MAX_NONZEROS,
  DEFAULT_TIME_LIMIT_S,
  type MilpSolution,
  type OptimiseOptions,
  type SitingModel,
  type SitingResult,
} from './optimise-types.ts';

/**
 * Maximal covering (MCLP): at most `newSites` new sites maximising newly covered elders.
 * Exact MILP (HiGHS) when a solver is given and the merged model has at most
 * `milpMaxNonzeros` nonzeros; otherwise greedy + 1-swap with the tighter of the LP-relaxation
 * and submodular bounds. A MILP stopped by its time limit keeps the better of its incumbent
 * and the heuristic, with the MILP's dual bound.
 */
export function optimiseMclp(
  model: SitingModel,
  newSites: number,
  options: OptimiseOptions = {},
): SitingResult {
  const started = performance.now();
  if (!Number.isInteger(newSites) || newSites < 0) {
    throw new InputError('E_BAD_OPTION', `--new-sites must be a whole number ≥ 0, got ${newSites}`);
  }
  const minimums = model.units.reduce((total, unit) => total + unit.min, 0);
  if (minimums > newSites) {
    throw new InputError(
      'E_INFEASIBLE_UNIT',
      `unit constraints need at least ${minimums} sites but only ${newSites} may be added`,
    );
  }
  const groups = groupDemand(model);
  const plan = choosePlan(groups, options);
  const notes: string[] = [];
  const finish = (
    part: Omit<
      SitingResult,
      | 'problem'
      | 'solveMs'
      | 'nonzeros'
      | 'notes'
      | 'coveredShareAfter'
      | 'newlyCoveredWeight'
      | 'gap'
    >,
  ) => {
    const newly = part.objective;
    const bound = Math.max(part.bound, newly);
    return {
      problem: 'mclp' as const,
      ...part,
      bound,
      newlyCoveredWeight: newly,
      coveredShareAfter: share(model, newly),
      gap: bound > 0 ? (bound - newly) / bound : 0,
      solveMs: performance.now() - started,
      nonzeros: groups.nonzeros,
      notes,
    };
  };
  if (model.candidates.length === 0 || newSites === 0) {
    return finish({
      method: 'greedy+swap',
      status: 'optimal',
      chosen: [],
      objective: 0,
      bound: 0,
      boundKind: 'submodular',
    });
  }
  if (plan.milp && options.solver) {
    const solution = options.solver.solve(mclpLp(model, groups, newSites, false), plan);
    const chosen = chosenFrom(model, solution);
    if (solution.status === 'optimal') {
      const objective = coveredWeightOf(model, chosen);
      return finish({
        method: 'milp',
        status: 'optimal',
        chosen: ids(model, chosen),
        objective,
        bound: objective,
        boundKind: 'milp',
      });
    }
    if (solution.status === 'infeasible') {
      return finish({
        method: 'milp',
        status: 'infeasible',
        chosen: [],
        objective: 0,
        bound: 0,
        boundKind: 'milp',
      });
    }
    notes.push(`HiGHS stopped (${solution.status}); compared with greedy + swap`);
    const heuristic = greedySwapMclp(model, newSites);
    const milpValue = Number.isNaN(solution.objective) ? -1 : coveredWeightOf(model, chosen);
    const bound = Number.isFinite(solution.bound)
      ? solution.bound
      : submodularBound(heuristic, newSites);
    const useMilp = milpValue >= heuristic.covered;
    return finish({
      method: useMilp ? 'milp' : 'greedy+swap',
      status: 'time-limit',
      chosen: useMilp ? ids(model, chosen) : ids(model, heuristic.chosen),
      objective: useMilp ? milpValue : coveredWeightOf(model, heuristic.chosen),
      bound,
      boundKind: Number.isFinite(solution.bound) ? 'milp' : 'submodular',
    });
  }
  const selection = greedySwapMclp(model, newSites);
  const objective = coveredWeightOf(model, selection.chosen);
  let bound = submodularBound(selection, newSites);
  let boundKind: BoundKind = 'submodular';
  if (plan.lp && options.solver) {
    const relaxed = options.solver.solve(mclpLp(model, groups, newSites, true), plan);
    if (relaxed.status === 'optimal' && relaxed.bound < bound) {
      bound = relaxed.bound;
      boundKind = 'lp-relaxation';
    }
  }
  const status = bound - objective <= 1e-9 * Math.max(1, bound) ? 'optimal' : 'heuristic';
  return finish({
    method: 'greedy+swap',
    status,
    chosen: ids(model, selection.chosen),
    objective,
    bound,
    boundKind,
  });
}

/**
 * Partial set cover (LSCP when the target is 100 %): the fewest new sites that bring the share
 * of covered elders (existing + new) to `targetShare`.
 */
export function optimiseLscp(
  model: SitingModel,
  targetShare: number,
  options: OptimiseOptions = {},
): SitingResult {
  const started = performance.now();
  if (!(targetShare >= 0 && targetShare <= 1)) {
    throw new InputError(
      'E_BAD_OPTION',
      `coverage target must be a share in [0, 1], got ${targetShare}`,
    );
  }
  const required = targetShare * model.totalWeight - model.baseCoveredWeight;
  const groups = groupDemand(model);
  const plan = choosePlan(groups, options);
  const notes: string[] = [];
  const finish = (
    method: SitingResult['method'],
    chosen: number[],
    bound: number,
    boundKind: BoundKind,
    status?: SitingResult['status'],
  ) => {
    const objective = chosen.length;
    const newly = coveredWeightOf(model, chosen);
    const lower = Math.min(bound, objective);
    return {
      problem: 'lscp' as const,
      method,
      status: status ?? (lower === objective ? 'optimal' : 'heuristic'),
      chosen: ids(model, chosen),
      newlyCoveredWeight: newly,
      coveredShareAfter: share(model, newly),
      objective,
      bound: lower,
      boundKind,
      gap: objective > 0 ? (objective - lower) / objective : 0,
      solveMs: performance.now() - started,
      nonzeros: groups.nonzeros,
      notes,
    };
  };
  const reachable = groups.weights.reduce((a, b) => a + b, 0);
  if (required > reachable * (1 + 1e-12) + 1e-9) {
    const best = share(model, reachable);
    notes.push(
      `target ${(targetShare * 100).toFixed(1)} % unreachable: all candidates reach ${(best * 100).toFixed(1)} %`,
    );
    return finish('greedy+swap', [], 0, 'greedy-count', 'infeasible');
  }
  if (plan.milp && options.solver && model.candidates.length > 0) {
    const solution = options.solver.solve(
      lscpLp(model, groups, Math.max(0, required), false),
      plan,
    );
    if (
      solution.status === 'optimal' ||
      (solution.status === 'time-limit' && !Number.isNaN(solution.objective))
    ) {
      const bound = Math.ceil(solution.bound - 1e-6);
      const status = solution.status === 'optimal' ? 'optimal' : 'time-limit';
      return finish('milp', chosenFrom(model, solution), bound, 'milp', status);
    }
    if (solution.status === 'infeasible') return finish('milp', [], 0, 'milp', 'infeasible');
    notes.push(`HiGHS stopped (${solution.status}); fell back to greedy`);
  }
  const selection: CoverSelection | null = greedyPartialCover(model, required);
  if (selection === null) {
    notes.push('no combination of candidates meets the target under the unit constraints');
    return finish('greedy+swap', [], 0, 'greedy-count', 'infeasible');
  }
  let bound = countingLowerBound(model, required);
  let boundKind: BoundKind = 'greedy-count';
  if (plan.lp && options.solver && model.candidates.length > 0) {
    const relaxed = options.solver.solve(lscpLp(model, groups, Math.max(0, required), true), plan);
    const lpBound = Math.ceil(relaxed.bound - 1e-6);
    if (relaxed.status === 'optimal' && lpBound > bound) {
      bound = lpBound;
      boundKind = 'lp-relaxation';
    }
  }
  return finish('greedy+swap', [...selection.chosen], bound, boundKind);
}

function choosePlan(groups: DemandGroups, options: OptimiseOptions) {
  const milpMax = options.milpMaxNonzeros ?? DEFAULT_MILP_MAX_NONZEROS;
  const lpMax = options.lpMaxNonzeros ?? DEFAULT_LP_MAX_NONZEROS;
  const milp = options.method ? options.method === 'milp' : groups.nonzeros <= milpMax;
  return {
    milp,
    lp: groups.nonzeros <= lpMax,
    timeLimitS: options.timeLimitS ?? DEFAULT_TIME_LIMIT_S,
  };
}

function chosenFrom(model: SitingModel, solution: MilpSolution): number[] {
  const chosen: number[] = [];
  for (let j = 0; j < model.candidates.length; j++) {
    if (solution.value(xName(j)) > 0.5) chosen.push(j);
  }
  return chosen;
}

const ids = (model: SitingModel, chosen: readonly number[]) =>
  chosen.map((j) => model.candidates[j].id);

function share(model: SitingModel, newly: number): number {
  return model.totalWeight > 0 ? (model.baseCoveredWeight + newly) / model.totalWeight : 0;
}
