import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { WasmRunner } from '../../../analysis/db/wasm-runner.ts';

/** duckdb-wasm's blocking build in Node (the async Node bundle crashes under vitest). */
export async function openWasmRunner(): Promise<WasmRunner> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  const connection = db.connect();
  // With autoload on, the Node wasm build hangs forever trying to fetch an extension.
  connection.query('SET autoinstall_known_extensions=false');
  connection.query('SET autoload_known_extensions=false');
  return new WasmRunner(connection);
}
