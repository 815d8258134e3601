import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { importFacilities } from '../../analysis/io/import/import-facilities.ts';
import { studyAreaOf } from '../../analysis/io/import/study-area.ts';
import { cityBbox, writeRegister } from '../../scripts/bench/import.ts';
import { latinWords } from './zh-text.ts';

/**
 * A 200,000-row register imported through the wizard: the page stays responsive (no main-thread
 * task over 200 ms), the bar advances, cancel ends the import worker at once and changes nothing,
 * and the counts are those of the same file through the analysis core in Node.
 */
const ROWS = 200_000;
const SMALL = fileURLToPath(new URL('../fixtures/e2e/register-xinjiekou-gbk.csv', import.meta.url));

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(180_000);

interface Sample {
  stage: string;
  percent: number;
}

type Win = {
  __carecircle?: { analysis?: { runs: number } };
  __carecircleImport?: { fileName: string | null; facilities: unknown[] };
  __carecircleImportWorker?: { running: boolean; started: number };
  __longTasks: { at: number; ms: number }[];
  __progress: Sample[];
};

const runs = (page: Page) =>
  page.evaluate(() => (window as unknown as Win).__carecircle?.analysis?.runs ?? 0);

/** Every main-thread long task of the page, from its first script on. */
const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * Waits until the page has run no long task for QUIET_MS: after an analysis the map rebuilds its
 * layers (deck.gl shaders compiled under SwiftShader) in tasks of its own for several seconds,
 * which are not the import's. A condition on the observed tasks, not a fixed sleep.
 */
const QUIET_MS = 3_000;
async function quiet(page: Page) {
  await page.waitForFunction(
    (ms) => {
      const tasks = (window as unknown as Win).__longTasks;
      const end = Math.max(0, ...tasks.map((t) => t.at + t.ms));
      return performance.now() - end > ms;
    },
    QUIET_MS,
    { timeout: 60_000, polling: 250 },
  );
}

/** From now on: every state the progress bar shows; returns the time the watch began. */
async function watch(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as Win;
    w.__progress = [];
    const record = () => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      const percent = bar?.getAttribute('data-percent');
      if (bar === null || percent === null || percent === undefined || percent === '') return;
      const sample = { stage: bar.getAttribute('data-stage') ?? '', percent: Number(percent) };
      const last = w.__progress.at(-1);
      if (last?.stage !== sample.stage || last.percent !== sample.percent)
        w.__progress.push(sample);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-percent', 'data-stage'],
    });
    return performance.now();
  });
}

/** Waits until the bar of `stage` has shown two different percentages, the last below `below`. */
async function advancing(page: Page, stage: string, below = 100) {
  await page.waitForFunction(
    ([s, max]) => {
      const seen = (window as unknown as Win).__progress.filter((p) => p.stage === s);
      const last = seen.at(-1);
      return seen.length >= 2 && last !== undefined && last.percent > 0 && last.percent < max;
    },
    [stage, below] as const,
    { timeout: 60_000, polling: 20 },
  );
}

async function cancelAndCheck(page: Page, closed: Promise<unknown>) {
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-cancelled')).toBeVisible();
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await closed; // the worker itself is gone, not only the bar
  expect(
    await page.evaluate(() => (window as unknown as Win).__carecircleImportWorker?.running),
  ).toBe(false);
  const register = await page.evaluate(() => (window as unknown as Win).__carecircleImport);
  expect(register?.fileName).toBe('register-xinjiekou-gbk.csv');
}

/** Resolves when the import worker that is now running ends. */
function importWorkerClosed(page: Page): Promise<void> {
  const worker = page.workers().find((w) => /import-file\.worker/.test(w.url()));
  if (worker === undefined) throw new Error('no import worker is running');
  return new Promise((done) => worker.once('close', () => done()));
}

