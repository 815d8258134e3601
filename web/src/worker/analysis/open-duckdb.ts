import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { Column, SqlRunner } from '../../../../analysis/db/sql-runner.ts';
import { type WasmConnectionLike, WasmRunner } from '../../../../analysis/db/wasm-runner.ts';
import type { DuckDbFiles } from '../../pwa/duckdb-worker-shim.ts';
import { mark, span } from '../timeline.ts';

let opening: Promise<WasmRunner> | null = null;

/**
 * duckdb-wasm, opened once per analysis worker. Only the exception-handling (eh) bundle is
 * shipped, served by the app itself (no CDN). Extension auto-loading is switched off first: the
 * app is offline and nothing it runs needs an extension.
 */
export function openDuckDb(): Promise<WasmRunner> {
  if (opening === null) {
    opening = open().catch((error: unknown) => {
      opening = null; // a later run may retry
      throw error;
    });
  }
  return opening;
}

/**
 * A runner to hand out before duckdb-wasm is open: each statement first waits for it. The
 * analysis routes (no database needed) while the module is still compiling on a first visit.
 */
export function waitingDuckDbRunner(): SqlRunner {
  return {
    exec: async (sql: string) => (await openDuckDb()).exec(sql),
    query: async <T>(sql: string) => (await openDuckDb()).query<T>(sql),
    queryColumns: async (sql: string) => (await openDuckDb()).queryColumns(sql),
    insertColumns: async (table: string, columns: Column[]) =>
      (await openDuckDb()).insertColumns(table, columns),
  };
}

async function open(): Promise<WasmRunner> {
  // duckdb-wasm's worker behind a shim that lets Chromium reuse the compiled module on repeat
  // visits (see the shim for why).
  const worker = new Worker(new URL('../../pwa/duckdb-worker-shim.ts', import.meta.url));
  const files: DuckDbFiles = {
    workerUrl: new URL(ehWorkerUrl, self.location.href).href,
    wasmUrl: new URL(ehWasmUrl, self.location.href).href,
  };
  worker.postMessage(files);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  mark('duckdb-instantiate');
  await db.instantiate(ehWasmUrl);
  mark('duckdb-instantiated');
  await db.open({});
  const connection = await db.connect();
  await connection.query('SET autoinstall_known_extensions=false');
  await connection.query('SET autoload_known_extensions=false');
  mark('duckdb-ready');
  return new WasmRunner(timed(connection));
}

/** The connection with each statement's time recorded (the browser benchmark reads them). */
function timed(connection: WasmConnectionLike): WasmConnectionLike {
  return {
    async query(text) {
      const t0 = performance.now();
      try {
        return await connection.query(text);
      } finally {
        span('sql', performance.now() - t0, text);
      }
    },
    async insertArrowFromIPCStream(buffer, options) {
      const bytes = buffer.byteLength; // read first: the buffer is transferred to duckdb's worker
      const t0 = performance.now();
      try {
        return await connection.insertArrowFromIPCStream(buffer, options);
      } finally {
        span('arrow-insert', performance.now() - t0, `${options.name}: ${bytes} bytes`);
      }
    },
  };
}
