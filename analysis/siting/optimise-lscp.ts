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
import { countingLowerBound, greedyPartialCover } from './optimise-greedy.ts';
import { lscpLp, mclpLp } from './optimise-lp.ts';
import { coveredWeightOf } from './optimise-model.ts';
import type {
  BoundKind,
  MilpSolver,
  OptimiseOptions,
  SitingModel,
  SitingResult,
} from './optimise-types.ts';

/**
 * Partial set cover (LSCP when the target is 100 %): the fewest new sites bringing the share of
 * covered elders (existing + new) to `targetShare`. Greedy + pruning first; exact MILP when
 * small enough (seeded with the greedy answer); bounds: MILP dual bound, LP relaxation
 * (rounded up) or a counting bound.
 */
export function optimiseLscp(
  model: SitingModel,
  targetShare: number,
  options: OptimiseOptions = {},
): SitingResult {
  const started = now();
  if (!(targetShare >= 0 && targetShare <= 1)) {
    throw new InputError('E_BAD_OPTION', `coverage target must be in [0, 1], got ${targetShare}`, {
      column: 'target',
    });
  }
  const required = Math.max(0, targetShare * model.totalWeight - model.baseCoveredWeight);
  const plan = solvePlan(model, options);
  const notes: string[] = [];
  const outcome = solve(model, required, plan, options, notes);
  const reachable = plan.groups.weights.reduce((a, b) => a + b, 0);
  if (outcome.status === 'infeasible') {
    const best = shareAfter(model, reachable);
    notes.push(
      `target ${(targetShare * 100).toFixed(1)} % unreachable: all candidates together reach ${(best * 100).toFixed(1)} %`,
    );
  }
  const objective = outcome.chosen.length;
  const bound = Math.min(outcome.bound, objective);
  const newly = coveredWeightOf(model, outcome.chosen);
  return {
    problem: 'lscp',
    method: outcome.method,
    status: outcome.status === 'heuristic' && bound === objective ? 'optimal' : outcome.status,
    chosen: idsOf(model, outcome.chosen),
    newlyCoveredWeight: newly,
    coveredShareAfter: shareAfter(model, newly),
    objective,
    bound,
    boundKind: outcome.boundKind,
    gap: objective > 0 ? (objective - bound) / objective : 0,
    solveMs: now() - started,
    nonzeros: plan.groups.nonzeros,
    notes,
  };
}

function solve(
  model: SitingModel,
  required: number,
  plan: SolvePlan,
  options: OptimiseOptions,
  notes: string[],
): Outcome {
  const greedy = greedyPartialCover(model, required);
  const infeasible: Outcome = {
    method: 'greedy+swap',
    status: 'infeasible',
    chosen: [],
    bound: 0,
    boundKind: 'greedy-count',
  };
  // Greedy adds every useful candidate before giving up, so its failure proves infeasibility
  // for the coverage target; with unit maximums it may be pessimistic, so let the MILP decide.
  if (greedy === null && (!plan.milp || model.units.every((u) => u.max >= u.members.length))) {
    return infeasible;
  }
  const greedyChosen = greedy ? [...greedy.chosen] : [];
  if (plan.milp && options.solver) {
    const solution = options.solver.solve(lscpLp(model, plan.groups, required, false), {
      timeLimitS: plan.timeLimitS,
      ...(greedy ? { start: startFrom(model, greedyChosen) } : {}),
    });
    const chosen = chosenFrom(model, solution);
    if (solution.status === 'optimal') {
      const polished = polishCoverage(model, chosen, plan, options.solver);
      return {
        method: 'milp',
        status: 'optimal',
        chosen: polished,
        bound: chosen.length,
        boundKind: 'milp',
      };
    }
    if (solution.status === 'infeasible') return { ...infeasible, method: 'milp' };
    notes.push(`HiGHS stopped (${solution.status} after ≤ ${plan.timeLimitS} s)`);
    const bound = Number.isFinite(solution.bound) ? Math.ceil(solution.bound - 1e-6) : 0;
    const milpBetter =
      chosen.length > 0 && (greedy === null || chosen.length < greedyChosen.length);
    if (!milpBetter && greedy === null) return infeasible;
    return {
      method: milpBetter ? 'milp' : 'greedy+swap',
      status: 'time-limit',
      chosen: milpBetter ? chosen : greedyChosen,
      bound: Math.max(bound, countingLowerBound(model, required)),
      boundKind: 'milp',
    };
  }
  if (greedy === null) return infeasible;
  return {
    method: 'greedy+swap',
    status: 'heuristic',
    chosen: greedyChosen,
    ...lowerBound(model, required, plan, options),
  };
}

function lowerBound(
  model: SitingModel,
  required: number,
  plan: SolvePlan,
  options: OptimiseOptions,
): { bound: number; boundKind: BoundKind } {
  const counting = countingLowerBound(model, required);
  if (!plan.lp || !options.solver) return { bound: counting, boundKind: 'greedy-count' };
  const relaxed = options.solver.solve(lscpLp(model, plan.groups, required, true), plan);
  const lpBound = Math.ceil(relaxed.bound - 1e-6);
  return relaxed.status === 'optimal' && lpBound > counting
    ? { bound: lpBound, boundKind: 'lp-relaxation' }
    : { bound: counting, boundKind: 'greedy-count' };
}

/**
 * Among solutions with the optimal number of sites, prefer the one covering most elders: an
 * MCLP with that many sites, seeded with the LSCP answer (so it can only cover more, and
 * therefore still meets the target).
 */
function polishCoverage(
  model: SitingModel,
  chosen: number[],
  plan: SolvePlan,
  solver: MilpSolver,
): number[] {
  if (chosen.length === 0) return chosen;
  const solution = solver.solve(mclpLp(model, plan.groups, chosen.length, false), {
    timeLimitS: plan.timeLimitS,
    start: startFrom(model, chosen),
  });
  const better = chosenFrom(model, solution);
  const gain = coveredWeightOf(model, better) - coveredWeightOf(model, chosen);
  return better.length === chosen.length && gain > 0 ? better : chosen;
}
