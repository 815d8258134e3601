import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { travelProfile } from '../../analysis/routing/profiles.ts';
import { loadCityGraph } from '../../scripts/routing/city-graph.ts';
import { type ReplayServer, startReplayServer } from '../fixtures/routing/osrm-replay-server.ts';

// Settings → OSRM: off by default (no request); on the README's build, whose policy names no
// OSRM host, a server is refused as such; on a page whose policy names it (as a build with
// VITE_CSP_OSRM does: here the served page's policy gets the host added), a wrong profile is
// named, and once saved the analysis routes driving and e-bike on the server.

const DEMO = join(import.meta.dirname, '../../data/nanjing-xinjiekou');
let server: ReplayServer;

test.beforeAll(async () => {
  server = await startReplayServer({
    profiles: {
      car: { graph: loadCityGraph(DEMO, 'drive'), profile: travelProfile('drive') },
      bike: { graph: loadCityGraph(DEMO, 'ebike'), profile: travelProfile('ebike') },
    },
    resolution: 10,
  });
});
test.afterAll(() => server.close());

const runs = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __carecircle?: { analysis?: { runs: number } } }).__carecircle
        ?.analysis?.runs ?? 0,
  );

/** The demo, once its first analysis is on screen. */
async function openAnalysedDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
      undefined,
    undefined,
    { timeout: 200_000 },
  );
}

async function openSettings(page: Page): Promise<void> {
  await openAnalysedDemo(page);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('osrm-enable').click();
  await expect(page.getByTestId('osrm-warning')).toContainText('请求将离开本机');
}

test('OSRM server: off by default, and a host the policy does not name is refused', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openAnalysedDemo(page);
  expect(server.requests).toEqual({ table: 0, nearest: 0 });
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('osrm-settings')).toContainText('默认关闭');
  await expect(page.getByTestId('osrm-url')).toHaveCount(0);
  await page.getByTestId('osrm-enable').click();
  await expect(page.getByTestId('osrm-warning')).toContainText('请求将离开本机');
  // The build names no OSRM host (web/.env): the server is refused, said so, and never asked.
  await page.getByTestId('osrm-url').fill(server.url);
  await page.getByTestId('osrm-test').click();
  await expect(page.getByTestId('osrm-test-error')).toContainText('安全策略');
  await expect(page.getByTestId('osrm-save')).toBeDisabled();
  expect(server.requests).toEqual({ table: 0, nearest: 0 });
});

test.describe('on a page whose policy names the server', () => {
  // The page itself must come from the server (with the added host), not the service worker.
  // A page fulfilled by the test counts as public to Chromium, and a server on this machine as
  // local: the user's grant of local-network access (Chromium asks for it) is given up front.
  test.use({ serviceWorkers: 'block', permissions: ['local-network-access'] });
  test.beforeEach(async ({ page }) => {
    await page.route(
      (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          "connect-src 'self'",
          `connect-src 'self' ${server.url}`,
        );
        await route.fulfill({ response, body: html });
      },
    );
  });

  test('a wrong profile is named; once saved, the analysis routes on the server', async ({
    page,
  }, info) => {
    test.setTimeout(360_000); // two analyses of the demo on a shared machine
    await openSettings(page);
    await page.getByTestId('osrm-url').fill(server.url);
    await page.getByTestId('osrm-profile-ebike').fill('ebike');
    await page.getByTestId('osrm-test').click();
    await expect(page.getByTestId('osrm-test-error')).toContainText('没有所填的配置');
    await page.getByTestId('osrm-profile-ebike').fill('bike');
    await page.getByTestId('osrm-test').click();
    await expect(page.getByTestId('osrm-test-ok')).toBeVisible();
    await page.getByTestId('osrm-save').click();
    await expect(page.getByTestId('osrm-notice')).toContainText('已保存');
    await page.screenshot({ path: info.outputPath('osrm-settings-zh.png') });
    const saved = await page.evaluate(() => window.localStorage.getItem('carecircle.osrm'));
    expect(JSON.parse(saved ?? 'null')).toMatchObject({ url: server.url });
    await page.getByTestId('settings-panel').getByRole('button', { name: '取消' }).click();

    const before = await runs(page);
    await page.getByTestId('run-analysis').click();
    await page.waitForFunction(
      (n) => {
        const state = (window as unknown as { __carecircle?: { analysis?: { runs: number } } })
          .__carecircle;
        return (state?.analysis?.runs ?? 0) > n || document.querySelector('.status-error') !== null;
      },
      before,
      { timeout: 120_000 },
    );
    await expect(page.locator('.status-error')).toHaveCount(0);
    expect(server.requests.table).toBeGreaterThan(0);
  });
});
