import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import { buildReportModel } from '../../../analysis/report/build-model.ts';
import { cityCoverage, reportContext } from '../../../analysis/report/context.ts';
import { formatInt, formatShare } from '../../../analysis/report/format.ts';
import { en } from '../../../analysis/report/i18n/en.ts';
import { zh } from '../../../analysis/report/i18n/zh.ts';
import { renderDocx } from '../../../analysis/report/render-docx.ts';
import { chromiumAvailable, launchChromium } from '../../../scripts/report/chromium.ts';
import { type WrittenReport, writeReport } from '../../../scripts/report/write-report.ts';
import { verb } from '../../../scripts/verbs/report.ts';
import { firstPageInk } from './pdf-pixels.ts';

const CITY = 'data/nanjing-xinjiekou';
const SITES = 'tests/fixtures/report/demo-sites.json';
let dir: string;
let report: WrittenReport;
let closedId: string;
let browser: Browser | undefined;

/** A scenario built from the demo register as it is now: two new sites, one closed. */
function writeScenario(file: string): void {
  const register = JSON.parse(readFileSync(join(CITY, 'facilities.geojson'), 'utf8')) as {
    features: { properties: { id: string } }[];
  };
  closedId = register.features[register.features.length - 1].properties.id;
  const fixture = JSON.parse(readFileSync('tests/fixtures/report/demo-scenario.json', 'utf8'));
  fixture.modifications = [
    ...fixture.modifications.filter((m: { kind: string }) => m.kind === 'add-site'),
    { kind: 'close-site', id: closedId },
  ];
  writeFileSync(file, JSON.stringify(fixture));
}

const unzipText = (file: string, entry: string) => strFromU8(unzipSync(readFileSync(file))[entry]);

/** Text of a WordprocessingML part, one line per paragraph; throws on malformed XML. */
function wordText(xml: string): string {
  const parser = new SaxesParser();
  let inText = false;
  let out = '';
  parser.on('opentag', (tag) => {
    inText = tag.name === 'w:t';
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    if (tag.name === 'w:p') out += '\n';
  });
  parser.on('text', (text) => {
    if (inText) out += text;
  });
  parser.write(xml).close();
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carecircle-report-'));
  writeScenario(join(dir, 'scenario.json'));
  browser = chromiumAvailable() ? await launchChromium() : undefined;
  report = await writeReport(
    {
      cityDir: CITY,
      profile: 'huaihua-2020',
      scenarioFile: join(dir, 'scenario.json'),
      sitesFile: SITES,
      lang: 'zh',
      generatedOn: '2026-11-22',
    },
    join(dir, 'out'),
    { browser },
  );
});

afterAll(async () => {
  await browser?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('report.docx', () => {
  it('has every section and the key numbers of the model', () => {
    const xml = wordText(unzipText(join(dir, 'out', 'report.docx'), 'word/document.xml'));
    const paragraphs = xml.split('\n');
    for (const title of Object.values(zh.sections)) expect(paragraphs).toContain(title);
    const s = report.input.baseline.summary;
    const ctx = reportContext(report.input);
    expect(xml).toContain(formatInt(s.population.residents));
    expect(xml).toContain(
      formatShare(cityCoverage(report.input.baseline, ctx.headlineMinutes)?.elders60Share ?? -1),
    );
    const failing = s.findings.filter((f) => f.scope === 'city' && f.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const f of failing) expect(xml).toContain(ctx.quantity(f.shortfall, f.shortfallUnit));
    for (const rule of report.input.profile.rules.filter((r) =>
      s.findings.some((f) => f.rule === r.id),
    )) {
      expect(xml).toContain(rule.citation.quote);
    }
    expect(xml).toContain('拟建·大光路养老睦邻点');
    expect(xml).toContain('示例数据');
  });

  it('labels the illustrative register on every page header', () => {
    const header = wordText(unzipText(join(dir, 'out', 'report.docx'), 'word/header1.xml'));
    expect(header.trim()).toBe(zh.banner);
  });

  it.skipIf(!chromiumAvailable())('embeds one PNG per figure', () => {
    const files = Object.keys(unzipSync(readFileSync(join(dir, 'out', 'report.docx'))));
    const media = files.filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(media.length).toBe(Object.keys(report.model.figures).length);
    expect(media.length).toBe(4);
  });

  it('renders in English without figures, saying why maps are missing', async () => {
    const model = buildReportModel({ ...report.input, lang: 'en' });
    const bytes = await renderDocx(model, { missingFigureNote: en.maps.missingImage });
    const xml = wordText(strFromU8(unzipSync(bytes)['word/document.xml']));
    for (const title of Object.values(en.sections)) expect(xml.split('\n')).toContain(title);
    expect(xml).toContain(en.maps.missingImage);
    expect(xml).not.toContain(zh.sections.overview);
  });
});

describe('tables.xlsx', () => {
  it('has the units and findings sheets with one row per unit and per finding', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'out', 'tables.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      zh.sheets.summary,
      zh.sheets.thresholds,
      zh.sheets.units,
      zh.sheets.sites,
      zh.sheets.findings,
      zh.sheets.proposed,
    ]);
    const units = workbook.getWorksheet(zh.sheets.units);
    if (units === undefined) throw new Error('units sheet missing');
    const baseline = report.input.baseline;
    expect(units.rowCount).toBe(baseline.units.length + 1);
    const sheet = report.model.sheets.find((x) => x.name === zh.sheets.units);
    expect((units.getRow(1).values as unknown[]).slice(1)).toEqual(sheet?.header);
    expect(units.getRow(2).getCell(1).value).toBe(baseline.units[0].unitId);
    expect(units.getRow(2).getCell(5).value).toBe(baseline.units[0].residents);
    const findings = workbook.getWorksheet(zh.sheets.findings);
    expect(findings?.rowCount).toBe(baseline.summary.findings.length + 1);
  });
});

