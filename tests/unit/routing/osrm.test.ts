import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchLike, OsrmClient } from '../../../analysis/routing/osrm.ts';
import { osrmFacilityReach } from '../../../analysis/routing/osrm-reach.ts';

const reply =
  (status: number, body: unknown): FetchLike =>
  async () => ({
    ok: status >= 200 && status < 300,
    status,
    text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  });

describe('OsrmClient with a fake fetch', () => {
  it('splits a table into blocks and reassembles the matrix', async () => {
    const urls: string[] = [];
    const fetch: FetchLike = async (url) => {
      urls.push(url);
      const query = new URL(url).searchParams;
      const src = (query.get('sources') ?? '').split(';');
      const dst = (query.get('destinations') ?? '').split(';');
      const coords = new URL(url).pathname.split('/').pop()?.split(';') ?? [];
      const lon = (i: string) => Number(coords[Number(i)].split(',')[0]);
      // Duration = 1000 × (destination lon − source lon), so the reassembly is checkable.
      const durations = src.map((s) => dst.map((d) => Math.round(1000 * (lon(d) - lon(s)))));
      return { ok: true, status: 200, text: async () => JSON.stringify({ code: 'Ok', durations }) };
    };
    const client = new OsrmClient('http://osrm.local:5000/', {
      fetch,
      profile: 'car',
      maxTableSize: 4,
    });
    const sources = [
      [118.0, 32],
      [118.001, 32],
      [118.002, 32],
    ] as const;
    const destinations = [
      [118.01, 32],
      [118.02, 32],
      [118.03, 32],
    ] as const;
    const table = await client.table(sources, destinations);
    expect(urls.length).toBe(4);
    expect(urls[0]).toMatch(/^http:\/\/osrm\.local:5000\/table\/v1\/car\/118\.000000,32\.000000;/);
    expect(table.durationsS).toEqual([
      [10, 20, 30],
      [9, 19, 29],
      [8, 18, 28],
    ]);
    expect(table.distancesM[0][0]).toBeNull();
  });

  it('maps failures onto clear InputErrors', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const pts = [
      [118, 32],
      [118.1, 32],
    ] as const;
    await expect(new OsrmClient('http://x', { fetch: down }).route(pts)).rejects.toMatchObject({
      code: 'E_OSRM_UNREACHABLE',
    });
    await expect(
      new OsrmClient('http://x', { fetch: reply(404, 'Not Found') }).route(pts),
    ).rejects.toMatchObject({
      code: 'E_OSRM_PROFILE',
    });
    const noSegment = reply(400, {
      code: 'NoSegment',
      message: 'Could not find a matching segment',
    });
    await expect(new OsrmClient('http://x', { fetch: noSegment }).route(pts)).rejects.toMatchObject(
      {
        code: 'E_OSRM_RESPONSE',
        message: expect.stringContaining('NoSegment'),
      },
    );
    await expect(
      new OsrmClient('http://x', { fetch: reply(502, '<html>bad gateway') }).route(pts),
    ).rejects.toMatchObject({
      code: 'E_OSRM_RESPONSE',
    });
    await expect(
      new OsrmClient('http://x', { fetch: reply(200, 'oops') }).route(pts),
    ).rejects.toMatchObject({
      code: 'E_OSRM_RESPONSE',
    });
    expect(() => new OsrmClient('ftp://x', { fetch: down })).toThrow(
      expect.objectContaining({ code: 'E_BAD_OSRM_URL' }),
    );
    expect(() => new OsrmClient('not a url', { fetch: down })).toThrow(
      expect.objectContaining({ code: 'E_BAD_OSRM_URL' }),
    );
  });
});

describe('OsrmClient against a tiny local HTTP server', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const [, service, , profile] = (req.url ?? '').split('?')[0].split('/');
      if (profile !== 'car') {
        res.writeHead(404).end('no such profile');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (service === 'route') {
        res.end(
          JSON.stringify({
            code: 'Ok',
            routes: [
              {
                duration: 61.5,
                distance: 812.3,
                geometry: {
                  coordinates: [
                    [118, 32],
                    [118.01, 32],
                  ],
                },
              },
            ],
          }),
        );
      } else {
        res.end(JSON.stringify({ code: 'Ok', durations: [[0, 42]], distances: [[0, 500]] }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('talks to a real server with the real fetch', async () => {
    const client = new OsrmClient(base, { fetch, profile: 'car' });
    const route = await client.route([
      [118, 32],
      [118.01, 32],
    ]);
    expect(route).toEqual({
      durationS: 61.5,
      distanceM: 812.3,
      coordinates: [
        [118, 32],
        [118.01, 32],
      ],
    });
    const table = await client.table(
      [[118, 32]],
      [
        [118, 32],
        [118.01, 32],
      ],
    );
    expect(table.durationsS).toEqual([[0, 42]]);
    await expect(
      new OsrmClient(base, { fetch, profile: 'bus' }).route([
        [118, 32],
        [118.01, 32],
      ]),
    ).rejects.toMatchObject({
      code: 'E_OSRM_PROFILE',
    });
  });

  it('reports a server that is not listening as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = new OsrmClient(`http://127.0.0.1:${port}`, { fetch, timeoutMs: 2000 });
    await expect(client.table([[118, 32]], [[118.01, 32]])).rejects.toMatchObject({
      code: 'E_OSRM_UNREACHABLE',
    });
  });
});

describe('osrmFacilityReach', () => {
  it('turns a duration table into reach rows within the budget', async () => {
    const cells = [latLngToCell(32.04, 118.78, 9), latLngToCell(32.05, 118.79, 9)];
    const fetch: FetchLike = async () => ({
      ok: true,
      status: 200,
      text: async () => JSON.stringify({ code: 'Ok', durations: [[120, 1900]] }),
    });
    const client = new OsrmClient('http://osrm.local', { fetch });
    const rows = await osrmFacilityReach(client, [{ id: 'F1', lon: 118.78, lat: 32.04 }], cells, {
      maxMinutes: 30,
    });
    expect(rows).toEqual([{ facilityId: 'F1', h3: cells[0], minutes: 2 }]);
  });
});
