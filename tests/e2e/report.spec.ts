import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The browser's report view printed to PDF: the demo scenario is imported, the report is built in
 * the worker and shown in the preview frame (the HTML the print button prints); that HTML is
 * printed with page.pdf as Chromium's "Save as PDF" would. The PDF must have the pages of a
 * review document, every figure, and no English outside names in the Chinese text; the CLI on
 * the same city, scenario and date writes the same text.
 */
test.use({ viewport: { width: 1600, height: 960 } });

const FIGURES = ['coverage-chart', 'map-coverage', 'map-compliance', 'map-effect'];

/** Latin words a Chinese planning document writes: brand, data and licence names, units. */
const ALLOWED = new Set(['OpenStreetMap', 'contributors', 'ODbL', 'CareCircle', 'km', 'm', 'N']);

/** What a reader sees of a report page: text of the body and of the figures, tags removed. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function pdfText(file: string): string {
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

test('report: the browser view prints to a complete Chinese PDF', async ({ page, context }) => {
  test.setTimeout(600_000);
  await page.goto('/');
  await page.getByTestId('dock-tab-scenario').click();
  await expect(page.getByTestId('scenario-covered-5')).toBeVisible({ timeout: 90_000 });
  const options = page.getByTestId('scenario-select').locator('option');
  const before = await options.count();
  await page
    .getByTestId('scenario-import')
    .setInputFiles('tests/fixtures/report/demo-scenario.json');
  await expect(options).toHaveCount(before + 1);

  await page.getByTestId('scenario-tab-report').click();
  await page.getByTestId('report-preview-open').click();
  const frame = page.getByTestId('report-preview');
  await expect(frame).toBeVisible({ timeout: 120_000 });
  const html = await frame.getAttribute('srcdoc');
  if (html === null) throw new Error('no report in the preview');
  // The preview shows the document itself: its cover and first chapter are there.
  await expect(
    page.frameLocator('[data-testid="report-preview"]').locator('h2').first(),
  ).toHaveText('目  录');

  // The CLI on the same city, scenario and date writes the same document.
  const date = /编制日期<\/th><td>(\d{4}-\d{2}-\d{2})/.exec(html)?.[1];
  if (date === undefined) throw new Error('no date on the cover');
  const out = mkdtempSync(join(tmpdir(), 'carecircle-report-cli-'));
  const cli = spawnSync(
    'node',
    [
      'scripts/carecircle.mjs',
      'report',
      '--city',
      'data/nanjing-xinjiekou',
      '--profile',
      'huaihua-2020',
      '--scenario',
      'tests/fixtures/report/demo-scenario.json',
      '--date',
      date,
      '--out',
      out,
    ],
    { encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  expect(visibleText(html)).toBe(visibleText(readFileSync(join(out, 'report.html'), 'utf8')));

  const print = await context.newPage();
  await print.setContent(html, { waitUntil: 'load' });
  await print.evaluate(() => document.fonts.ready.then(() => undefined));
  for (const id of FIGURES) await expect(print.locator(`figure#${id} svg`)).toHaveCount(1);
  const dir = mkdtempSync(join(tmpdir(), 'carecircle-report-e2e-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, await print.pdf({ printBackground: true, preferCSSPageSize: true }));
  await print.close();

  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0);
  // Cover, contents and seven chapters, each chapter on a new page.
  expect(pages).toBeGreaterThanOrEqual(9);
  expect(pages).toBeLessThanOrEqual(40);
  expect(info.stdout).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);

  const text = pdfText(file);
  for (const n of [1, 2, 3, 4]) expect(text).toMatch(new RegExp(`图${n}\\s`));
  for (const chapter of [
    '一、概况',
    '二、现状评估',
    '三、标准符合性',
    '四、规划方案',
    '五、方案效果',
    '六、实施安排',
    '附录',
  ]) {
    expect(text).toContain(chapter);
  }
  // No English in the Chinese text outside names. Names of the study area's units carry their
  // codes (C01, S02); H3 ids stand only in the id appendix, which is left out of the check.
  const body = text.split('附录四')[0];
  const words = new Set(
    (body.match(/[A-Za-z][A-Za-z0-9._-]*/g) ?? []).filter(
      (w) =>
        !ALLOWED.has(w) &&
        !/^[CS]\d{2}$/.test(w) &&
        !/^(ODbL|A$)/.test(w) &&
        !/\.osm\.pbf$|^nanjing_/.test(w),
    ),
  );
  expect([...words]).toEqual([]);
  expect(body).not.toMatch(/8[0-9a-f]{14}/);
});