describe('GeoJSON', () => {
  it('has walking circles per threshold for baseline and scenario, and every site with its status', () => {
    const circles = JSON.parse(readFileSync(join(dir, 'out', 'circles.geojson'), 'utf8'));
    const walk = circles.features.filter(
      (f: { properties: { kind: string } }) => f.properties.kind === 'walk-circle',
    );
    const thresholds = report.input.baseline.summary.thresholds;
    expect(walk.length).toBe(2 * thresholds.length);
    expect(walk[0].geometry.type).toBe('MultiPolygon');
    const sites = JSON.parse(readFileSync(join(dir, 'out', 'sites.geojson'), 'utf8'));
    const status = (s: string) =>
      sites.features.filter((f: { properties: { status: string } }) => f.properties.status === s);
    expect(status('added').length).toBe(2);
    expect(status('closed').map((f: { properties: { id: string } }) => f.properties.id)).toEqual([
      closedId,
    ]);
    expect(status('recommended').length).toBe(2);
    expect(status('existing').length).toBe(report.input.facilities.length - 1);
  });
});

describe.skipIf(!chromiumAvailable())('report.pdf (Chromium)', () => {
  it('has one A4 page per section at least, and page 1 is not blank', async () => {
    const file = join(dir, 'out', 'report.pdf');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file).toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(report.model.sections.length);
    // A4 = 595.28 × 841.89 pt; Chromium rounds to its own grid (594.96 × 841.92).
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+/);
    expect(await firstPageInk(browser as Browser, file)).toBeGreaterThan(0.002);
  });

  it('the blank-page check sees a blank page as blank', async () => {
    const page = await (browser as Browser).newPage();
    await page.setContent('<html><body></body></html>');
    const blank = join(dir, 'blank.pdf');
    writeFileSync(blank, await page.pdf({ format: 'A4' }));
    await page.close();
    expect(await firstPageInk(browser as Browser, blank)).toBe(0);
  });
});

describe('bad input', () => {
  it("rejects an unknown language as the user's error", async () => {
    const args = [
      '--city',
      CITY,
      '--profile',
      'huaihua-2020',
      '--out',
      join(dir, 'x'),
      '--lang',
      'fr',
    ];
    const error = await verb.run(args).catch((e: unknown) => e);
    expect(isInputError(error) && error.code).toBe('E_BAD_OPTION');
  });

  it('names the scenario file and the bad modification before analysing', async () => {
    const bad = join(dir, 'bad-scenario.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'carecircle-scenario',
        version: 1,
        baseline: { city: 'x', profile: 'huaihua-2020' },
        modifications: [{ kind: 'close-site', id: 'NO-SUCH-SITE' }],
      }),
    );
    const run = writeReport(
      {
        cityDir: CITY,
        profile: 'huaihua-2020',
        scenarioFile: bad,
        lang: 'zh',
        generatedOn: '2026-11-22',
      },
      join(dir, 'bad-out'),
    );
    const error = await run.catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect(String((error as Error).message)).toContain(bad);
    expect(String((error as Error).message)).toContain('modifications[0]');
    expect(existsSync(join(dir, 'bad-out'))).toBe(false);
  });
});

if (!chromiumAvailable()) {
  console.warn('report tests: /usr/bin/chromium not found, PDF and docx image checks skipped');
}
