import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Chromium (system /usr/bin/chromium via playwright-core) prints the report HTML to PDF and
 * rasterises SVG figures to PNG for the .docx. Where no Chromium is installed, callers skip
 * those outputs and say so.
 */
export const CHROMIUM_PATH = process.env.CARECIRCLE_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A4 PDF of a print-ready page; the footer (text · page / pages) is Chromium's own template. */
export async function htmlToPdf(browser: Browser, html: string, footer: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const style = `font-size:7.5pt;width:100%;text-align:center;color:#555;font-family:'Noto Sans CJK SC',sans-serif;`;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="${style}">${escapeHtml(footer)} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** PNG of an SVG document at `scale` × its pixel size (2 gives 192 dpi in Word at 96 dpi). */
export async function svgToPng(browser: Browser, svg: string, width: number, height: number, scale = 2): Promise<Uint8Array> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
  try {
    const page = await context.newPage();
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const png = await page.locator('svg').first().screenshot({ type: 'png' });
    return new Uint8Array(png);
  } finally {
    await context.close();
  }
}
