import type { PopulationCellRow } from '../city/types.ts';
import { type CellCentres, cellCentres } from '../routing/cell-centres.ts';

/**
 * The population cells of a city by position: the integer key of every big table
 * (`population_cells.idx`, `reach.cell_idx` …). Computed once per cell list and shared by the
 * routing adapter and the metrics, so a million-cell metro pays for its H3 strings once.
 * The list must not change afterwards (memoised by identity).
 */
export interface CityCells {
  h3: readonly string[];
  centres(): CellCentres;
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
  let index: Map<string, number> | null = null;
  // nextSame[i]: the next position with the same H3 index, -1 for none (built with the map).
  let nextSame: Int32Array | null = null;
  const build = (): Map<string, number> => {
    if (index === null) {
      index = new Map<string, number>();
      nextSame = new Int32Array(h3.length).fill(-1);
      for (let i = h3.length - 1; i >= 0; i--) {
        const later = index.get(h3[i]);
        if (later !== undefined) nextSame[i] = later;
        index.set(h3[i], i);
      }
    }
    return index;
  };
  const city: CityCells = {
    h3,
    centres: () => cellCentres(h3),
    indexOf: (cell) => build().get(cell),
    positionsOf(cell) {
      const out: number[] = [];
      let i = build().get(cell) ?? -1;
      while (i >= 0) {
        out.push(i);
        i = (nextSame as Int32Array)[i];
      }
      return out;
    },
  };
  memo.set(cells, city);
  return city;
}
