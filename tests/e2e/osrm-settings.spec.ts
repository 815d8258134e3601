import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { travelProfile } from '../../analysis/routing/profiles.ts';
import { loadCityGraph } from '../../scripts/routing/city-graph.ts';
import { type ReplayServer, startReplayServer } from '../fixtures/routing/osrm-replay-server.ts';

// Settings → OSRM on a build whose CSP names the replay server's host (VITE_CSP_OSRM, as the
// README tells operators): off by default (no request), a host the policy refuses is named as
// such, a wrong profile is named, and once saved the analysis routes driving/e-bike on it.

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

test('OSRM server: off by default, refused hosts and profiles named, then used', async ({
  page,
}, info) => {
  test.setTimeout(360_000); // two analyses of the demo on a shared machine
  await page.goto('/');
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
      undefined,
    undefined,
    { timeout: 200_000 },
  );
  expect(server.requests).toEqual({ table: 0, nearest: 0 });

  await page.getByTestId('open-settings').click();
  const section = page.getByTestId('osrm-settings');
  await expect(section).toContainText('默认关闭');
  await expect(page.getByTestId('osrm-url')).toHaveCount(0);
  await page.getByTestId('osrm-enable').click();
  await expect(page.getByTestId('osrm-warning')).toContainText('请求将离开本机');

  // A host the page's policy does not name: said so, and no request is made.
  await page.getByTestId('osrm-url').fill('http://localhost:5000');
  await page.getByTestId('osrm-test').click();
  await expect(page.getByTestId('osrm-test-error')).toContainText('安全策略');
  await expect(page.getByTestId('osrm-save')).toBeDisabled();

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