test('a 200,000-row register: progress, cancel, the same counts as the core, no long task', async ({
  page,
}, info) => {
  const file = join(tmpdir(), `carecircle-register-${ROWS}-${process.pid}.csv`);
  await writeRegister(ROWS, file);
  try {
    // The expectation, from the same bytes through the analysis core (the CLI's path).
    const expected = await importFacilities(new Uint8Array(readFileSync(file)), {
      crs: 'wgs84',
      fileName: 'register.csv',
      studyArea: studyAreaOf(cityBbox()),
      keepOutsideStudyArea: false,
    });
    expect(expected.counts.rows).toBe(ROWS);
    expect(expected.counts.rejected).toBeGreaterThan(0);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript(LONG_TASKS);

    await page.goto('/');
    await page.waitForFunction(
      () => ((window as unknown as Win).__carecircle?.analysis?.runs ?? 0) > 0,
      undefined,
      {
        timeout: 90_000,
      },
    );
    // A previous register: the small fixture, applied and analysed.
    const before = await runs(page);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file-input').setInputFiles(SMALL);
    await page.getByTestId('import-next').click();
    await page.getByTestId('crs-gcj02').check();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-apply').click();
    await page.waitForFunction(
      (n) => ((window as unknown as Win).__carecircle?.analysis?.runs ?? 0) > n,
      before,
      {
        timeout: 90_000,
      },
    );

    await quiet(page);
    const since = await watch(page);
    await page.getByTestId('open-import').click();
    // 1. Cancelled while the file is read: the wizard stays on the file step.
    await page.getByTestId('import-file-input').setInputFiles(file);
    await expect(page.getByTestId('import-progress')).toBeVisible();
    const readLabel = await page.getByTestId('import-progress').innerText();
    expect(readLabel).toContain('正在读取文件');
    expect(latinWords(readLabel)).toEqual([]);
    await advancing(page, 'read', 60);
    await cancelAndCheck(page, importWorkerClosed(page));
    await expect(page.getByTestId('import-drop')).toBeVisible();
    await expect(page.getByTestId('import-cancelled')).toContainText('已取消（正在读取文件）');

    // 2. Read in full (a new worker), then cancelled while the rows are checked.
    const started = await page.evaluate(
      () => (window as unknown as Win).__carecircleImportWorker?.started ?? 0,
    );
    await page.getByTestId('import-file-input').setInputFiles(file);
    await expect(page.getByTestId('map-lon')).toHaveValue('wgs84_lon', { timeout: 60_000 });
    await expect(page.getByTestId('import-read-summary')).toContainText('200,000');
    expect(
      await page.evaluate(() => (window as unknown as Win).__carecircleImportWorker?.started),
    ).toBe(started + 1);
    await page.getByTestId('import-next').click();
    await page.getByTestId('crs-wgs84').check({ timeout: 60_000 });
    await page.getByTestId('import-next').click();
    await advancing(page, 'validate', 80);
    await cancelAndCheck(page, importWorkerClosed(page));
    await expect(page.getByTestId('crs-wgs84')).toBeChecked();

    // 3. Again: the new worker reads the file again by itself, then checks every row.
    await page.evaluate(() => {
      (window as unknown as Win).__progress = [];
    });
    await page.getByTestId('import-next').click();
    await expect(page.getByTestId('import-accepted')).toHaveText(
      expected.counts.accepted.toLocaleString('en-US'),
      { timeout: 90_000 },
    );
    await expect(page.getByTestId('import-rejected')).toHaveText(
      expected.counts.rejected.toLocaleString('en-US'),
    );
    await expect(page.getByTestId('import-wizard')).toContainText(
      `未通过的问题（${expected.rejections.length.toLocaleString('en-US')} 项）`,
    );
    const samples = await page.evaluate(() => (window as unknown as Win).__progress);
    for (const stage of ['read', 'validate']) {
      const percents = samples.filter((s) => s.stage === stage).map((s) => s.percent);
      expect(new Set(percents).size, `${stage}: ${percents.join(' ')}`).toBeGreaterThanOrEqual(2);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
    }
    await page.screenshot({ path: info.outputPath('import-large-result-zh.png') });

    const longTasks = await page.evaluate(
      (from) => (window as unknown as Win).__longTasks.filter((t) => t.at >= from),
      since,
    );
    info.annotations.push({
      type: 'long-tasks',
      description: longTasks.map((t) => `${Math.round(t.ms)} ms`).join(', ') || 'none over 50 ms',
    });
    expect(longTasks.filter((t) => t.ms > 200)).toEqual([]);

    // Closing the wizard keeps the previous register.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-wizard')).toHaveCount(0);
    const register = await page.evaluate(() => (window as unknown as Win).__carecircleImport);
    expect(register?.fileName).toBe('register-xinjiekou-gbk.csv');
    expect(pageErrors).toEqual([]);
  } finally {
    rmSync(file, { force: true });
  }
});
