import type { Page } from '@playwright/test';

export interface PixelStats {
  total: number;
  /** Pixels that differ from the base map's background colour. */
  nonBackground: number;
  /** Distinct colours after quantising each channel to 16 levels. */
  distinctColours: number;
  /** Pixels close to a given colour (see `probe`). */
  probeHits: number;
  /** Pixels strongly blue-tinted: the darker classes of the population cells (not water). */
  bluish: number;
}

type Rgb = [number, number, number];

/**
 * Decodes a PNG inside the page itself (createImageBitmap on a Blob: no network, no extra npm
 * package) and counts pixels. The PNG is a screenshot, so it shows the composited WebGL output.
 */
export async function pixelStats(
  page: Page,
  png: Buffer,
  background: Rgb,
  probe: Rgb,
): Promise<PixelStats> {
  return page.evaluate(
    async ({ base64, background, probe }) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const near = (r: number, g: number, b: number, c: number[], tolerance: number) =>
        Math.abs(r - c[0]) <= tolerance &&
        Math.abs(g - c[1]) <= tolerance &&
        Math.abs(b - c[2]) <= tolerance;
      const colours = new Set<number>();
      let nonBackground = 0;
      let probeHits = 0;
      let bluish = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
        if (!near(r, g, b, background, 3)) nonBackground++;
        if (near(r, g, b, probe, 24)) probeHits++;
        if (b > r + 70 && b > g + 20) bluish++;
      }
      return {
        total: data.length / 4,
        nonBackground,
        distinctColours: colours.size,
        probeHits,
        bluish,
      };
    },
    { base64: png.toString('base64'), background, probe },
  );
}

/** Fraction of pixels that differ (any channel by more than 8) between two same-sized PNGs. */
export async function changedFraction(page: Page, before: Buffer, after: Buffer): Promise<number> {
  return page.evaluate(
    async ({ a, b }) => {
      const decode = async (base64: string) => {
        const binary = atob(base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        if (context === null) throw new Error('no 2d context');
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [x, y] = [await decode(a), await decode(b)];
      if (x.length !== y.length) throw new Error('screenshots differ in size');
      let changed = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (
          Math.abs(x[i] - y[i]) > 8 ||
          Math.abs(x[i + 1] - y[i + 1]) > 8 ||
          Math.abs(x[i + 2] - y[i + 2]) > 8
        ) {
          changed++;
        }
      }
      return changed / (x.length / 4);
    },
    { a: before.toString('base64'), b: after.toString('base64') },
  );
}

/** Pixel position (x, y) of the first pixel, in reading order, within `tolerance` of a colour. */
export async function findColour(
  page: Page,
  png: Buffer,
  colour: Rgb,
  tolerance = 12,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    async ({ base64, colour, tolerance }) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i] - colour[0]) <= tolerance &&
          Math.abs(data[i + 1] - colour[1]) <= tolerance &&
          Math.abs(data[i + 2] - colour[2]) <= tolerance
        ) {
          const pixel = i / 4;
          return { x: pixel % bitmap.width, y: Math.floor(pixel / bitmap.width) };
        }
      }
      return null;
    },
    { base64: png.toString('base64'), colour, tolerance },
  );
}
