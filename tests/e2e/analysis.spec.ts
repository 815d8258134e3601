import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { chooseOption } from './antd.ts';
import { changedFraction } from './pixels.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAP_ONLY =
  '.legend, .maplibregl-control-container, .tasks { visibility: hidden !important; }';

interface Summary {
  coverage: { profile: string; minutes: number; elders60Share: number | null }[];
  radius300: {
    straightLine: { elders60Share: number | null };
    network: { elders60Share: number | null };
  };
  findingsSummary: { evaluated: number; passed: number; failed: number };
}

interface AnalysisState {
  runs: number;
  profile: string;
  coverage: { minutes: number; elders60Share: number | null }[];
  radius300: { straight: number | null; network: number | null };
  findings: { evaluated: number; passed: number; failed: number };
  startedAtMs: number;
  finishedAtMs: number;
  workerMs: { db: number; routing: number; total: number };
}

test.use({ viewport: { width: 1600, height: 960 } });

/** The CLI on the same city folder and profile, run by the test itself. */
function cliSummary(): Summary {
  const out = mkdtempSync(join(tmpdir(), 'carecircle-e2e-'));
  const run = spawnSync(
    'node',
    [
      'scripts/carecircle.mjs',
      'analyse',
      '--city',
      'data/nanjing-xinjiekou',
      '--profile',
      'huaihua-2020',
      '--out',
      out,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
}

const analysisState = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __carecircle?: { analysis?: AnalysisState } }).__carecircle?.analysis,
  );

/** Waits until the drawn layers include every name of `has` and none of `lacks`. */
async function waitForLayers(page: Page, want: { has?: string[]; lacks?: string[] }) {
  // A function, not a string: the app's Content-Security-Policy refuses eval.
  await page.waitForFunction(
    ({ has, lacks }) => {
      const state = (window as unknown as { __carecircle?: { ready: boolean; layers: string[] } })
        .__carecircle;
      if (state === undefined || !state.ready) return false;
      return (
        has.every((l) => state.layers.includes(l)) && !lacks.some((l) => state.layers.includes(l))
      );
    },
    { has: want.has ?? [], lacks: want.lacks ?? [] },
    { timeout: 90_000 },
  );
}

const pct = (share: number | null) =>
  share === null ? '—' : `${(Math.round(share * 1000) / 10).toString()}%`;

