import {
  Bool,
  type DataType,
  Float64,
  Int32,
  makeVector,
  Table,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import {
  type Column,
  type ColumnType,
  plainValue,
  type SqlRow,
  type SqlRunner,
  type SqlValue,
} from './sql-runner.ts';

/**
 * What this runner needs from a duckdb-wasm connection. Both the browser's AsyncDuckDBConnection
 * (promises) and the blocking build's DuckDBConnection (plain values, used in Node tests) fit,
 * so this file imports nothing from duckdb-wasm and nothing from node:.
 */
export interface WasmConnectionLike {
  query(text: string): ArrowResultLike | Promise<ArrowResultLike>;
  insertArrowFromIPCStream(
    buffer: Uint8Array,
    options: { name: string; create?: boolean },
  ): unknown;
}

export interface ArrowResultLike {
  toArray(): ArrayLike<unknown>;
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChildAt(index: number): { get(index: number): unknown } | null;
}

interface JsonRow {
  toJSON(): Record<string, unknown>;
}

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  DOUBLE: () => new Float64(),
  INTEGER: () => new Int32(),
  BOOLEAN: () => new Bool(),
};

export class WasmRunner implements SqlRunner {
  private stageCounter = 0;

  constructor(private readonly connection: WasmConnectionLike) {}

  async exec(sql: string): Promise<void> {
    await this.connection.query(sql);
  }

  async query<T = SqlRow>(sql: string): Promise<T[]> {
    const table = await this.connection.query(sql);
    const rows = Array.from(table.toArray(), (row) => (row as JsonRow).toJSON());
    return rows.map((row) => {
      const out: SqlRow = {};
      for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
      return out as T;
    });
  }

  async queryColumns(sql: string): Promise<Record<string, SqlValue[]>> {
    const table = await this.connection.query(sql);
    const out: Record<string, SqlValue[]> = {};
    table.schema.fields.forEach((field, j) => {
      const vector = table.getChildAt(j);
      const values = new Array<SqlValue>(table.numRows);
      for (let i = 0; i < table.numRows; i++) values[i] = plainValue(vector?.get(i) ?? null);
      out[field.name] = values;
    });
    return out;
  }

  /**
   * Arrow IPC is the fast bulk path of duckdb-wasm (insertArrowTable silently inserts nothing
   * with an ESM apache-arrow table in Node). Inserting into a fresh staging table and copying
   * keeps the target's declared column types.
   */
  async insertColumns(table: string, columns: Column[]): Promise<void> {
    if (columns.length === 0 || columns[0].values.length === 0) return;
    const vectors: Record<string, Vector> = {};
    for (const column of columns) {
      const { values, type } = column;
      // Typed arrays (no NULLs) become Arrow vectors without a copy or a builder pass.
      if (type === 'DOUBLE' && values instanceof Float64Array) {
        vectors[column.name] = makeVector(values);
      } else if (type === 'INTEGER' && values instanceof Int32Array) {
        vectors[column.name] = makeVector(values);
      } else {
        vectors[column.name] = vectorFromArray(
          Array.from(values as ArrayLike<unknown>),
          ARROW_TYPES[type](),
        );
      }
    }
    const stage = `__stage_${table}_${this.stageCounter++}`;
    await this.connection.insertArrowFromIPCStream(tableToIPC(new Table(vectors), 'stream'), {
      name: stage,
      create: true,
    });
    const names = columns.map((column) => `"${column.name}"`).join(', ');
    await this.exec(`INSERT INTO ${table} (${names}) SELECT ${names} FROM ${stage}`);
    await this.exec(`DROP TABLE ${stage}`);
  }
}
