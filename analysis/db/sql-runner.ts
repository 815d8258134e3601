/**
 * The one seam between the analysis and a DuckDB engine. The same SQL text runs through the
 * Node binding (scripts/db/node-runner.ts) and duckdb-wasm (./wasm-runner.ts), so metrics are
 * defined once. Results are plain objects; BIGINT/HUGEINT values come back as JS numbers.
 */
export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';

export interface Column {
  name: string;
  type: ColumnType;
  /** One value per row; null marks SQL NULL. */
  values: ArrayLike<string | number | boolean | null>;
}

export type SqlValue = string | number | boolean | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlRunner {
  /** Runs one statement and discards its result. */
  exec(sql: string): Promise<void>;
  /** Runs one query; every row as a plain object keyed by column name. */
  query<T = SqlRow>(sql: string): Promise<T[]>;
  /**
   * Runs one query; each column as an array of plain values (no object per row): for results
   * of a million rows, such as the per-cell table.
   */
  queryColumns(sql: string): Promise<Record<string, SqlValue[]>>;
  /** Appends columnar data to an existing table (columns in the table's order). */
  insertColumns(table: string, columns: Column[]): Promise<void>;
}

/** Runs statements in order (each one statement: neither binding is relied on to split text). */
export async function execAll(runner: SqlRunner, statements: string[]): Promise<void> {
  for (const statement of statements) await runner.exec(statement);
}

/** Quotes a string as a SQL literal. Profiles are user-edited, so every literal goes through here. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL list of string literals, e.g. for `IN (...)`; an empty list never matches. */
export function sqlStringList(values: readonly string[]): string {
  return values.length === 0 ? '(NULL)' : `(${values.map(sqlString).join(', ')})`;
}

/** A finite number as a SQL literal (DOUBLE); rejects NaN/Infinity, which are bugs here. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `${value}::DOUBLE`;
}

/** Converts what a binding returns (bigint, wrapped values) to plain JS values. */
export function plainValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return String(value);
}
