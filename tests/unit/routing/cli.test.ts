import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeGraph } from '../../../analysis/graph/binary.ts';
import { verb as graphInfo } from '../../../scripts/verbs/graph-info.ts';
import { verb as isochrone } from '../../../scripts/verbs/isochrone.ts';
import { fixtureGraph, readFixture, toLonLat } from './fixture-graph.ts';

let dir = '';
const line = readFixture('line-walk');
const [lon0, lat0] = toLonLat(line, [0, 0]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'carecircle-routing-'));
  writeFileSync(join(dir, 'graph-walk.bin'), encodeGraph(fixtureGraph(line)));
  const networks = { walk: { file: 'graph-walk.bin', nodes: 4, edges: 6 } };
  writeFileSync(
    join(dir, 'city.json'),
    JSON.stringify({ formatVersion: 1, name: 'fixture', networks }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isochrone verb', () => {
  it('writes reached H3 cells with minutes up to the largest threshold', async () => {
    const out = join(dir, 'iso.json');
    const code = await isochrone.run([
      '--city',
      dir,
      '--profile',
      'walk-elderly',
      '--from',
      `${lon0},${lat0}`,
      '--minutes',
      '2,4',
      '--resolution',
      '11',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result).toMatchObject({ profile: 'walk-elderly', resolution: 11, thresholds: [2, 4] });
    expect(result.origins).toEqual([[lon0, lat0]]);
    expect(result.cells.length).toBeGreaterThan(3);
    expect(
      Math.max(...result.cells.map((c: { minutes: number }) => c.minutes)),
    ).toBeLessThanOrEqual(4);
    expect(result.cells[0]).toEqual({
      h3: expect.stringMatching(/^8b/),
      minutes: expect.any(Number),
    });
  });

  it('writes one polygon per threshold as GeoJSON', async () => {
    const out = join(dir, 'iso.geojson');
    await isochrone.run([
      '--city',
      dir,
      '--from',
      `${lon0},${lat0}`,
      '--minutes',
      '2,4',
      '--format',
      'geojson',
      '--out',
      out,
    ]);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(
      fc.features.map((f: { properties: { minutes: number } }) => f.properties.minutes),
    ).toEqual([4, 2]);
    expect(fc.features[0].geometry.type).toBe('MultiPolygon');
    expect(fc.features[0].properties.profile).toBe('walk-elderly');
  });

  it('refuses bad input with coded errors', async () => {
    const run = (...args: string[]) => isochrone.run(['--city', dir, ...args]);
    await expect(run('--from', '118.78')).rejects.toMatchObject({ code: 'E_BAD_COORD' });
    await expect(run()).rejects.toMatchObject({ code: 'E_MISSING_OPTION' });
    await expect(run('--from', `${lon0},${lat0 + 0.1}`)).rejects.toMatchObject({
      code: 'E_ORIGIN_UNREACHABLE',
    });
    await expect(run('--from', `${lon0},${lat0}`, '--minutes', '5,x')).rejects.toMatchObject({
      code: 'E_BAD_OPTION',
    });
    await expect(run('--from', `${lon0},${lat0}`, '--profile', 'drive')).rejects.toMatchObject({
      code: 'E_NO_NETWORK',
    });
    await expect(run('--from', `${lon0},${lat0}`, '--speed', '3')).rejects.toMatchObject({
      code: 'E_BAD_SPEED',
    });
  });
});

describe('graph-info verb', () => {
  it('prints JSON stats', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await graphInfo.run(['--city', dir, '--profile', 'walk'])).toBe(0);
    const stats = JSON.parse(String(log.mock.calls[0][0]));
    log.mockRestore();
    expect(stats).toMatchObject({
      profile: 'walk',
      network: 'walk',
      nodes: 4,
      edges: 6,
      components: 1,
    });
  });
});
