import { it } from 'vitest';
import { openWasmRunner } from './wasm-db.ts';
it('x', async () => {
const r = await openWasmRunner();
await r.exec("CREATE TABLE t (a VARCHAR, b DOUBLE, c INTEGER, d BOOLEAN)");
await r.insertColumns('t', [{name:'a',type:'VARCHAR',values:['x',null,'z']},{name:'b',type:'DOUBLE',values:[1.5,2,null]},{name:'c',type:'INTEGER',values:[1,2,3]},{name:'d',type:'BOOLEAN',values:[true,false,null]}]);
console.log(await r.query("SELECT *, sum(c) OVER ()::BIGINT AS s, version() v FROM t"));
});
