import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { readCityCounts } from './city-files.ts';

/**
 * Offline for real: the built app is served by a server this spec owns, so it can be stopped
 * (the suite's shared preview server must stay up for the other specs). After one visit the
 * server is closed (every open connection dropped) and the browser is put offline too; a new tab
 * must then open the app and finish an analysis from the service worker's caches alone.
 */
const DIST = resolve(process.env.E2E_DIST ?? 'dist');
const CITY = 'nanjing-xinjiekou';
const CITY_FILE = /^(?:city\.json|.*\.(?:geojson|csv|bin))$/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

interface AppServer {
  origin: string;
  /** Replaces a file's bytes from now on (a rebuilt service worker, say). */
  override: Map<string, (bytes: Buffer) => Buffer>;
  /** Stops listening and drops open connections: the origin becomes unreachable. */
  stop(): Promise<void>;
}

async function serveDist(): Promise<AppServer> {
  const override = new Map<string, (bytes: Buffer) => Buffer>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(DIST, path));
    if (!file.startsWith(DIST)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end('not found');
    response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', 'no-cache');
    const change = override.get(path);
    if (change !== undefined) return void response.end(change(readFileSync(file)));
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | null = null;
  return {
    origin: `http://127.0.0.1:${port}`,
    override,
    stop: () => {
      stopped ??= new Promise<void>((done, fail) => {
        server.close((error) => (error === undefined ? done() : fail(error)));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

interface Analysis {
  runs: number;
  coverage: { minutes: number; elders60Share: number | null }[];
  findings: { evaluated: number; passed: number; failed: number };
}

/** Waits for the first analysis (or an error on screen) and returns what it showed. */
async function firstAnalysis(page: Page): Promise<Analysis> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
        undefined || document.querySelector('.status-error') !== null,
    undefined,
    { timeout: 110_000 },
  );
  await expect(page.locator('.status-error')).toHaveCount(0);
  return page.evaluate(
    () => (window as unknown as { __carecircle: { analysis: Analysis } }).__carecircle.analysis,
  );
}

const controlled = (page: Page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 90_000,
  });

test('after one visit the app opens and analyses with the server stopped', async ({
  context,
  page,
}) => {
  test.setTimeout(240_000);
  const server = await serveDist();
  try {
    await visitThenGoOffline(context, page, server);
  } finally {
    await server.stop();
  }
});

async function visitThenGoOffline(context: BrowserContext, page: Page, server: AppServer) {
  await page.goto(`${server.origin}/`);
  const online = await firstAnalysis(page);
  await controlled(page);
  // Every file of the opened city must be in the city cache, including the ones fetched before
  // the service worker existed.
  const cityUrls = readdirSync(join(DIST, CITY))
    .filter((file) => CITY_FILE.test(file))
    .map((file) => `${server.origin}/${CITY}/${file}`);
  expect(cityUrls.length).toBeGreaterThanOrEqual(8);
  const cached = () =>
    page.evaluate(async (urls) => {
      const cache = await caches.open('carecircle-cities');
      const held = await Promise.all(urls.map((url) => cache.match(url)));
      return held.filter((response) => response !== undefined).length;
    }, cityUrls);
  await expect.poll(cached, { timeout: 90_000 }).toBe(cityUrls.length);

  await server.stop();
  await context.setOffline(true);
  await expect(fetch(`${server.origin}/`)).rejects.toThrow(); // nobody answers there any more

  const offline = await context.newPage();
  const pageErrors: string[] = [];
  offline.on('pageerror', (error) => pageErrors.push(error.message));
  await offline.goto(`${server.origin}/`);
  const again = await firstAnalysis(offline);
  expect(again.coverage).toEqual(online.coverage);
  expect(again.findings).toEqual(online.findings);
  expect(again.coverage.some((c) => (c.elders60Share ?? 0) > 0)).toBe(true);
  const counts = readCityCounts(join(DIST, CITY));
  // The analysis can finish before the map's first idle frame, which publishes what it drew.
  await offline.waitForFunction(
    () => (window as unknown as { __carecircle?: { ready: boolean } }).__carecircle?.ready === true,
  );
  const drawn = await offline.evaluate(
    () => (window as unknown as { __carecircle: { counts: object } }).__carecircle.counts,
  );
  expect(drawn).toEqual({
    facilities: counts.facilities,
    populationCells: counts.populationCells,
    roads: counts.roads,
    buildings: counts.buildings,
  });
  // The base map's files are fetched by maplibre's worker: the service worker answers it too.
  const base = await offline.evaluate(
    () =>
      (
        window as unknown as {
          __carecircle: { baseFeatures: { roads: number; buildings: number } };
        }
      ).__carecircle.baseFeatures,
  );
  expect(base.roads).toBeGreaterThan(0);
  expect(base.buildings).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
}

test('a new version waits for the user: a prompt, no silent switch', async ({ page }) => {
  test.setTimeout(240_000);
  const server = await serveDist();
  try {
    await page.goto(`${server.origin}/?lang=en`);
    await firstAnalysis(page);
    await controlled(page);
    // A rebuilt app: the service worker script differs by a byte.
    server.override.set('/sw.js', (bytes) => Buffer.concat([bytes, Buffer.from('\n//\n')]));
    await page.evaluate(() => {
      (window as unknown as { sessionMarker: number }).sessionMarker = 1;
      return navigator.serviceWorker.getRegistration().then((r) => r?.update());
    });
    const prompt = page.getByTestId('pwa-update');
    await expect(prompt).toContainText('A new version has been downloaded');
    // Still the same page and the old worker: the new one waits.
    const waiting = await page.evaluate(async () => ({
      marker: (window as unknown as { sessionMarker?: number }).sessionMarker,
      waiting: (await navigator.serviceWorker.getRegistration())?.waiting !== null,
    }));
    expect(waiting).toEqual({ marker: 1, waiting: true });

    await page.getByTestId('pwa-later').click();
    await expect(prompt).toHaveCount(0);

    // On the next load the waiting version is offered again; accepting reloads into it.
    await page.goto(`${server.origin}/?lang=zh-CN`);
    await expect(prompt).toContainText('新版本已下载');
    await page.evaluate(() => {
      (window as unknown as { sessionMarker: number }).sessionMarker = 2;
    });
    await page.getByTestId('pwa-reload').click();
    // The page reloads meanwhile: an evaluation cut by the navigation just polls again.
    const switched = () =>
      page
        .evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            reloaded: (window as unknown as { sessionMarker?: number }).sessionMarker === undefined,
            waiting: registration?.waiting !== null,
            controlled: navigator.serviceWorker.controller !== null,
          };
        })
        .catch(() => null);
    await expect
      .poll(switched, { timeout: 60_000 })
      .toEqual({ reloaded: true, waiting: false, controlled: true });
    await firstAnalysis(page);
    await expect(prompt).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
