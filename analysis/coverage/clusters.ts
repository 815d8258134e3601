import { cellToLocalIj, gridDisk, type H3IndexInput } from 'h3-js';
import { type SqlRunner, sqlNumber } from '../db/sql-runner.ts';
import { h3Halves } from '../routing/cell-centres.ts';
import { type CityCells, cityCells } from './city-cells.ts';
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
  const find = neighbourComponents(city, cells);
  const groups = new Map<number, number[]>();
  cells.forEach((c, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [c]);
    else group.push(c);
  });
  // Rank on elders alone (summed in cell order, as summarise does); only the listed clusters
  // are summarised in full, which matters on a metro with tens of thousands of small ones.
  const ranked = [...groups.values()].map((group) => {
    let elders60 = 0;
    for (const c of group) elders60 += input.cells[c].elders60;
    return { group, elders60, first: city.h3[group[0]] };
  });
  // Ties broken by first cell so that the ranking is deterministic.
  ranked.sort((a, b) => b.elders60 - a.elders60 || (a.first < b.first ? -1 : 1));
  const clusters = ranked.slice(0, limit).map((r, i) => ({
    ...summarise(input, r.group),
    rank: i + 1,
  }));
  return { clusters, total: ranked.length };
}

/**
 * Connected components of the given cell positions under H3 adjacency: returns find(i), the
 * component root of the i-th position. Local IJ coordinates first, gridDisk as the fallback
 * (or when `method` says so; tests compare the two).
 */
export function neighbourComponents(
  city: CityCells,
  cells: Int32Array,
  method: 'local-ij' | 'grid-disk' = 'local-ij',
): (i: number) => number {
  const parent = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  if (method === 'grid-disk' || !unionByLocalIj(city, cells, union)) {
    unionByGridDisk(city, cells, union);
  }
  return find;
}

/** Offsets of the six neighbours in H3 local IJ coordinates; three cover every pair once. */
const IJ_NEIGHBOURS: readonly [number, number][] = [
  [1, 0],
  [0, 1],
  [1, 1],
];
const IJ_KEY = 2 ** 27;

/**
 * Neighbours through H3 local IJ coordinates (one h3-js call per cell, integer lookups after):
 * no string per neighbour, unlike gridDisk. Returns false when some cell has no local IJ
 * relative to the first one (far apart or across pentagon distortion); the caller then falls
 * back to gridDisk.
 */
function unionByLocalIj(
  city: CityCells,
  cells: Int32Array,
  union: (i: number, j: number) => void,
): boolean {
  if (cells.length === 0) return true;
  const halves = h3Halves(city.h3);
  const scratch: [number, number] = [0, 0];
  const index = (c: number): H3IndexInput => {
    if (halves === null) return city.h3[c];
    scratch[0] = halves.lo[c];
    scratch[1] = halves.hi[c];
    return scratch;
  };
  const origin = city.h3[cells[0]];
  const at = new Map<number, number>();
  const ci = new Int32Array(cells.length);
  const cj = new Int32Array(cells.length);
  try {
    for (let k = 0; k < cells.length; k++) {
      const { i, j } = cellToLocalIj(origin, index(cells[k]));
      ci[k] = i;
      cj[k] = j;
      at.set(i * IJ_KEY + j, k);
    }
  } catch {
    return false;
  }
  for (let k = 0; k < cells.length; k++) {
    for (const [di, dj] of IJ_NEIGHBOURS) {
      const other = at.get((ci[k] + di) * IJ_KEY + cj[k] + dj);
      if (other !== undefined) union(k, other);
    }
  }
  return true;
}

function unionByGridDisk(
  city: CityCells,
  cells: Int32Array,
  union: (i: number, j: number) => void,
): void {
  // Position in `cells` of each uncovered cell's H3 index (only these are ever looked up).
  const uncoveredAt = new Map<string, number>();
  for (let i = cells.length - 1; i >= 0; i--) uncoveredAt.set(city.h3[cells[i]], i);
  cells.forEach((c, i) => {
    for (const neighbour of gridDisk(city.h3[c], 1)) {
      const j = uncoveredAt.get(neighbour);
      if (j !== undefined) union(i, j);
    }
  });
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
