import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCity } from '../../../analysis/city/open-city.ts';
import { networkAreaCells } from '../../../analysis/routing/cell-links.ts';
import { serviceCircles } from '../../../analysis/routing/circles.ts';
import { osrmServiceCircles } from '../../../analysis/routing/osrm-isochrone.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { analyseScenario, cityContext } from '../../../analysis/workflows/analyse-scenario.ts';
import { folderSource } from '../../../scripts/city/folder-source.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';
import { verb as analyse } from '../../../scripts/verbs/analyse.ts';
import { verb as isochrone } from '../../../scripts/verbs/isochrone.ts';
import {
  type ReplayMode,
  type ReplayServer,
  startReplayServer,
} from '../../fixtures/routing/osrm-replay-server.ts';

/**
 * The CLI against a local server that answers in OSRM's documented table/nearest format with
 * the demo graphs' own times: routing through --osrm must give the local analysis's numbers,
 * and every way a server can fail must end in its own clear error.
 */
const DEMO = join(import.meta.dirname, '../../../data/nanjing-xinjiekou');
const manifest = JSON.parse(readFileSync(join(DEMO, 'city.json'), 'utf8'));
const profiles = {
  car: { graph: loadCityGraph(DEMO, 'drive'), profile: travelProfile('drive') },
  bike: { graph: loadCityGraph(DEMO, 'ebike'), profile: travelProfile('ebike') },
};
const start = (mode: ReplayMode = 'ok', delayMs?: number) =>
  startReplayServer({ profiles, resolution: manifest.h3Resolution, mode, delayMs });

let work: string;
let server: ReplayServer;
let profileFile: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'carecircle-osrm-'));
  server = await start();
  // The built-in profile plus rules on driving and e-bike circles that apply to this city.
  const base = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../../analysis/standards/profiles/huaihua-2020.json'),
      'utf8',
    ),
  );
  const circle = base.rules.find((r: { travelProfile?: string }) => r.travelProfile === 'ebike');
  base.id = 'huaihua-2020-vehicle-test';
  base.rules.push(
    { ...circle, id: 'test-drive-3', travelProfile: 'drive', minutes: 3, appliesTo: 'all' },
    { ...circle, id: 'test-ebike-4', travelProfile: 'ebike', minutes: 4, appliesTo: 'all' },
  );
  profileFile = join(work, 'profile.json');
  writeFileSync(profileFile, JSON.stringify(base));
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const readSummary = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));

describe('analyse --osrm against a replay server', () => {
  it('gives the local graphs’ coverage and findings for driving and e-bike', async () => {
    const local = join(work, 'local');
    const remote = join(work, 'remote');
    const args = ['--city', DEMO, '--profile', profileFile, '--travel', 'walk-elderly,ebike,drive'];
    expect(await analyse.run([...args, '--out', local])).toBe(0);
    expect(await analyse.run([...args, '--out', remote, '--osrm', server.url])).toBe(0);
    expect(server.requests.table).toBeGreaterThan(0); // the numbers did come from the server
    const a = readSummary(local);
    const b = readSummary(remote);
    const vehicle = (s: { coverage: { profile: string; elders60Covered: number }[] }) =>
      s.coverage.filter((c) => c.profile === 'drive' || c.profile === 'ebike');
    const rowsA = vehicle(a);
    expect(rowsA.length).toBeGreaterThan(0);
    expect(rowsA.some((c) => c.elders60Covered > 0)).toBe(true);
    expect(vehicle(b)).toEqual(rowsA);
    expect(b.coverageByKind).toEqual(a.coverageByKind);
    const findings = (s: { findings: { rule: string }[] }) =>
      s.findings
        .filter((f) => f.rule.startsWith('test-'))
        .map((f) => JSON.stringify(f))
        .sort();
    expect(findings(a).length).toBeGreaterThan(0);
    expect(findings(b)).toEqual(findings(a));
    expect(readFileSync(join(remote, 'units.csv'), 'utf8')).toBe(
      readFileSync(join(local, 'units.csv'), 'utf8'),
    );
  }, 120_000);
});

describe('isochrone --osrm against a replay server', () => {
  it('draws the local engine’s driving circle', async () => {
    const origin = manifest.center.join(',');
    const args = ['--city', DEMO, '--profile', 'drive', '--from', origin, '--minutes', '2,4'];
    const local = join(work, 'iso-local.json');
    const remote = join(work, 'iso-remote.json');
    expect(await isochrone.run([...args, '--out', local])).toBe(0);
    expect(
      await isochrone.run([
        ...args,
        '--out',
        remote,
        '--osrm',
        server.url,
        '--osrm-max-table',
        '500',
      ]),
    ).toBe(0);
    const a = JSON.parse(readFileSync(local, 'utf8'));
    const b = JSON.parse(readFileSync(remote, 'utf8'));
    expect(a.cells.length).toBeGreaterThan(10);
    expect(b.cells.map((c: { h3: string }) => c.h3)).toEqual(
      a.cells.map((c: { h3: string }) => c.h3),
    );
    const gap = Math.max(
      ...b.cells.map((c: { minutes: number }, k: number) =>
        Math.abs(c.minutes - a.cells[k].minutes),
      ),
    );
    // Minutes are printed to 2 decimals; OSRM gets coordinates to 6 decimals (≈0.1 m).
    expect(gap).toBeLessThanOrEqual(0.011);
  }, 60_000);
});

