import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Chromium (system /usr/bin/chromium via playwright-core) prints the report HTML to PDF and
 * rasterises SVG figures to PNG for the .docx. Where no Chromium is installed, callers skip
 * those outputs and say so.
 */
export function chromiumPath(): string {
  return process.env.CARECIRCLE_CHROMIUM ?? '/usr/bin/chromium';
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
}

/**
 * A4 PDF of a print-ready page. Running header and footer come from the page's own CSS margin
 * boxes (@page @top-center …), so window.print() in the app gives the same pages.
 */
export async function htmlToPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/**
 * PNGs of SVG documents at `scale` × their pixel size (2 gives 192 dpi in Word at 96 dpi). All
 * figures go on one page and are shot one by one: a page per figure costs a second each.
 */
export async function svgsToPng(
  browser: Browser,
  figures: readonly { svg: string; width: number }[],
  scale = 2,
): Promise<Uint8Array[]> {
  const width = Math.max(100, ...figures.map((f) => f.width));
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    deviceScaleFactor: scale,
  });
  try {
    const page = await context.newPage();
    const body = figures.map((f) => `<div style="width:${f.width}px">${f.svg}</div>`).join('');
    await page.setContent(
      `<!DOCTYPE html><html><body style="margin:0;background:#fff">${body}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const shots: Uint8Array[] = [];
    for (let i = 0; i < figures.length; i++) {
      const png = await page.locator('body > div > svg').nth(i).screenshot({ type: 'png' });
      shots.push(new Uint8Array(png));
    }
    return shots;
  } finally {
    await context.close();
  }
}
