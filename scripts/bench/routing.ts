import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  seededUnit,
  syntheticFacilities,
  syntheticGrid,
} from '../../analysis/graph/synthetic-grid.ts';
import type { RoadGraph } from '../../analysis/graph/types.ts';
import { type CellLinks, cellLinks } from '../../analysis/routing/cell-links.ts';
import { ShortestPathSearch } from '../../analysis/routing/dijkstra.ts';
import { minutesToCost, travelProfile } from '../../analysis/routing/profiles.ts';
import { nearestFacility } from '../../analysis/routing/reach.ts';
import {
  type Origin,
  type SnappedOrigin,
  snapOrigins,
  surfaceEngine,
} from '../../analysis/routing/surface.ts';
import { loadCityFacilities, loadCityGraph } from '../routing/city-graph.ts';
import { pgRoutingSideBySide } from '../routing/pgrouting.ts';
import {
  type Benchmark,
  machineInfo,
  median,
  peakRssMb,
  percentile,
  round,
  timeMs,
} from './benchmark.ts';

const profile = travelProfile('walk-elderly'); // 1.0 m/s: a 15-minute circle is ≈ 900 m of road

/** Nodes spread over the graph, deterministically sampled. */
function sampleNodes(graph: RoadGraph, count: number): number[] {
  return Array.from({ length: count }, (_, k) => Math.floor(seededUnit(k, 99) * graph.nodeCount));
}

/** Origins at sampled nodes (so that pgRouting, which starts from vertices, gets the same). */
function nodeOrigins(graph: RoadGraph, nodes: readonly number[]): Origin[] {
  return nodes.map((node) => ({
    id: `N${node}`,
    lon: graph.nodeLon[node],
    lat: graph.nodeLat[node],
  }));
}

/** Our node costs from one node (for checking pgRouting's answer). */
function costsFrom(graph: RoadGraph, node: number, budget: number): Float64Array {
  const search = new ShortestPathSearch(graph);
  search.seed(node, 0, 0);
  search.run(budget);
  return Float64Array.from(search.dist);
}

/** CPU milliseconds of this process spent in fn (robust on a shared, loaded machine). */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Median time of one single-origin surface (Dijkstra + cell evaluation), after a warm-up. */
function surfaceTimes(links: CellLinks, snapped: SnappedOrigin[], minutes: number) {
  const engine = surfaceEngine(links);
  const maxCost = minutesToCost(profile, minutes);
  for (const origin of snapped.slice(0, 200)) engine.compute([origin], profile, maxCost);
  const times: number[] = [];
  let nodes = 0;
  let cells = 0;
  for (const origin of snapped) {
    times.push(timeMs(() => engine.compute([origin], profile, maxCost)));
    nodes += engine.search.touchedCount;
    cells += engine.touchedCellCount;
  }
  return { times, meanNodes: nodes / snapped.length, meanCells: cells / snapped.length };
}

function multiSourceMs(links: CellLinks, snapped: SnappedOrigin[], minutes: number, runs: number) {
  const engine = surfaceEngine(links);
  const maxCost = minutesToCost(profile, minutes);
  engine.compute(snapped, profile, maxCost);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    cpu.push(cpuMs(() => wall.push(timeMs(() => engine.compute(snapped, profile, maxCost)))));
  }
  return {
    ms: median(wall),
    cpuMs: median(cpu),
    cells: engine.touchedCellCount,
    nodes: engine.search.touchedCount,
  };
}

