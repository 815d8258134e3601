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

/**
 * Optional facility fields that are recorded as unknown when empty (never 0 or floor 1): the
 * column as a planner names it, and what becomes unknown.
 */
export interface OptionalField {
  field: FacilityField;
  column: string;
  zh: string;
  en: string;
  /** A number: unknown is said to be not 0. */
  numeric: boolean;
}

const OPTIONAL_FIELDS: OptionalField[] = [
  { field: 'floorArea', column: '建筑面积', zh: '建筑面积', en: 'floor area', numeric: true },
  { field: 'beds', column: '床位', zh: '床位数', en: 'number of beds', numeric: true },
  { field: 'floorLevel', column: '楼层', zh: '所在楼层', en: 'floor', numeric: true },
  { field: 'lift', column: '电梯', zh: '电梯情况', en: 'lift', numeric: false },
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
  for (const optional of OPTIONAL_FIELDS) {
    const { field } = optional;
    const column = mapping[field];
    if (column === undefined)
      out.push({ field, column: null, reason: warningsOf.noColumn(optional) });
    else if (!fill.filled.has(column))
      out.push({ field, column, reason: warningsOf.emptyColumn(column, optional) });
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
