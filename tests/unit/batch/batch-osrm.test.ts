import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';
import { verb as analyse } from '../../../scripts/verbs/analyse.ts';
import { verb as batch } from '../../../scripts/verbs/batch.ts';
import { type ReplayServer, startReplayServer } from '../../fixtures/routing/osrm-replay-server.ts';

/** `batch --osrm`: the option reaches the worker threads, and the numbers are the local ones. */
const DEMO = join(import.meta.dirname, '../../../data/nanjing-xinjiekou');
let work: string;
let server: ReplayServer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'carecircle-batch-osrm-'));
  server = await startReplayServer({
    profiles: {
      car: { graph: loadCityGraph(DEMO, 'drive'), profile: travelProfile('drive') },
      bike: { graph: loadCityGraph(DEMO, 'ebike'), profile: travelProfile('ebike') },
    },
    resolution: 10,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('batch --osrm', () => {
  it('routes driving and e-bike on the server in every worker, with the local figures', async () => {
    const travel = ['--travel', 'walk-elderly,ebike,drive'];
    const out = join(work, 'batch');
    const code = await batch.run([
      '--cities',
      DEMO,
      '--profile',
      'huaihua-2020',
      '--out',
      out,
      '--jobs',
      '1',
      ...travel,
      '--osrm',
      server.url,
    ]);
    expect(code).toBe(0);
    expect(server.requests.table).toBeGreaterThan(0);
    const local = join(work, 'local');
    expect(
      await analyse.run(['--city', DEMO, '--profile', 'huaihua-2020', '--out', local, ...travel]),
    ).toBe(0);
    const remote = JSON.parse(readFileSync(join(out, 'summary/nanjing-xinjiekou.json'), 'utf8'));
    const here = JSON.parse(readFileSync(join(local, 'summary.json'), 'utf8'));
    const vehicle = (s: { coverage: { profile: string }[] }) =>
      s.coverage.filter((c) => c.profile === 'ebike' || c.profile === 'drive');
    expect(vehicle(here).length).toBe(8);
    expect(vehicle(remote)).toEqual(vehicle(here));
    expect(remote.findings).toEqual(here.findings);
  }, 120_000);

  it('refuses bad --osrm options before any thread starts', async () => {
    await expect(
      batch.run([
        '--cities',
        DEMO,
        '--profile',
        'huaihua-2020',
        '--out',
        join(work, 'never'),
        '--osrm-timeout',
        '5',
      ]),
    ).rejects.toMatchObject({
      code: 'E_BAD_OPTION',
      message: expect.stringContaining('--osrm URL'),
    });
  });
});
