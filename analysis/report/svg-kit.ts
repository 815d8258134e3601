import { cellToBoundary } from 'h3-js';
import type { UnitGeometry } from '../coverage/types.ts';

/**
 * Small SVG toolkit for report figures: an equirectangular projection (x scaled by cos of the
 * mid latitude, which is exact enough for a district a few km across), paths, legends.
 * Strings only, so the same figures go into the HTML (inline) and, rasterised by the host,
 * into the .docx.
 */
export const FONT = `'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif`;

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

export interface Projection {
  width: number;
  height: number;
  project(lon: number, lat: number): [number, number];
  /** Metres per SVG unit, for the scale bar. */
  metresPerUnit: number;
}

export type Bounds = [number, number, number, number];

export function boundsOf(points: Iterable<readonly number[]>): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Fits `bounds` into `maxWidth` × `maxHeight` with a margin, keeping the aspect ratio. */
export function fitProjection(
  bounds: Bounds,
  maxWidth: number,
  maxHeight: number,
  margin = 12,
): Projection {
  const [w, s, e, n] = bounds;
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const spanX = Math.max((e - w) * kx, 1e-9);
  const spanY = Math.max(n - s, 1e-9);
  const scale = Math.min((maxWidth - 2 * margin) / spanX, (maxHeight - 2 * margin) / spanY);
  const width = Math.round(spanX * scale + 2 * margin);
  const height = Math.round(spanY * scale + 2 * margin);
  return {
    width,
    height,
    project: (lon, lat) => [margin + (lon - w) * kx * scale, margin + (n - lat) * scale],
    metresPerUnit: 111_320 / scale,
  };
}

const f1 = (x: number) => x.toFixed(1);

export function ringPath(ring: readonly (readonly number[])[], p: Projection): string {
  return `${ring
    .map(([lon, lat], i) => {
      const [x, y] = p.project(lon, lat);
      return `${i === 0 ? 'M' : 'L'}${f1(x)} ${f1(y)}`;
    })
    .join('')}Z`;
}

export function geometryPath(geometry: UnitGeometry, p: Projection): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((r) => ringPath(r, p)).join('')).join('');
}

export function linePath(line: readonly (readonly number[])[], p: Projection): string {
  return line
    .map(([lon, lat], i) => {
      const [x, y] = p.project(lon, lat);
      return `${i === 0 ? 'M' : 'L'}${f1(x)} ${f1(y)}`;
    })
    .join('');
}

/** H3 cell outline as [lon, lat] ring (h3-js gives [lat, lng]). */
export function cellRing(h3: string): number[][] {
  const ring = cellToBoundary(h3).map(([lat, lon]) => [lon, lat]);
  ring.push(ring[0]);
  return ring;
}

export function cellPath(h3: string, p: Projection): string {
  return ringPath(cellRing(h3), p);
}

export function star(cx: number, cy: number, r: number, fill: string, stroke = '#333'): string {
  const points: string[] = [];
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    points.push(`${f1(cx + radius * Math.cos(angle))},${f1(cy + radius * Math.sin(angle))}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${fill}" stroke="${stroke}" stroke-width="1"/>`;
}

export function svgDocument(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}"><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`;
}
