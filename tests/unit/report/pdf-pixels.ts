import type { Browser } from 'playwright-core';

/**
 * Renders page 1 of a PDF with Chromium's own PDF viewer and returns the share of "ink"
 * (dark) pixels inside the white page area of the screenshot: 0 for a blank page, -1 when no
 * page appeared. Chromium-only on purpose (CI has no poppler). The viewer draws
 * asynchronously: screenshots are retaken until the page shows, then once more.
 */
export async function firstPageInk(
  browser: Browser,
  pdfFile: string,
  attempts = 20,
): Promise<number> {
  const viewer = await browser.newPage({ viewport: { width: 600, height: 800 } });
  const canvas = await browser.newPage();
  try {
    await viewer.goto(`file://${pdfFile}#toolbar=0&navpanes=0`);
    const measure = async () =>
      canvas.evaluate(inkOfPng, (await viewer.screenshot({ type: 'png' })).toString('base64'));
    let ink = -1;
    for (let i = 0; i < attempts && ink < 0; i++) {
      await viewer.waitForTimeout(200);
      ink = await measure();
    }
    if (ink < 0) return ink;
    await viewer.waitForTimeout(200);
    return await measure();
  } finally {
    await viewer.close();
    await canvas.close();
  }
}

/** Runs in the page: decode the PNG, find the white page's bounding box, count dark pixels in it. */
async function inkOfPng(base64: string): Promise<number> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const c = document.createElement('canvas');
  c.width = image.width;
  c.height = image.height;
  const g = c.getContext('2d');
  if (g === null) return 0;
  g.drawImage(image, 0, 0);
  const { data, width, height } = g.getImageData(0, 0, c.width, c.height);
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = (y * width + x) * 4;
      if (data[k] > 250 && data[k + 1] > 250 && data[k + 2] > 250) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < x0 || (x1 - x0) * (y1 - y0) < 0.1 * width * height) return -1;
  let dark = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const k = (y * width + x) * 4;
      if (data[k] + data[k + 1] + data[k + 2] < 3 * 160) dark++;
    }
  }
  return dark / ((x1 - x0 + 1) * (y1 - y0 + 1));
}
