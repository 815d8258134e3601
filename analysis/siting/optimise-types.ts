/**
 * Shared types of the site optimiser (MCLP and LSCP / partial cover).
 *
 * The optimiser works on an indexed model: candidates 0..n-1, demand cells 0..m-1 with weights
 * (elders not yet covered), and per candidate the demand cells it reaches within the threshold.
 * Existing coverage is excluded before the model is built, so "covered" here always means
 * "newly covered".
 */
export interface SitingCandidate {
  id: string;
  lon: number;
  lat: number;
  /** Usable floor area; candidates below the minimum are excluded. Unknown = not excluded. */
  floorAreaM2?: number;
  /** Planning unit (community) containing the candidate, for per-unit constraints. */
  unitId?: string;
  /** Where the candidate came from (building id, grid cell, user drawing). */
  source?: string;
  name?: string;
}

/** At least `min` and at most `max` new sites among the candidates of one unit. */
export interface UnitConstraint {
  unitId: string;
  min?: number;
  max?: number;
}

export interface SitingModel {
  candidates: readonly SitingCandidate[];
  /** Demand weight per cell (elders not yet covered). */
  weights: Float64Array;
  /** H3 id per demand cell, for reporting. */
  cells: readonly string[];
  /** cover[j]: demand cell indices candidate j reaches within the threshold (no duplicates). */
  cover: readonly Int32Array[];
  /** Resolved unit constraints: candidate indices per constrained unit. */
  units: readonly ResolvedUnitConstraint[];
  /** All elders in the study area, covered or not (for coverage-share targets). */
  totalWeight: number;
  /** Elders already covered by existing facilities. */
  baseCoveredWeight: number;
  /** Candidates left out of the model, with the reason (shown to the planner). */
  excluded: readonly { id: string; reason: string }[];
}

export interface ResolvedUnitConstraint {
  unitId: string;
  min: number;
  max: number;
  members: Int32Array;
}

export type SitingMethod = 'milp' | 'greedy+swap';
export type SitingStatus = 'optimal' | 'time-limit' | 'heuristic' | 'infeasible';
/**
 * How the bound was obtained: the MILP's own dual bound, the LP relaxation, the submodular
 * bound (value + sum of the N largest marginal gains), or a counting bound for LSCP.
 */
export type BoundKind = 'milp' | 'lp-relaxation' | 'submodular' | 'greedy-count';

export interface SitingResult {
  problem: 'mclp' | 'lscp';
  method: SitingMethod;
  status: SitingStatus;
  /** Chosen candidate ids in the order picked (greedy) or candidate order (MILP). */
  chosen: string[];
  /** Elders newly covered by the chosen sites. */
  newlyCoveredWeight: number;
  /** Coverage share of all elders after adding the chosen sites. */
  coveredShareAfter: number;
  /** MCLP: newly covered elders. LSCP: number of sites. */
  objective: number;
  /** MCLP: upper bound on newly covered elders. LSCP: lower bound on the number of sites. */
  bound: number;
  boundKind: BoundKind;
  /** Relative gap between objective and bound (0 = proven optimal). */
  gap: number;
  solveMs: number;
  /** Model size that decided the method (nonzeros of the coverage relation after merging). */
  nonzeros: number;
  notes: string[];
}

export interface MilpSolution {
  status: 'optimal' | 'time-limit' | 'infeasible' | 'error';
  /** Objective of the best solution found (NaN when none). */
  objective: number;
  /** Best proven bound on the objective (equals objective for a solved LP). */
  bound: number;
  /** Value of a variable by name (0 when absent). */
  value(name: string): number;
  message?: string;
}

/**
 * A MILP/LP solver for CPLEX LP text. The HiGHS adapter (highs-solver.ts) is the real one;
 * injecting it keeps the optimiser synchronous, pure and testable without WASM.
 */
export interface MilpSolver {
  solve(lpText: string, options: MilpSolveOptions): MilpSolution;
}

export interface MilpSolveOptions {
  timeLimitS: number;
  /** A feasible start (variable name → value), e.g. the greedy solution, so a solve stopped
   * by its time limit is never worse than the heuristic. */
  start?: ReadonlyMap<string, number>;
}

export interface OptimiseOptions {
  solver?: MilpSolver;
  /** Models above this many nonzeros skip the exact MILP (default 50,000). */
  milpMaxNonzeros?: number;
  /** Models above this many nonzeros skip the LP relaxation bound too (default 100,000). */
  lpMaxNonzeros?: number;
  /** Time limit of one HiGHS solve in seconds (default 10). */
  timeLimitS?: number;
  /** Force a method (tests, benchmarks). */
  method?: SitingMethod;
}

/**
 * Size limits, measured on this 2-core machine with HiGHS 1.15 WASM (random spatial MCLP,
 * merged nonzeros): 37k nonzeros → MILP optimal in ≈ 3 s, LP relaxation (IPM) ≈ 1.4 s;
 * 225k nonzeros → MILP not solved in 20 s. See analysis/siting/README.md.
 */
export const DEFAULT_MILP_MAX_NONZEROS = 50_000;
export const DEFAULT_LP_MAX_NONZEROS = 100_000;
export const DEFAULT_TIME_LIMIT_S = 10;
