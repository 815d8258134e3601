import { type DemandGroups, groupDemand, xName } from './optimise-lp.ts';
import {
  type BoundKind,
  DEFAULT_LP_MAX_NONZEROS,
  DEFAULT_MILP_MAX_NONZEROS,
  DEFAULT_TIME_LIMIT_S,
  type MilpSolution,
  type OptimiseOptions,
  type SitingMethod,
  type SitingModel,
  type SitingStatus,
} from './optimise-types.ts';

/** What a solve path (heuristic, LP-bounded or MILP) settled on, before it becomes a result. */
export interface Outcome {
  method: SitingMethod;
  status: SitingStatus;
  chosen: number[];
  bound: number;
  boundKind: BoundKind;
}

/** Which solves to run for this model size (see the limits in optimise-types.ts). */
export interface SolvePlan {
  groups: DemandGroups;
  milp: boolean;
  lp: boolean;
  timeLimitS: number;
}

export function solvePlan(model: SitingModel, options: OptimiseOptions): SolvePlan {
  const groups = groupDemand(model);
  const milpMax = options.milpMaxNonzeros ?? DEFAULT_MILP_MAX_NONZEROS;
  const lpMax = options.lpMaxNonzeros ?? DEFAULT_LP_MAX_NONZEROS;
  const hasSolver = options.solver !== undefined && model.candidates.length > 0;
  const wantsMilp = options.method ? options.method === 'milp' : groups.nonzeros <= milpMax;
  return {
    groups,
    milp: hasSolver && wantsMilp,
    lp: hasSolver && groups.nonzeros <= lpMax,
    timeLimitS: options.timeLimitS ?? DEFAULT_TIME_LIMIT_S,
  };
}

export function chosenFrom(model: SitingModel, solution: MilpSolution): number[] {
  if (Number.isNaN(solution.objective)) return [];
  const chosen: number[] = [];
  for (let j = 0; j < model.candidates.length; j++) {
    if (solution.value(xName(j)) > 0.5) chosen.push(j);
  }
  return chosen;
}

/** A selection as a MILP start: every x set, so HiGHS can complete the y values itself. */
export function startFrom(model: SitingModel, chosen: readonly number[]): Map<string, number> {
  const start = new Map<string, number>();
  for (let j = 0; j < model.candidates.length; j++) start.set(xName(j), 0);
  for (const j of chosen) start.set(xName(j), 1);
  return start;
}

export const idsOf = (model: SitingModel, chosen: readonly number[]) =>
  chosen.map((j) => model.candidates[j].id);

export function shareAfter(model: SitingModel, newly: number): number {
  return model.totalWeight > 0 ? (model.baseCoveredWeight + newly) / model.totalWeight : 0;
}

export function now(): number {
  return performance.now();
}
