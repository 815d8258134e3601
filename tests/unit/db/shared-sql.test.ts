import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import type { WasmRunner } from '../../../analysis/db/wasm-runner.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../../analysis/standards/profiles.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { miniCity, miniReach } from '../../fixtures/coverage/mini-city.ts';
import { openWasmRunner } from './wasm-db.ts';

// The Node binding is DuckDB 1.5.5, duckdb-wasm 1.4.3: the same SQL must give the same answers.
let node: NodeRunner;
let wasm: WasmRunner;

beforeAll(async () => {
  node = await NodeRunner.open();
  wasm = await openWasmRunner();
});
afterAll(() => node.close());

describe('shared SQL through the Node binding and duckdb-wasm', () => {
  it('runs on two different DuckDB versions', async () => {
    const [n] = await node.query<{ v: string }>('SELECT version() AS v');
    const [w] = await wasm.query<{ v: string }>('SELECT version() AS v');
    expect(n.v).not.toBe(w.v);
  });

  it('loads columns with NULLs and reads them back identically', async () => {
    for (const runner of [node, wasm]) {
      await runner.exec('CREATE OR REPLACE TABLE t (a VARCHAR, b DOUBLE, c INTEGER, d BOOLEAN)');
      await runner.insertColumns('t', [
        { name: 'a', type: 'VARCHAR', values: ['x', null, "o'k"] },
        { name: 'b', type: 'DOUBLE', values: [1.5, 2, null] },
        { name: 'c', type: 'INTEGER', values: [1, 2, 3] },
        { name: 'd', type: 'BOOLEAN', values: [true, false, null] },
      ]);
    }
    const sql = 'SELECT *, sum(c) OVER ()::BIGINT AS s FROM t ORDER BY c';
    const expected = [
      { a: 'x', b: 1.5, c: 1, d: true, s: 6 },
      { a: null, b: 2, c: 2, d: false, s: 6 },
      { a: "o'k", b: null, c: 3, d: null, s: 6 },
    ];
    expect(await node.query(sql)).toEqual(expected);
    expect(await wasm.query(sql)).toEqual(expected);
  });

  it('gives identical analysis results for every rule of every profile', async () => {
    // One profile holding all 27 rules (rural ones made applicable) keeps wasm time down.
    const base = builtInProfile('huaihua-2020');
    const rules = BUILT_IN_PROFILE_IDS.flatMap((id) => builtInProfile(id).rules).map((r) => ({
      ...r,
      appliesTo: 'all' as const,
    }));
    const profile = { ...base, rules };
    const options = {
      profile,
      reach: miniReach,
      travelProfiles: ['walk-elderly' as const, 'ebike' as const],
    };
    const fromNode = await analyseCity(miniCity(), node, options);
    const fromWasm = await analyseCity(miniCity(), wasm, options);
    expect(new Set(fromNode.summary.findings.map((f) => f.rule)).size).toBe(rules.length);
    expect(fromWasm).toEqual(fromNode);
  });
});