test('analysis in the browser equals the analyse CLI; layers toggle; language switch', async ({
  page,
  baseURL,
}, testInfo) => {
  const expected = cliSummary();
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(request.url()));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto('/');
  // The default profile (huaihua-2020) runs on its own once the networks are loaded.
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: unknown } }).__carecircle?.analysis !==
        undefined || document.querySelector('.status-error') !== null,
    undefined,
    { timeout: 110_000 },
  );
  await expect(page.locator('.status-error')).toHaveCount(0);
  const auto = (await analysisState(page)) as AnalysisState;
  const ms = (n: number) => Math.round(n);
  console.log(
    `cold start: analysis on screen ${ms(auto.finishedAtMs)} ms after navigation (asked for at ` +
      `${ms(auto.startedAtMs)} ms, as soon as the city was on screen); in the worker ` +
      `${ms(auto.workerMs.total)} ms (of which waiting for duckdb-wasm ${ms(auto.workerMs.db)} ms, ` +
      `routing ${ms(auto.workerMs.routing)} ms)`,
  );
  testInfo.annotations.push({
    type: 'cold-start-ms',
    description: String(Math.round(auto.finishedAtMs)),
  });

  // Run it explicitly with huaihua-2020 too, as a planner would.
  await chooseOption(
    page,
    'profile-select',
    '怀化市居家和社区养老服务改革试点工作实施方案（2020）',
  );
  await page.getByTestId('run-analysis').click();
  await page.waitForFunction(
    () =>
      ((window as unknown as { __carecircle?: { analysis?: { runs: number } } }).__carecircle
        ?.analysis?.runs ?? 0) >= 2,
    undefined,
    { timeout: 60_000 },
  );
  const got = (await analysisState(page)) as AnalysisState;
  expect(got.profile).toBe('huaihua-2020');

  const walk = expected.coverage.filter((c) => c.profile === 'walk-elderly');
  expect(got.coverage.map((c) => c.minutes)).toEqual(walk.map((c) => c.minutes));
  got.coverage.forEach((c, i) => {
    expect(c.elders60Share).toBeCloseTo(walk[i].elders60Share ?? Number.NaN, 9);
  });
  expect(got.radius300.straight).toBeCloseTo(expected.radius300.straightLine.elders60Share ?? 0, 9);
  expect(got.radius300.network).toBeCloseTo(expected.radius300.network.elders60Share ?? 0, 9);
  expect(got.findings).toEqual(expected.findingsSummary);

  // The same numbers are on screen.
  for (const c of walk) {
    await expect(page.getByTestId(`result-coverage-${c.minutes}`)).toContainText(
      pct(c.elders60Share),
    );
  }
  await expect(page.getByTestId('result-radius-straight')).toContainText(
    pct(expected.radius300.straightLine.elders60Share),
  );
  await expect(page.getByTestId('result-radius-network')).toContainText(
    pct(expected.radius300.network.elders60Share),
  );
  await expect(page.getByTestId('result-passed')).toContainText(
    String(expected.findingsSummary.passed),
  );
  await expect(page.getByTestId('result-failed')).toContainText(
    String(expected.findingsSummary.failed),
  );
  await waitForLayers(page, { has: ['analysis-circles'] });
  await page.screenshot({ path: testInfo.outputPath('analysis-results-zh.png') });

  // Circles: switching thresholds on and off changes the drawing.
  const map = page.getByTestId('map');
  await page.getByTestId('toggle-population').uncheck();
  await waitForLayers(page, { lacks: ['population-h3'] });
  const before = await map.screenshot({ style: MAP_ONLY });
  for (const m of [5, 10, 15]) await page.getByTestId(`threshold-${m}`).click();
  await waitForLayers(page, { lacks: ['analysis-circles'] });
  const without = await map.screenshot({ style: MAP_ONLY });
  expect(await changedFraction(page, before, without)).toBeGreaterThan(0.05);
  await page.getByTestId('threshold-15').click();
  await waitForLayers(page, { has: ['analysis-circles'] });
  const only15 = await map.screenshot({ style: MAP_ONLY });
  expect(await changedFraction(page, without, only15)).toBeGreaterThan(0.05);

  // Other views and layers draw.
  await page.getByTestId('view-split').click();
  await waitForLayers(page, { has: ['analysis-circles-split'] });
  await page.screenshot({ path: testInfo.outputPath('analysis-split.png') });
  await page.getByTestId('view-dissolved').click();
  await page.getByTestId('toggle-analysis-units').check();
  await page.getByTestId('toggle-analysis-elders').check();
  await page.getByTestId('toggle-analysis-radius').check();
  await waitForLayers(page, {
    has: ['analysis-units', 'analysis-elders', 'analysis-radius-reach'],
  });
  await page.screenshot({ path: testInfo.outputPath('analysis-layers.png') });

  // Hovering the analysis layers explains them.
  const box = await map.boundingBox();
  if (box !== null) {
    await page.getByTestId('toggle-facilities').uncheck(); // markers would take the hover
    await waitForLayers(page, { lacks: ['facilities'] });
    await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.55);
    await expect(page.locator('.deck-tooltip')).toContainText('分钟');
    await page.screenshot({ path: testInfo.outputPath('analysis-tooltip.png') });
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.getByTestId('toggle-facilities').check();
  }

  // A unit row zooms the map and shows its details.
  await page.getByTestId('units-table').locator('tbody tr.ant-table-row').first().click();
  await expect(page.getByTestId('pick-details')).toBeVisible();

  // Standards tab: citations and the unverified mark; an invalid edit lists every problem.
  await page.getByTestId('tab-standards').click();
  await expect(page.getByTestId('standards-view')).toContainText('怀政办函〔2020〕25号');
  // Citations quote their text verbatim, with the locator.
  await expect(page.getByTestId('standards-view')).toContainText('三、主要目标');
  await page.screenshot({ path: testInfo.outputPath('analysis-standards.png') });
  await page.getByTestId('edit-copy').click();
  await page.locator('[data-field="settings.walkingSpeedMps"]').fill('2.5');
  await page.locator('[data-field="settings.householdSize"]').fill('abc');
  await page.getByTestId('run-edited').click();
  await expect(page.getByTestId('profile-problems')).toContainText('walkingSpeedMps');
  await expect(page.getByTestId('profile-problems')).toContainText('householdSize');
  await page.screenshot({ path: testInfo.outputPath('analysis-editor-problems.png') });
  await page.locator('[data-field="settings.walkingSpeedMps"]').fill('0.8');
  await page.locator('[data-field="settings.householdSize"]').fill('2.62');
  await page.getByTestId('run-edited').click();
  await page.waitForFunction(
    () =>
      (window as unknown as { __carecircle?: { analysis?: { profile: string } } }).__carecircle
        ?.analysis?.profile === 'huaihua-2020-copy',
    undefined,
    { timeout: 60_000 },
  );
  const slower = (await analysisState(page)) as AnalysisState;
  // Slower walkers reach fewer elders within 5 minutes.
  expect(slower.coverage[0].elders60Share ?? 1).toBeLessThan(got.coverage[0].elders60Share ?? 0);

  // The panel folds away to give the map the room, and comes back.
  await page.getByTestId('dock-collapse').click();
  await expect(page.getByTestId('dock-open-analysis')).toBeVisible();
  await page.getByTestId('dock-open-analysis').click();
  await expect(page.getByTestId('standards-view')).toBeVisible(); // the tab it was left on

  // Language switch.
  await page.getByTestId('tab-results').click();
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('analysis-panel')).toContainText('Elders 60+ covered');
  await expect(page.getByTestId('analysis-legend')).toContainText('Service circles');
  await page.screenshot({ path: testInfo.outputPath('analysis-en.png') });
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('analysis-legend')).toContainText('服务圈');

  const outside = requested.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
});
