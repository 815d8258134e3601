import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import type { PopulationCellRow, PopulationTotals } from '../../../analysis/city/types.ts';
import type { PopulationImportRow } from '../../../analysis/io/import/validate-population.ts';

const COUNTS = ['residents', 'elders60', 'elders65', 'elders80', 'households'] as const;
type CountField = (typeof COUNTS)[number];

export interface PopulationCells {
  cells: PopulationCellRow[];
  totals: PopulationTotals;
  /** Count columns the file did not have: they are 0 on the map and the wizard says so. */
  absentCounts: CountField[];
  /** Source rows whose H3 cell is coarser than the city's resolution (cannot be split honestly). */
  coarserRows: number[];
}

/**
 * Accepted population rows onto the city's H3 grid: a cell of the city's resolution is used as
 * given, a finer cell goes to its parent, a point to the cell it lies in; rows landing in the same
 * cell are summed. Nothing is estimated: counts absent from the file stay 0 and are reported.
 */
export function populationCells(rows: PopulationImportRow[], resolution: number): PopulationCells {
  const absentCounts = COUNTS.filter((c) => rows.every((r) => r[c] === undefined));
  const byCell = new Map<string, PopulationCellRow>();
  const coarserRows: number[] = [];
  for (const row of rows) {
    const h3 = cellOf(row, resolution);
    if (h3 === undefined) {
      coarserRows.push(row.source_row);
      continue;
    }
    const cell = byCell.get(h3) ?? {
      h3,
      residents: 0,
      elders60: 0,
      elders65: 0,
      elders80: 0,
      households: 0,
      unit_id: '',
      street_id: '',
    };
    for (const c of COUNTS) cell[c] += row[c] ?? 0;
    byCell.set(h3, cell);
  }
  const cells = [...byCell.values()].sort((a, b) => (a.h3 < b.h3 ? -1 : 1));
  const totals = { residents: 0, elders60: 0, elders65: 0, elders80: 0, households: 0 };
  for (const cell of cells) for (const c of COUNTS) totals[c] += cell[c];
  return { cells, totals, absentCounts, coarserRows };
}

function cellOf(row: PopulationImportRow, resolution: number): string | undefined {
  if (row.h3 !== undefined) {
    const own = getResolution(row.h3);
    if (own === resolution) return row.h3;
    return own > resolution ? cellToParent(row.h3, resolution) : undefined;
  }
  if (row.lon === undefined || row.lat === undefined) return undefined;
  return latLngToCell(row.lat, row.lon, resolution);
}
