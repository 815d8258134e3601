import { cellToLatLng, gridDisk } from 'h3-js';
import { type SqlRunner, sqlNumber } from '../db/sql-runner.ts';
import type { Cluster } from './types.ts';

interface UncoveredCell {
  h3: string;
  elders60: number;
  residents: number;
  unit_id: string;
}

/**
 * Uncovered-elder clusters: cells with elders and no facility within `minutes` (walk-elderly),
 * grouped into connected components by H3 adjacency (grid distance 1), ranked by elders.
 */
export async function uncoveredClusters(
  runner: SqlRunner,
  minutes: number,
  limit: number,
): Promise<{ clusters: Cluster[]; total: number }> {
  const cells = await runner.query<UncoveredCell>(
    `SELECT c.h3, c.elders60, c.residents, c.unit_id FROM population_cells c
     LEFT JOIN nearest n ON n.h3 = c.h3 AND n.profile = 'walk-elderly' AND n.kind = 'all'
     WHERE c.elders60 > 0 AND (n.minutes IS NULL OR n.minutes > ${sqlNumber(minutes)})
     ORDER BY c.h3`,
  );
  const index = new Map(cells.map((c, i) => [c.h3, i]));
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  cells.forEach((cell, i) => {
    for (const neighbour of gridDisk(cell.h3, 1)) {
      const j = index.get(neighbour);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, UncoveredCell[]>();
  cells.forEach((cell, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [cell]);
    else group.push(cell);
  });
  const clusters = [...groups.values()].map((group) => summarise(group));
  // Ties broken by first cell so that the ranking is deterministic.
  clusters.sort((a, b) => b.elders60 - a.elders60 || (a.h3[0] < b.h3[0] ? -1 : 1));
  clusters.forEach((c, i) => {
    c.rank = i + 1;
  });
  return { clusters: clusters.slice(0, limit), total: clusters.length };
}

function summarise(group: UncoveredCell[]): Cluster {
  let lat = 0;
  let lon = 0;
  for (const cell of group) {
    const [cellLat, cellLon] = cellToLatLng(cell.h3);
    lat += cellLat;
    lon += cellLon;
  }
  const sum = (f: (c: UncoveredCell) => number) => group.reduce((s, c) => s + f(c), 0);
  return {
    rank: 0,
    cells: group.length,
    elders60: sum((c) => c.elders60),
    residents: sum((c) => c.residents),
    center: [lon / group.length, lat / group.length],
    unitIds: [...new Set(group.map((c) => c.unit_id).filter((u) => u !== ''))].sort(),
    h3: group.map((c) => c.h3),
  };
}
