import { parseArgs } from 'node:util';
import { analyseCity } from '../../analysis/coverage/analyse-city.ts';
import { graphReachSource } from '../../analysis/coverage/routing-reach.ts';
import type { ReachSource } from '../../analysis/coverage/types.ts';
import { syntheticGrid } from '../../analysis/graph/synthetic-grid.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../analysis/standards/profiles.ts';
import { TRAVEL_PROFILES } from '../../analysis/standards/types.ts';
import { readCityGraphs, readCityInput } from '../analyse/read-city.ts';
import { syntheticMetro } from '../analyse/synthetic-metro.ts';
import { NodeRunner } from '../db/node-runner.ts';
import {
  type Benchmark,
  cpuSeconds,
  loadAverage,
  machineInfo,
  peakRssMb,
  round,
} from './benchmark.ts';

/** Wraps a reach source to time the routing part of an analysis separately. */
function timedReach(source: ReachSource, clock: { ms: number; rows: number }): ReachSource {
  return async (request) => {
    const start = performance.now();
    const table = await source(request);
    clock.ms += performance.now() - start;
    clock.rows += 'cell' in table ? table.cell.length : table.h3.length;
    return table;
  };
}

export const benchmark: Benchmark = {
  summary:
    'analyse: full coverage + standards analysis of the demo (every profile) and a synthetic metro',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        city: { type: 'string', default: 'data/nanjing-xinjiekou' },
        'grid-side': { type: 'string', default: '708' },
        facilities: { type: 'string', default: '2000' },
        // 11: ≈1.1M cells over the 500k-node grid, the "≈ 1M H3 cells"; 10 gives ≈155k.
        resolution: { type: 'string', default: '11' },
        'no-metro': { type: 'boolean', default: false },
      },
    });
    const out: Record<string, unknown> = { machine: machineInfo() };

    // 1. Demo: every built-in profile, all four travel profiles, routing included (cold DuckDB).
    const input = readCityInput(values.city);
    const graphs = readCityGraphs(values.city, ['walk', 'ebike', 'drive']);
    const perProfile: Record<string, number> = {};
    const perProfileCpu: Record<string, number> = {};
    for (const id of BUILT_IN_PROFILE_IDS) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const runner = await NodeRunner.open();
      const routing = graphReachSource(input, graphs);
      await analyseCity(input, runner, {
        profile: builtInProfile(id),
        reach: routing.reach,
        travelProfiles: [...TRAVEL_PROFILES],
      });
      runner.close();
      perProfile[id] = round((performance.now() - start) / 1000);
      perProfileCpu[id] = round(cpuSeconds(cpuStart));
    }
    const demoTimes = Object.values(perProfile);
    out.demo_city = values.city;
    out.demo_cells = input.cells.length;
    out.demo_facilities = input.facilities.length;
    out.demo_seconds = Math.max(...demoTimes);
    out.demo_cpu_seconds = Math.max(...Object.values(perProfileCpu));
    out.demo_seconds_per_profile = perProfile;
    out.demo_cpu_seconds_per_profile = perProfileCpu;
    out.demo_all_profiles_seconds = round(demoTimes.reduce((s, t) => s + t, 0));
    console.log(
      `demo (${input.cells.length} cells, ${input.facilities.length} facilities): worst profile ${out.demo_seconds} s`,
      perProfile,
    );

    // 2. Synthetic metro: the 500k-node synthetic grid, 2,000 facilities, walk-elderly routing + analysis.
    if (!values['no-metro']) {
      const side = Number(values['grid-side']);
      const grid = syntheticGrid({ rows: side, cols: side });
      const metro = syntheticMetro(grid, Number(values.facilities), Number(values.resolution));
      const clock = { ms: 0, rows: 0 };
      const routing = graphReachSource(metro, { walk: grid });
      const stages: Record<string, number> = {};
      out.metro_load_average_before = loadAverage();
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const runner = await NodeRunner.open();
      const result = await analyseCity(metro, runner, {
        profile: builtInProfile('huaihua-2020'),
        reach: timedReach(routing.reach, clock),
        onStage: (stage, ms) => {
          stages[stage] = round(ms / 1000);
        },
      });
      const seconds = (performance.now() - start) / 1000;
      const cpu = cpuSeconds(cpuStart);
      out.metro_load_average_after = loadAverage();
      runner.close();
      out.metro_nodes = grid.nodeCount;
      out.metro_facilities = metro.facilities.length;
      out.metro_cells = metro.cells.length;
      out.metro_resolution = metro.h3Resolution;
      out.metro_units = metro.units.length;
      out.metro_reach_rows = clock.rows;
      out.metro_findings = result.summary.findings.length;
      out.metro_seconds = round(seconds);
      // Process CPU (all threads: DuckDB runs SQL on both cores) — robust on a shared machine.
      out.metro_cpu_seconds = round(cpu);
      out.metro_stage_seconds = stages;
      out.metro_routing_seconds = round(clock.ms / 1000);
      out.metro_sql_seconds = round(seconds - clock.ms / 1000);
      console.log(
        `metro (${grid.nodeCount} nodes, ${metro.cells.length} cells res ${metro.h3Resolution}, ${metro.facilities.length} facilities, ${clock.rows} reach rows): ${out.metro_seconds} s wall, ${out.metro_cpu_seconds} s CPU (routing ${out.metro_routing_seconds} s)`,
        stages,
      );
    }
    out.metro_peak_rss_mb = peakRssMb();
    console.log(`peak RSS ${out.metro_peak_rss_mb} MB`);
    return out;
  },
};
