import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { reportDocuments } from '../../analysis/report/documents.ts';
import { catalogue } from '../../analysis/report/i18n/index.ts';
import { renderDocx } from '../../analysis/report/render-docx.ts';
import type { FigureId, ReportInput, ReportModel } from '../../analysis/report/types.ts';
import { chromiumAvailable, htmlToPdf, launchChromium, svgsToPng } from './chromium.ts';
import { gatherReportInput, type ReportRequest } from './inputs.ts';

export interface WrittenReport {
  input: ReportInput;
  model: ReportModel;
  /** File names written into the output folder. */
  written: string[];
  /** Outputs left out and why (no Chromium). */
  skipped: string[];
}

/**
 * Runs the analysis (and scenario), builds the report model and writes every output:
 * report.html, tables.xlsx, circles.geojson, sites.geojson, report.pdf (Chromium) and
 * report.docx (with map PNGs rasterised by the same Chromium, or a note without it). A caller
 * that renders many reports passes its own browser.
 */
export async function writeReport(
  request: ReportRequest,
  outDir: string,
  options: { browser?: Browser } = {},
): Promise<WrittenReport> {
  const input = await gatherReportInput(request);
  const { model, html, xlsx, circles, sites, figures } = await reportDocuments(input);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const skipped: string[] = [];
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(outDir, name), data);
    written.push(name);
  };
  write('report.html', html);
  write('tables.xlsx', xlsx);
  write('circles.geojson', circles);
  write('sites.geojson', sites);

  const figurePngs: Partial<Record<FigureId, Uint8Array>> = {};
  if (options.browser !== undefined || chromiumAvailable()) {
    const browser = options.browser ?? (await launchChromium());
    try {
      const pngs = await svgsToPng(browser, figures);
      figures.forEach((figure, i) => {
        figurePngs[figure.id] = pngs[i];
      });
      write('report.pdf', await htmlToPdf(browser, html));
    } finally {
      if (options.browser === undefined) await browser.close();
    }
  } else {
    skipped.push(
      'report.pdf skipped: no Chromium found (set CARECIRCLE_CHROMIUM); the .docx has no map images',
    );
  }
  const docx = await renderDocx(model, {
    figurePngs,
    missingFigureNote: catalogue(model.lang).maps.missingImage,
  });
  write('report.docx', docx);
  return { input, model, written, skipped };
}
