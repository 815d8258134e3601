import { parseArgs } from 'node:util';
import { cityCells } from '../../analysis/coverage/city-cells.ts';
import type { CityInput } from '../../analysis/coverage/types.ts';
import { seededUnit, syntheticGrid } from '../../analysis/graph/synthetic-grid.ts';
import type { RoadGraph } from '../../analysis/graph/types.ts';
import { type LiveCoverage, liveCoverage } from '../../analysis/siting/live-coverage.ts';
import { readCityGraphs, readCityInput } from '../analyse/read-city.ts';
import { syntheticMetro } from '../analyse/synthetic-metro.ts';
import {
  type Benchmark,
  cpuSeconds,
  loadAverage,
  machineInfo,
  median,
  peakRssMb,
  percentile,
  round,
} from './benchmark.ts';

const THRESHOLDS = [5, 10, 15, 30];

interface EditTimes {
  wallMs: number[];
  cpuMs: number[];
  kinds: Record<string, number>;
  changedCells: number;
  /** Covered elders per threshold after the last edit (what the panel shows). */
  covered: number[];
}

/**
 * Random one-site edits (add, move, close in turn; deterministic seed), each timed end to end:
 * the edited site's routing surface, the incremental coverage update, the covered elders per
 * threshold, and the list of changed cells a map would repaint.
 */
function timeEdits(
  live: LiveCoverage,
  input: CityInput,
  ids: string[],
  edits: number,
  seed: number,
): EditTimes {
  const centres = cityCells(input.cells).centres();
  const times: EditTimes = { wallMs: [], cpuMs: [], kinds: {}, changedCells: 0, covered: [] };
  let added = 0;
  const somewhere = (k: number) => {
    const c = Math.floor(seededUnit(k, seed) * input.cells.length);
    return { lon: centres.lon[c], lat: centres.lat[c] };
  };
  for (let k = 0; k < edits; k++) {
    const kind = ['add', 'move', 'close'][k % 3];
    const pick = Math.floor(seededUnit(k, seed + 1) * ids.length);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    if (kind === 'add') {
      const id = `NEW${seed}-${added++}`;
      live.addSite({ id, ...somewhere(k) });
      ids.push(id);
    } else if (kind === 'move') {
      const at = somewhere(k);
      live.moveSite(ids[pick], at.lon, at.lat);
    } else {
      live.closeSite(ids[pick]);
      ids.splice(pick, 1);
    }
    const numbers = live.numbers();
    const changed = live.state.drainChangedCells();
    times.cpuMs.push(cpuSeconds(cpuStart) * 1000);
    times.wallMs.push(performance.now() - start);
    times.kinds[kind] = (times.kinds[kind] ?? 0) + 1;
    times.changedCells += changed.length;
    times.covered = numbers.covered;
  }
  return times;
}

function summarise(prefix: string, times: EditTimes, edits: number): Record<string, unknown> {
  return {
    [`${prefix}_edit_ms_median`]: round(median(times.wallMs), 4),
    [`${prefix}_edit_ms_p95`]: round(percentile(times.wallMs, 95), 4),
    [`${prefix}_edit_cpu_ms_median`]: round(median(times.cpuMs), 4),
    [`${prefix}_edits`]: edits,
    [`${prefix}_edit_kinds`]: times.kinds,
    [`${prefix}_changed_cells_mean`]: Math.round(times.changedCells / edits),
    [`${prefix}_covered_after`]: times.covered.map((c) => Math.round(c)),
  };
}

function run(
  name: string,
  input: CityInput,
  graph: RoadGraph,
  edits: number,
): Record<string, unknown> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const live = liveCoverage(input, graph, { thresholds: THRESHOLDS });
  const setup = {
    [`${name}_setup_seconds`]: round((performance.now() - start) / 1000),
    [`${name}_setup_cpu_seconds`]: round(cpuSeconds(cpuStart)),
  };
  // Site ids currently in the register (edits change it; the warm-up's edits stay applied).
  const ids = input.facilities.map((f) => f.id);
  timeEdits(live, input, ids, 30, 3); // warm-up (JIT), not counted
  const times = timeEdits(live, input, ids, edits, 5);
  const out = { ...setup, ...summarise(name, times, edits) };
  console.log(
    `${name} (${input.cells.length} cells, ${input.facilities.length} sites): setup ${setup[`${name}_setup_seconds`]} s; ` +
      `one-site edit median ${out[`${name}_edit_ms_median`]} ms wall, ${out[`${name}_edit_cpu_ms_median`]} ms CPU ` +
      `(p95 ${out[`${name}_edit_ms_p95`]} ms)`,
  );
  return out;
}

export const benchmark: Benchmark = {
  summary: 'scenario: one-site edits (add/move/close) with live coverage, demo and synthetic metro',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        city: { type: 'string', default: 'data/nanjing-xinjiekou' },
        edits: { type: 'string', default: '300' },
        'grid-side': { type: 'string', default: '708' },
        facilities: { type: 'string', default: '2000' },
        resolution: { type: 'string', default: '11' },
        'no-metro': { type: 'boolean', default: false },
      },
    });
    const edits = Number(values.edits);
    const out: Record<string, unknown> = {
      machine: machineInfo(),
      thresholds: THRESHOLDS,
      load_average_before: loadAverage(),
    };
    const input = readCityInput(values.city);
    const walk = readCityGraphs(values.city, ['walk']).walk as RoadGraph;
    Object.assign(out, { demo_city: values.city, demo_cells: input.cells.length });
    Object.assign(out, run('demo', input, walk, edits));
    if (!values['no-metro']) {
      const side = Number(values['grid-side']);
      const grid = syntheticGrid({ rows: side, cols: side });
      const metro = syntheticMetro(grid, Number(values.facilities), Number(values.resolution));
      Object.assign(out, {
        metro_nodes: grid.nodeCount,
        metro_cells: metro.cells.length,
        metro_resolution: metro.h3Resolution,
        metro_facilities: metro.facilities.length,
      });
      Object.assign(out, run('metro', metro, grid, edits));
    }
    out.load_average_after = loadAverage();
    out.peak_rss_mb = peakRssMb();
    console.log(`peak RSS ${out.peak_rss_mb} MB`);
    return out;
  },
};
