import { loadHighsSolver } from '../../../analysis/siting/highs-solver.ts';
import { optimiseMclp, optimiseLscp } from '../../../analysis/siting/optimise.ts';
import { buildSitingModel } from '../../../analysis/siting/optimise-model.ts';
import { seededRandom } from './helpers.ts';
const solver = await loadHighsSolver();
// Spatial instance: cells on a grid, candidates at random points, cover = within radius r.
function spatial(seed: number, side: number, nCand: number, r: number) {
  const random = seededRandom(seed);
  const population = [] as { h3: string; weight: number }[];
  for (let x = 0; x < side; x++) for (let y = 0; y < side; y++) population.push({ h3: `${x},${y}`, weight: Math.floor(random() ** 3 * 200) });
  const cands = Array.from({ length: nCand }, (_, j) => ({ id: `C${j}`, lon: random() * side, lat: random() * side }));
  const reach = (id: string) => {
    const c = cands[Number(id.slice(1))];
    const out: string[] = [];
    for (let x = Math.max(0, Math.floor(c.lon - r)); x <= Math.min(side - 1, c.lon + r); x++)
      for (let y = Math.max(0, Math.floor(c.lat - r)); y <= Math.min(side - 1, c.lat + r); y++)
        if (Math.hypot(x - c.lon, y - c.lat) <= r) out.push(`${x},${y}`);
    return out;
  };
  return buildSitingModel({ candidates: cands, population, alreadyCovered: new Set(), reach });
}
for (const [side, n, r, N] of [[60, 300, 8, 10], [100, 1000, 10, 20], [150, 2000, 12, 30], [200, 3000, 12, 40]] as const) {
  const model = spatial(1, side, n, r);
  let t = performance.now();
  const g = optimiseMclp(model, N, { method: 'greedy+swap' });
  const gMs = performance.now() - t;
  t = performance.now();
  const gl = optimiseMclp(model, N, { method: 'greedy+swap', solver });
  const glMs = performance.now() - t;
  t = performance.now();
  const m = optimiseMclp(model, N, { method: 'milp', solver, timeLimitS: 20 });
  const mMs = performance.now() - t;
  console.log(JSON.stringify({ side, n, N, nnz: m.nonzeros, greedy: [g.objective.toFixed(0), g.bound.toFixed(0), g.boundKind, gMs.toFixed(0)], greedyLp: [gl.bound.toFixed(0), gl.boundKind, glMs.toFixed(0)], milp: [m.status, m.objective.toFixed(0), m.bound.toFixed(0), mMs.toFixed(0)] }));
  t = performance.now();
  const l = optimiseLscp(model, 0.9, { solver, timeLimitS: 20 });
  const lg = optimiseLscp(model, 0.9, { method: 'greedy+swap' });
  console.log('  lscp', l.status, l.objective, l.bound, (performance.now() - t).toFixed(0), 'greedy', lg.objective, lg.bound, lg.boundKind);
}
