import { analyseCity } from './analysis/coverage/analyse-city.ts';
import { graphReachSource } from './analysis/coverage/routing-reach.ts';
import { syntheticGrid } from './analysis/graph/synthetic-grid.ts';
import { builtInProfile } from './analysis/standards/profiles.ts';
import { syntheticMetro } from './scripts/analyse/synthetic-metro.ts';
import { NodeRunner } from './scripts/db/node-runner.ts';
const grid = syntheticGrid({ rows: 708, cols: 708 });
let t = performance.now();
const metro = syntheticMetro(grid, 2000, 10);
console.log('metro build', performance.now() - t);
const routing = graphReachSource(metro, { walk: grid });
const runner = await NodeRunner.open();
const times: [number, string][] = [];
for (const m of ['exec', 'query', 'insertColumns'] as const) {
  const orig = (runner[m] as (...a: unknown[]) => Promise<unknown>).bind(runner);
  (runner as unknown as Record<string, unknown>)[m] = async (...a: unknown[]) => { const s = performance.now(); const r = await orig(...a); times.push([performance.now() - s, `${m} ${String(a[0]).slice(0, 90).replace(/\s+/g, ' ')}`]); return r; };
}
const reachClock = { ms: 0 };
t = performance.now();
let last = performance.now();
const r = await analyseCity(metro, runner, { profile: builtInProfile('huaihua-2020'), reach: async (q) => { const s = performance.now(); const x = routing.reach(q); reachClock.ms += performance.now() - s; return x; } });
console.log('total', performance.now() - t, 'reach', reachClock.ms);
const sqlTotal = times.reduce((s, x) => s + x[0], 0);
console.log('sql total', sqlTotal);
times.sort((a, b) => b[0] - a[0]);
console.log(times.slice(0, 15).map((x) => `${x[0].toFixed(0)} ${x[1]}`).join('\n'));
