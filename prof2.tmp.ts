import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:'); const c = await inst.connect();
await c.run(`CREATE TABLE t AS SELECT 'h' || i::VARCHAR AS h3, i::DOUBLE a, (i*2)::DOUBLE b, 'C' || (i%100)::VARCHAR u, 'S' || (i%10)::VARCHAR s, CASE WHEN i%3=0 THEN NULL ELSE i/7 END::DOUBLE m, 1.5::DOUBLE x FROM range(155000) r(i)`);
for (const mode of ['columns', 'rows', 'columnsJS']) {
  const t = performance.now();
  const r = await c.runAndReadAll('SELECT * FROM t');
  const t1 = performance.now();
  let n = 0;
  if (mode === 'rowObjectsJS') n = r.getRowObjectsJS().length;
  if (mode === 'columnsJS') n = r.getColumnsJS()[0].length;
  if (mode === 'columnsObjectJS') n = Object.values(r.getColumnsObjectJS())[0].length;
  if (mode === 'rowsJS') n = r.getRowsJS().length; if (mode === 'columns') n = r.getColumns()[0].length; if (mode === 'rows') n = r.getRows().length;
  console.log(mode, 'read', (t1 - t).toFixed(0), 'convert', (performance.now() - t1).toFixed(0), n);
}
