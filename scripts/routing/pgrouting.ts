import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoadGraph } from '../../analysis/graph/types.ts';

/**
 * pgRouting side by side: starts a throw-away PostgreSQL on 127.0.0.1 in a temp folder, loads
 * the graph's directed edges, and times pgr_drivingDistance from the same origin nodes with the
 * same cost budget. Skipped (with the reason) when PostgreSQL or pgRouting is not installed.
 * PostgreSQL refuses to run as root, so the server runs as the `postgres` user when we are root.
 */
export interface PgRoutingFigures {
  pgrouting_ratio: number | null;
  pgrouting_note: string;
  pgrouting_surface_ms_mean?: number;
  pgrouting_origins?: number;
  pgrouting_version?: string;
  pgrouting_max_cost_difference?: number;
}

function run(cmd: string, args: string[], asUser: string | null, env: NodeJS.ProcessEnv = {}) {
  const full = asUser === null ? [cmd, ...args] : ['runuser', '-u', asUser, '--', cmd, ...args];
  return execFileSync(full[0], full.slice(1), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function findInstall(): { bin: string } | string {
  let bin = '';
  let lib = '';
  try {
    bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    lib = execFileSync('pg_config', ['--pkglibdir'], { encoding: 'utf8' }).trim();
  } catch {
    return 'pg_config not found';
  }
  if (!existsSync(join(bin, 'initdb'))) return `no initdb in ${bin}`;
  if (!readdirSync(lib).some((f) => f.includes('pgrouting')))
    return `pgRouting not installed in ${lib}`;
  return { bin };
}

/**
 * `ourSurfaceMs`: our median single-origin surface time for the same origins and budget.
 * `origins`: node indices; `budget`: cost units (seconds at the walk reference speed).
 */
export async function pgRoutingSideBySide(
  graph: RoadGraph,
  origins: readonly number[],
  budget: number,
  ourCosts: (origin: number) => Float64Array,
  ourSurfaceMs: number,
): Promise<PgRoutingFigures> {
  const install = findInstall();
  if (typeof install === 'string') return { pgrouting_ratio: null, pgrouting_note: install };
  const asUser = process.getuid?.() === 0 ? 'postgres' : null;
  const dir = mkdtempSync(join(tmpdir(), 'carecircle-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const pgEnv = {
    PGHOST: '127.0.0.1',
    PGPORT: String(port),
    PGUSER: 'bench',
    PGDATABASE: 'postgres',
  };
  const psql = (sql: string) =>
    run('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], null, pgEnv).trim();
  let started = false;
  try {
    if (asUser !== null) {
      const uid = Number(execFileSync('id', ['-u', asUser], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', asUser], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    run(
      join(install.bin, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', 'bench', '--no-sync'],
      asUser,
    );
    const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`;
    run(
      join(install.bin, 'pg_ctl'),
      ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start'],
      asUser,
    );
    started = true;
    psql('CREATE EXTENSION pgrouting CASCADE'); // Debian's pgRouting 3.4 requires PostGIS
    const version = psql('SELECT pgr_version()');
    const rows: string[] = [];
    for (let u = 0; u < graph.nodeCount; u++) {
      for (let e = graph.offsets[u]; e < graph.offsets[u + 1]; e++) {
        rows.push(`${e + 1},${u + 1},${graph.targets[e] + 1},${graph.costS[e]},-1`);
      }
    }
    const csv = join(dir, 'edges.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    if (asUser !== null)
      chownSync(csv, Number(execFileSync('id', ['-u', asUser], { encoding: 'utf8' })), 0);
    psql(
      `CREATE TABLE edges (id bigint PRIMARY KEY, source bigint, target bigint, cost float8, reverse_cost float8);
       COPY edges FROM '${csv}' CSV; ANALYZE edges;`,
    );
    psql(`CREATE FUNCTION bench_dd(origins bigint[], budget float8) RETURNS float8 AS $$
      DECLARE t0 timestamptz := clock_timestamp(); o bigint; n bigint;
      BEGIN
        FOREACH o IN ARRAY origins LOOP
          SELECT count(*) INTO n FROM pgr_drivingDistance(
            'SELECT id, source, target, cost, reverse_cost FROM edges', o, budget, true);
        END LOOP;
        RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
      END $$ LANGUAGE plpgsql`);
    const ids = `ARRAY[${origins.map((o) => o + 1).join(',')}]::bigint[]`;
    psql(`SELECT bench_dd(${ids}, ${budget})`); // warm-up
    const totalMs = Number(psql(`SELECT bench_dd(${ids}, ${budget})`));
    // Correctness check on the first origin: same costs per node as our search.
    const first = origins[0];
    const ours = ourCosts(first);
    const theirs = psql(
      `SELECT node || ':' || agg_cost FROM pgr_drivingDistance(
        'SELECT id, source, target, cost, reverse_cost FROM edges', ${first + 1}, ${budget}, true)`,
    );
    let maxDifference = 0;
    for (const line of theirs.split('\n').filter(Boolean)) {
      const [node, cost] = line.split(':').map(Number);
      maxDifference = Math.max(maxDifference, Math.abs(ours[node - 1] - cost));
    }
    const mean = totalMs / origins.length;
    return {
      pgrouting_ratio: Number((mean / ourSurfaceMs).toFixed(1)),
      pgrouting_note: 'pgr_drivingDistance per origin (incl. its edge query) vs our surface',
      pgrouting_surface_ms_mean: Number(mean.toFixed(3)),
      pgrouting_origins: origins.length,
      pgrouting_version: version,
      pgrouting_max_cost_difference: Number(maxDifference.toFixed(4)),
    };
  } catch (error) {
    return {
      pgrouting_ratio: null,
      pgrouting_note: `failed: ${(error as Error).message.slice(0, 300)}`,
    };
  } finally {
    if (started) {
      try {
        run(join(install.bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], asUser);
      } catch {
        // The folder is removed below; a server that will not stop is reported by pg_ctl itself.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