describe('service circles from OSRM (the app’s map layers)', () => {
  it('equal the local engine’s split and overlap views for e-bike', async () => {
    const city = await openCity(folderSource(DEMO));
    const origins = city.input.facilities.map((f) => ({ id: f.id, lon: f.lon, lat: f.lat }));
    const graph = profiles.bike.graph;
    const options = { minutes: [3, 6], resolution: manifest.h3Resolution };
    const local = serviceCircles(graph, origins, { ...options, profile: travelProfile('ebike') });
    const remote = await osrmServiceCircles(
      { url: server.url, fetch, maxTableSize: 400 },
      'ebike',
      origins,
      networkAreaCells(graph, manifest.h3Resolution),
      options,
    );
    expect(local.split.length).toBeGreaterThan(100);
    expect(remote.split.map((r) => r.h3)).toEqual(local.split.map((r) => r.h3));
    // OSRM is sent coordinates to 6 decimals (≈0.1 m): off-road legs differ by under a second.
    const gap = Math.max(
      ...remote.split.map((r, k) => Math.abs(r.minutes - local.split[k].minutes)),
    );
    expect(gap).toBeLessThan(0.01);
    const key = (r: { facilityId: string; h3: string }) => `${r.facilityId} ${r.h3}`;
    expect(remote.overlap.map(key)).toEqual(local.overlap.map(key));
    expect(remote.unreachable.map((u) => u.id)).toEqual(local.unreachable.map((u) => u.id));
  }, 60_000);
});

describe('scenario street edits with OSRM', () => {
  it('leave a profile whose network is edited not evaluable, the others routed on the server', async () => {
    const city = await openCity(folderSource(DEMO));
    const runner = await NodeRunner.open();
    try {
      const context = cityContext(city, runner, builtInProfile('huaihua-2020'));
      const [lon, lat] = manifest.center;
      const closeDrive = {
        modifications: [
          {
            kind: 'close-link' as const,
            id: 'C1',
            networks: ['drive' as const],
            at: [lon, lat] as [number, number],
          },
        ],
      };
      const before = server.requests.table;
      const analysis = await analyseScenario(context, closeDrive, {
        travelProfiles: ['ebike', 'drive'],
        osrm: { url: server.url, fetch },
      });
      expect(analysis.unavailable).toEqual(['drive']);
      expect(analysis.result.coverage.some((c) => c.profile === 'drive')).toBe(false);
      expect(analysis.result.coverage.some((c) => c.profile === 'ebike')).toBe(true);
      expect(server.requests.table).toBeGreaterThan(before); // ebike came from the server
    } finally {
      runner.close();
    }
  }, 60_000);
});

describe('--osrm failures are clear errors', () => {
  const args = (url: string, ...more: string[]) => [
    '--city',
    DEMO,
    '--profile',
    'drive',
    '--from',
    manifest.center.join(','),
    '--minutes',
    '5',
    '--out',
    join(work, 'iso-fail.json'),
    '--osrm',
    url,
    ...more,
  ];

  it('names the URL of a server that is not listening', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(isochrone.run(args(url))).rejects.toMatchObject({
      code: 'E_OSRM_UNREACHABLE',
      message: expect.stringContaining(url),
    });
  });

  it('says when the server does not have the profile (400 InvalidService)', async () => {
    await expect(isochrone.run(args(server.url, '--osrm-profile', 'truck'))).rejects.toMatchObject({
      code: 'E_OSRM_PROFILE',
      message: expect.stringMatching(/InvalidService.*truck|truck.*InvalidService/),
    });
  });

  it('gives up on a slow server after the timeout, naming it', async () => {
    const slow = await start('slow', 3000);
    try {
      await expect(isochrone.run(args(slow.url, '--osrm-timeout', '0.3'))).rejects.toMatchObject({
        code: 'E_OSRM_TIMEOUT',
        message: expect.stringContaining('0.3 s'),
      });
    } finally {
      await slow.close();
    }
  });

  it('rejects an answer that is not JSON', async () => {
    const garbage = await start('garbage');
    try {
      await expect(isochrone.run(args(garbage.url))).rejects.toMatchObject({
        code: 'E_OSRM_RESPONSE',
        message: expect.stringContaining('not JSON'),
      });
    } finally {
      await garbage.close();
    }
  });

  it('passes on the server’s message when its code is not Ok', async () => {
    const noTable = await start('no-table');
    try {
      await expect(
        analyse.run([
          '--city',
          DEMO,
          '--profile',
          'huaihua-2020',
          '--out',
          join(work, 'fail'),
          '--travel',
          'drive',
          '--osrm',
          noTable.url,
        ]),
      ).rejects.toMatchObject({
        code: 'E_OSRM_RESPONSE',
        message: expect.stringContaining('NoTable: No route found'),
      });
    } finally {
      await noTable.close();
    }
  });
});
