import type { RawRow, RawTable, Reason } from '../table/types.ts';
import type { FacilityField } from './column-synonyms.ts';
import type { ColumnMapping } from './guess-columns.ts';
import { warnings as warningsOf } from './reasons.ts';

/**
 * A note on the whole file rather than on one row: a field whose column is empty in every row,
 * or that has no column at all. One such note says what a thousand identical row warnings would.
 */
export interface FileWarning {
  field: FacilityField;
  /** The file's column, or null when the file has no column for the field. */
  column: string | null;
  reason: Reason;
}

/** Optional facility fields that are recorded as unknown when empty (never 0 or floor 1). */
const OPTIONAL_FIELDS: { field: FacilityField; zh: string; en: string }[] = [
  { field: 'floorArea', zh: '建筑面积', en: 'floor area' },
  { field: 'beds', zh: '床位数', en: 'number of beds' },
  { field: 'floorLevel', zh: '所在楼层', en: 'floor level' },
  { field: 'lift', zh: '有无电梯', en: 'lift' },
];

/** What one pass over the rows learns: how many data rows, and which columns hold a value. */
export interface ColumnFill {
  rows: number;
  filled: ReadonlySet<string>;
}

/** Mapped optional columns that hold a non-blank value in at least one row. */
export function optionalColumnFill(
  columns: string[],
  rows: Iterable<RawRow>,
  mapping: ColumnMapping<FacilityField>,
): ColumnFill {
  const counter = columnFillCounter(columns, mapping);
  for (const row of rows) counter.add(row);
  return counter.result();
}

/** The same, row by row, for a pass over a file that does other work as well. */
export function columnFillCounter(
  columns: string[],
  mapping: ColumnMapping<FacilityField>,
): { add(row: RawRow): void; result(): ColumnFill } {
  const watched = OPTIONAL_FIELDS.map(({ field }) => mapping[field])
    .filter((c): c is string => c !== undefined)
    .map((c) => [c, columns.indexOf(c)] as const)
    .filter(([, i]) => i >= 0);
  const filled = new Set<string>();
  let rows = 0;
  return {
    add(row) {
      rows++;
      for (const [column, i] of watched)
        if (!filled.has(column) && row.cells[i].trim() !== '') filled.add(column);
    },
    result: () => ({ rows, filled }),
  };
}

/**
 * One warning per optional field that no row fills: its column is empty throughout, or the file
 * has none. Nothing for a file without data rows (there is nothing to be unknown about).
 */
export function emptyColumnWarnings(
  mapping: ColumnMapping<FacilityField>,
  fill: ColumnFill,
): FileWarning[] {
  if (fill.rows === 0) return [];
  const out: FileWarning[] = [];
  for (const { field, zh, en } of OPTIONAL_FIELDS) {
    const column = mapping[field];
    if (column === undefined)
      out.push({ field, column: null, reason: warningsOf.noColumn({ zh, en }) });
    else if (!fill.filled.has(column))
      out.push({ field, column, reason: warningsOf.emptyColumn(column, { zh, en }) });
  }
  return out;
}

/** The same from a table held whole. */
export function tableEmptyColumnWarnings(
  table: RawTable,
  mapping: ColumnMapping<FacilityField>,
): FileWarning[] {
  return emptyColumnWarnings(mapping, optionalColumnFill(table.columns, table.rows, mapping));
}
