import { crc32, deflateSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Build-time only (runs in Node inside `vite build`): draws the app icon — concentric service
 * circles around a facility dot — and emits it as PNG files, so the installable app has icons
 * without committed binaries or any download. Links the icon from index.html too.
 */

/** The app's brand colour (styles.css --brand), also the manifest's theme colour. */
export const THEME = '#0b5f8a';
const BRAND: Rgb = [0x0b, 0x5f, 0x8a];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const RING: Rgb = [0x8c, 0xc8, 0xe6];
type Rgb = [number, number, number];

export interface IconFile {
  fileName: string;
  size: number;
  /** Maskable icons fill the square (the OS crops them); others are a rounded tile. */
  maskable: boolean;
}

export const ICON_FILES: readonly IconFile[] = [
  { fileName: 'icons/icon-192.png', size: 192, maskable: false },
  { fileName: 'icons/icon-512.png', size: 512, maskable: false },
  { fileName: 'icons/icon-maskable-512.png', size: 512, maskable: true },
];

/** Coverage (0..1) of an edge at signed distance d (pixels, negative inside): one-pixel ramp. */
const inside = (d: number) => Math.min(1, Math.max(0, 0.5 - d));

function blend(base: Rgb, top: Rgb, alpha: number): Rgb {
  return [0, 1, 2].map((i) => base[i] + (top[i] - base[i]) * alpha) as Rgb;
}

/** RGBA pixels of one icon. Sizes are fractions of the side so every size looks the same. */
export function drawIcon(size: number, maskable: boolean): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const c = size / 2;
  // Maskable icons keep their content inside the central 80 % safe zone.
  const scale = maskable ? 0.8 : 1;
  const corner = size * 0.2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5 - c;
      const py = y + 0.5 - c;
      const r = Math.hypot(px, py) / scale;
      let colour: Rgb = BRAND;
      colour = blend(colour, RING, inside(Math.abs(r - size * 0.36) - size * 0.025));
      colour = blend(colour, WHITE, inside(Math.abs(r - size * 0.24) - size * 0.035));
      colour = blend(colour, WHITE, inside(r - size * 0.1));
      // Rounded-square tile: distance to the rounded rectangle's edge.
      const qx = Math.max(Math.abs(px) - (c - corner), 0);
      const qy = Math.max(Math.abs(py) - (c - corner), 0);
      const alpha = maskable ? 1 : inside(Math.hypot(qx, qy) - corner);
      const at = (y * size + x) * 4;
      pixels[at] = Math.round(colour[0]);
      pixels[at + 1] = Math.round(colour[1]);
      pixels[at + 2] = Math.round(colour[2]);
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal PNG (8-bit RGBA, no interlace, filter 0 on every row). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function appIcons(): Plugin {
  return {
    name: 'carecircle-app-icons',
    apply: 'build',
    generateBundle() {
      for (const icon of ICON_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: icon.fileName,
          source: encodePng(icon.size, drawIcon(icon.size, icon.maskable)),
        });
      }
    },
    transformIndexHtml: () => [
      {
        tag: 'link',
        attrs: { rel: 'icon', type: 'image/png', href: 'icons/icon-192.png' },
        injectTo: 'head',
      },
      {
        tag: 'link',
        attrs: { rel: 'apple-touch-icon', href: 'icons/icon-192.png' },
        injectTo: 'head',
      },
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME }, injectTo: 'head' },
    ],
  };
}