export const benchmark: Benchmark = {
  summary: 'routing: 15-minute surfaces on the demo, multi-source on a 500k-node grid, pgRouting',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        city: { type: 'string', default: 'data/nanjing-xinjiekou' },
        origins: { type: 'string', default: '1000' },
        'grid-side': { type: 'string', default: '708' },
        facilities: { type: 'string', default: '2000' },
        'no-pgrouting': { type: 'boolean', default: false },
      },
    });
    const out: Record<string, unknown> = {
      machine: machineInfo(),
      profile: profile.name,
      speed_mps: 1.0,
    };
    const originCount = Number(values.origins);

    // 1. Demo city: single-origin surfaces and multi-source over all facilities.
    const city = values.city ?? '';
    let demoGraph: RoadGraph | null = null;
    let demoNodes: number[] = [];
    let demoSurfaceMs = 0;
    if (existsSync(`${city}/city.json`)) {
      demoGraph = loadCityGraph(city, 'walk');
      const graph = demoGraph;
      const links = cellLinks(graph, { resolution: 10 });
      demoNodes = sampleNodes(graph, originCount);
      const snapTimes: number[] = [];
      const snapped: SnappedOrigin[] = [];
      for (const origin of nodeOrigins(graph, demoNodes)) {
        snapTimes.push(timeMs(() => snapped.push(...snapOrigins(graph, [origin]).snapped)));
      }
      const s = surfaceTimes(links, snapped, 15);
      demoSurfaceMs = median(s.times);
      const facilities = loadCityFacilities(city);
      const multi = multiSourceMs(links, snapOrigins(graph, facilities).snapped, 15, 50);
      const call = () => nearestFacility(graph, links, facilities, { profile, maxMinutes: 15 });
      call();
      const whole = timeMs(call);
      Object.assign(out, {
        demo_city: city,
        demo_nodes: graph.nodeCount,
        demo_edges: graph.edgeCount,
        demo_cells_res10: links.cells.length,
        demo_origins: snapped.length,
        demo_surface15_ms_median: round(median(s.times), 4),
        demo_surface15_ms_p95: round(percentile(s.times, 95), 4),
        demo_surface15_nodes_mean: Math.round(s.meanNodes),
        demo_surface15_cells_mean: Math.round(s.meanCells),
        demo_snap_ms_median: round(median(snapTimes), 4),
        demo_facilities: facilities.length,
        demo_multisource_ms: round(multi.ms, 3),
        demo_multisource_cpu_ms: round(multi.cpuMs, 3),
        demo_multisource_cells: multi.cells,
        demo_nearest_facility_call_ms: round(whole, 3),
      });
      console.log(
        `demo ${city}: ${graph.nodeCount} nodes; 15-min surface median ${round(median(s.times), 4)} ms ` +
          `(p95 ${round(percentile(s.times, 95), 4)} ms, ${Math.round(s.meanNodes)} nodes, ${Math.round(s.meanCells)} cells); ` +
          `multi-source over ${facilities.length} facilities ${round(multi.ms, 3)} ms`,
      );
    } else {
      Object.assign(out, {
        demo_city: null,
        demo_surface15_ms_median: null,
        demo_multisource_ms: null,
      });
      console.log(`demo: skipped (no city at ${city})`);
    }

    // 2. Synthetic metro grid: multi-source nearest facility over 2,000 facilities.
    const side = Number(values['grid-side']);
    let grid: RoadGraph | null = null;
    const buildMs = timeMs(() => (grid = syntheticGrid({ rows: side, cols: side })));
    const g = grid as unknown as RoadGraph;
    let links: CellLinks | null = null;
    const linksMs = timeMs(() => (links = cellLinks(g, { resolution: 10 })));
    const gridLinks = links as unknown as CellLinks;
    const sites = syntheticFacilities(g, Number(values.facilities));
    const snapped = snapOrigins(g, sites).snapped;
    const m15 = multiSourceMs(gridLinks, snapped, 15, 7);
    const m30 = multiSourceMs(gridLinks, snapped, 30, 5);
    const single = surfaceTimes(
      gridLinks,
      snapOrigins(g, nodeOrigins(g, sampleNodes(g, 1000))).snapped,
      15,
    );
    Object.assign(out, {
      grid_nodes: g.nodeCount,
      grid_edges: g.edgeCount,
      grid_cells_res10: gridLinks.cells.length,
      grid_build_ms: round(buildMs, 1),
      grid_cell_links_ms: round(linksMs, 1),
      grid_facilities: snapped.length,
      grid_multisource_2000_ms: round(m15.ms, 2),
      grid_multisource_2000_cpu_ms: round(m15.cpuMs, 2),
      grid_multisource_2000_reached_nodes: m15.nodes,
      grid_multisource_2000_30min_ms: round(m30.ms, 2),
      grid_multisource_2000_30min_cpu_ms: round(m30.cpuMs, 2),
      grid_surface15_ms_median: round(median(single.times), 4),
    });
    console.log(
      `grid: ${g.nodeCount} nodes, ${gridLinks.cells.length} cells; multi-source over ${snapped.length} ` +
        `facilities 15 min ${round(m15.ms, 2)} ms wall / ${round(m15.cpuMs, 2)} ms CPU (${m15.nodes} nodes), ` +
        `30 min ${round(m30.ms, 2)} ms wall / ${round(m30.cpuMs, 2)} ms CPU`,
    );
    grid = null;

    // 3. pgRouting side by side on the demo walk graph (skipped when not installed).
    out.pgrouting_ratio = null;
    if (values['no-pgrouting'] || demoGraph === null) console.log('pgRouting: skipped');
    else {
      const graph = demoGraph;
      const budget = minutesToCost(profile, 15);
      const pg = await pgRoutingSideBySide(
        graph,
        demoNodes.slice(0, 200),
        budget,
        (node) => costsFrom(graph, node, budget),
        demoSurfaceMs,
      );
      Object.assign(out, pg);
      if (pg.pgrouting_ratio === null) console.log(`pgRouting: skipped (${pg.pgrouting_note})`);
      else {
        console.log(
          `pgRouting ${pg.pgrouting_version}: ${pg.pgrouting_surface_ms_mean} ms per origin, ` +
            `ratio ${pg.pgrouting_ratio}× (max cost difference ${pg.pgrouting_max_cost_difference})`,
        );
      }
    }
    out.peak_rss_mb = peakRssMb();
    console.log(`peak RSS ${out.peak_rss_mb} MB`);
    return out;
  },
};
