import type { PopulationCellRow } from '../city/types.ts';
import { type CellCentres, cellCentres } from '../routing/cell-centres.ts';

/**
 * The population cells of a city by position: the integer key of every big table
 * (`population_cells.idx`, `reach.cell_idx` …). Computed once per cell list and shared by the
 * routing adapter and the metrics, so a million-cell metro pays for its H3 strings once.
 * Lookups go through the H3-sorted order (binary search): population.csv is sorted by h3, so
 * that order is usually the identity and no million-entry map is ever built.
 * The list must not change afterwards (memoised by identity).
 */
export interface CityCells {
  h3: readonly string[];
  centres(): CellCentres;
  /** Positions in ascending H3 order (ties by position). */
  order(): Int32Array;
  /** Position of an H3 index (its first row), or undefined when it has no population row. */
  indexOf(h3: string): number | undefined;
  /** Every position holding this H3 index (a malformed list may repeat one), ascending. */
  positionsOf(h3: string): number[];
}

const memo = new WeakMap<readonly PopulationCellRow[], CityCells>();

export function cityCells(cells: readonly PopulationCellRow[]): CityCells {
  const known = memo.get(cells);
  if (known !== undefined) return known;
  const h3 = cells.map((c) => c.h3);
  let sorted: Int32Array | null = null;
  const order = (): Int32Array => {
    sorted ??= h3Order(h3);
    return sorted;
  };
  const positionsOf = (cell: string): number[] => {
    const byH3 = order();
    let lo = 0;
    let hi = byH3.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h3[byH3[mid]] < cell) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < byH3.length && h3[byH3[k]] === cell; k++) out.push(byH3[k]);
    return out;
  };
  const city: CityCells = {
    h3,
    centres: () => cellCentres(h3),
    order,
    indexOf: (cell) => positionsOf(cell)[0],
    positionsOf,
  };
  memo.set(cells, city);
  return city;
}

/** Positions sorted by H3 index, then position; a linear check skips the sort when sorted. */
function h3Order(h3: readonly string[]): Int32Array {
  const order = new Int32Array(h3.length);
  for (let i = 0; i < h3.length; i++) order[i] = i;
  let sorted = true;
  for (let i = 1; i < h3.length && sorted; i++) sorted = h3[i - 1] <= h3[i];
  if (!sorted) order.sort((a, b) => (h3[a] < h3[b] ? -1 : h3[a] > h3[b] ? 1 : a - b));
  return order;
}
