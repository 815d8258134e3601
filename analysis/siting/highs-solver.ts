import type { Highs, InitOptions } from 'highs';
import type { MilpSolution, MilpSolveOptions, MilpSolver } from './optimise-types.ts';

/**
 * Adapter from the HiGHS WASM package to the optimiser's MilpSolver interface. Loading is
 * asynchronous (WASM compile); solving is synchronous, so run big solves in a Worker.
 * In a browser pass `locateFile` so the app serves highs.wasm itself (offline first).
 */
export async function loadHighsSolver(init: InitOptions = {}): Promise<MilpSolver> {
  const loader = (await import('highs')).default;
  return highsSolver(await loader(init));
}

const MODEL_STATUS_OPTIMAL = 7;
const MODEL_STATUS_INFEASIBLE = 8;
const MODEL_STATUS_TIME_LIMIT = 13;
const IPM_MIN_NONZEROS = 10_000;

export function highsSolver(highs: Highs): MilpSolver {
  return {
    solve(lpText, { timeLimitS, start }: MilpSolveOptions): MilpSolution {
      const model = highs.createModel({ format: 'lp', data: lpText });
      const isMip = lpText.includes('\nBinary');
      try {
        // mip_rel_gap 0: "optimal" must mean optimal (the tests compare with brute force).
        model.options.set({ output_flag: false, time_limit: timeLimitS, mip_rel_gap: 0 });
        // Covering LP relaxations are degenerate: interior point (with crossover, for an exact
        // optimum) was 3–4× faster than dual simplex on a 37k-nonzero MCLP.
        // Small LPs stay on simplex, where IPM's setup costs more than it saves.
        if (!isMip && model.getDimensions().numNonzeros > IPM_MIN_NONZEROS) {
          model.options.set('solver', 'ipm');
        }
        if (start && start.size > 0) setStart(model, start);
        model.run();
        const status = model.getModelStatus();
        const mapped =
          status === MODEL_STATUS_OPTIMAL
            ? 'optimal'
            : status === MODEL_STATUS_TIME_LIMIT
              ? 'time-limit'
              : status === MODEL_STATUS_INFEASIBLE
                ? 'infeasible'
                : 'error';
        const { numCols } = model.getDimensions();
        const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
        const colValue = hasPrimal ? model.getSolution().colValue : new Float64Array(0);
        const values = new Map<string, number>();
        for (let c = 0; c < colValue.length && c < numCols; c++) {
          values.set(model.getColName(c), colValue[c]);
        }
        const objective = hasPrimal ? model.getObjectiveValue() : Number.NaN;
        const bound = isMip ? Number(model.info.get('mip_dual_bound')) : objective;
        return {
          status: mapped,
          objective,
          bound,
          value: (name) => values.get(name) ?? 0,
          ...(mapped === 'error' ? { message: `HiGHS model status ${status}` } : {}),
        };
      } finally {
        model.dispose();
      }
    },
  };
}

function setStart(
  model: ReturnType<Highs['createModel']>,
  start: ReadonlyMap<string, number>,
): void {
  const indices: number[] = [];
  const values: number[] = [];
  for (const [name, value] of start) {
    indices.push(model.getColByName(name));
    values.push(value);
  }
  const order = indices.map((_, k) => k).sort((a, b) => indices[a] - indices[b]);
  model.setSolution({
    indices: Int32Array.from(order, (k) => indices[k]),
    values: Float64Array.from(order, (k) => values[k]),
  });
}
