import { gridDisk } from 'h3-js';
import { type SqlRunner, sqlNumber } from '../db/sql-runner.ts';
import { cityCells } from './city-cells.ts';
import type { CityInput, Cluster } from './types.ts';

/**
 * Uncovered-elder clusters: cells with elders and no facility within `minutes` (walk-elderly),
 * grouped into connected components by H3 adjacency (grid distance 1), ranked by elders.
 * SQL picks the cells (by position); the grouping runs on typed arrays in H3 order.
 */
export async function uncoveredClusters(
  runner: SqlRunner,
  input: CityInput,
  minutes: number,
  limit: number,
): Promise<{ clusters: Cluster[]; total: number }> {
  const found = await runner.queryColumns(
    `SELECT c.idx FROM population_cells c
     LEFT JOIN nearest n ON n.cell_idx = c.idx AND n.profile = 'walk-elderly'
     WHERE c.elders60 > 0 AND (n.minutes IS NULL OR n.minutes > ${sqlNumber(minutes)})`,
  );
  const city = cityCells(input.cells);
  const cells = inH3Order(city.order(), found.idx as number[]);
  // Position in `cells` of each uncovered cell's H3 index (only these are ever looked up).
  const uncoveredAt = new Map<string, number>();
  for (let i = cells.length - 1; i >= 0; i--) uncoveredAt.set(city.h3[cells[i]], i);
  const parent = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  cells.forEach((c, i) => {
    for (const neighbour of gridDisk(city.h3[c], 1)) {
      const j = uncoveredAt.get(neighbour);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  cells.forEach((c, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [c]);
    else group.push(c);
  });
  const clusters = [...groups.values()].map((group) => summarise(input, group));
  // Ties broken by first cell so that the ranking is deterministic.
  clusters.sort((a, b) => b.elders60 - a.elders60 || (a.h3[0] < b.h3[0] ? -1 : 1));
  clusters.forEach((c, i) => {
    c.rank = i + 1;
  });
  return { clusters: clusters.slice(0, limit), total: clusters.length };
}

/** Positions sorted into H3 order (the order the clusters and their cell lists are given in). */
function inH3Order(order: Int32Array, positions: readonly number[]): Int32Array {
  const rank = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) rank[order[k]] = k;
  const ranks = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) ranks[i] = rank[positions[i]];
  ranks.sort();
  for (let i = 0; i < ranks.length; i++) ranks[i] = order[ranks[i]];
  return ranks;
}

function summarise(input: CityInput, group: number[]): Cluster {
  const city = cityCells(input.cells);
  const centres = city.centres();
  let lat = 0;
  let lon = 0;
  let elders60 = 0;
  let residents = 0;
  for (const c of group) {
    lat += centres.lat[c];
    lon += centres.lon[c];
    elders60 += input.cells[c].elders60;
    residents += input.cells[c].residents;
  }
  return {
    rank: 0,
    cells: group.length,
    elders60,
    residents,
    center: [lon / group.length, lat / group.length],
    unitIds: [
      ...new Set(group.map((c) => input.cells[c].unit_id ?? '').filter((u) => u !== '')),
    ].sort(),
    h3: group.map((c) => city.h3[c]),
  };
}
