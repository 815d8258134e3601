import { escapeXml, type Projection, star } from './svg-kit.ts';

/**
 * What makes a map readable on paper: legend, north arrow, scale bar, attribution, labels with a
 * halo. SVG strings in figure pixels (a 700 px figure prints about 174 mm wide: 11 px ≈ 8 pt).
 */
export type LegendSymbol =
  | { kind: 'box'; fill: string; stroke?: string }
  | { kind: 'line'; stroke: string; width: number; dash?: string }
  | { kind: 'dot'; fill: string; stroke?: string; r?: number }
  | { kind: 'ring'; stroke: string }
  | { kind: 'cross'; stroke: string }
  | { kind: 'square'; fill: string; stroke: string }
  | { kind: 'star'; fill: string };

export interface LegendEntry {
  label: string;
  symbol: LegendSymbol;
}

export interface LegendGroup {
  title: string;
  entries: LegendEntry[];
}

const f1 = (x: number) => x.toFixed(1);

export function symbolSvg(s: LegendSymbol, cx: number, cy: number): string {
  switch (s.kind) {
    case 'box':
      return `<rect x="${f1(cx - 8)}" y="${f1(cy - 6)}" width="16" height="12" fill="${s.fill}" stroke="${s.stroke ?? '#666'}" stroke-width="0.6"/>`;
    case 'line':
      return `<path d="M${f1(cx - 9)} ${f1(cy)}h18" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    case 'dot':
      return `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${s.r ?? 4.5}" fill="${s.fill}" stroke="${s.stroke ?? '#fff'}" stroke-width="1"/>`;
    case 'ring':
      return `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="6" fill="none" stroke="${s.stroke}" stroke-width="2.2"/>`;
    case 'cross':
      return `<path d="M${f1(cx - 5)} ${f1(cy - 5)}l10 10M${f1(cx - 5)} ${f1(cy + 5)}l10 -10" stroke="${s.stroke}" stroke-width="2.2"/>`;
    case 'square':
      return `<rect x="${f1(cx - 5)}" y="${f1(cy - 5)}" width="10" height="10" fill="${s.fill}" stroke="${s.stroke}" stroke-width="2"/>`;
    case 'star':
      return star(cx, cy, 7, s.fill);
  }
}

/** Legend groups in columns below the map; returns the SVG and its height. */
export function legendBelow(
  groups: LegendGroup[],
  x: number,
  y: number,
  width: number,
): { svg: string; height: number } {
  const columns = Math.max(1, groups.length);
  const colW = width / columns;
  const parts: string[] = [];
  let height = 0;
  groups.forEach((g, i) => {
    const x0 = x + i * colW;
    let row = y + 14;
    parts.push(
      `<text x="${f1(x0)}" y="${f1(row)}" font-size="11.5" font-weight="bold">${escapeXml(g.title)}</text>`,
    );
    row += 8;
    for (const e of g.entries) {
      row += 16;
      parts.push(symbolSvg(e.symbol, x0 + 10, row - 4));
      parts.push(
        `<text x="${f1(x0 + 24)}" y="${f1(row)}" font-size="10.5">${escapeXml(e.label)}</text>`,
      );
    }
    height = Math.max(height, row - y + 8);
  });
  return { svg: parts.join(''), height };
}

/** North arrow at the top-right corner of the map frame. */
export function northArrow(x: number, y: number): string {
  return [
    `<rect x="${x - 14}" y="${y - 4}" width="28" height="40" fill="#fff" fill-opacity="0.85"/>`,
    `<path d="M${x} ${y + 6}l7 22l-7 -5l-7 5z" fill="#222"/>`,
    `<text x="${x}" y="${y + 6}" font-size="11" text-anchor="middle" font-weight="bold">N</text>`,
  ].join('');
}

/** Scale bar of a round length (about a fifth of the map width) at the bottom-left. */
export function scaleBar(p: Projection, x: number, y: number): string {
  const target = (p.width / 5) * p.metresPerUnit;
  const nice = [50, 100, 200, 250, 500, 1000, 2000, 5000, 10000].reduce((best, m) =>
    Math.abs(m - target) < Math.abs(best - target) ? m : best,
  );
  const length = nice / p.metresPerUnit;
  const half = length / 2;
  const label = nice >= 1000 ? `${nice / 1000} km` : `${nice} m`;
  return [
    `<rect x="${x - 6}" y="${y - 16}" width="${f1(length + 40)}" height="26" fill="#fff" fill-opacity="0.85"/>`,
    `<rect x="${x}" y="${y}" width="${f1(half)}" height="4" fill="#222" stroke="#222" stroke-width="0.6"/>`,
    `<rect x="${f1(x + half)}" y="${y}" width="${f1(half)}" height="4" fill="#fff" stroke="#222" stroke-width="0.6"/>`,
    `<text x="${x}" y="${y - 4}" font-size="10" text-anchor="middle">0</text>`,
    `<text x="${f1(x + length)}" y="${y - 4}" font-size="10" text-anchor="middle">${label}</text>`,
  ].join('');
}

export function attribution(text: string, x: number, y: number): string {
  const width = text.length * 5.6 + 10;
  return `<rect x="${f1(x - width)}" y="${y - 11}" width="${f1(width)}" height="15" fill="#fff" fill-opacity="0.85"/><text x="${x - 5}" y="${y}" font-size="9.5" fill="#444" text-anchor="end">${escapeXml(text)}</text>`;
}

/** A label with a white halo (stroke painted under the fill). */
export function haloText(
  text: string,
  x: number,
  y: number,
  options: { size: number; angle?: number; bold?: boolean; fill?: string },
): string {
  const rotate =
    options.angle === undefined || Math.abs(options.angle) < 0.5
      ? ''
      : ` rotate(${f1(options.angle)})`;
  return `<text transform="translate(${f1(x)} ${f1(y)})${rotate}" font-size="${options.size}" text-anchor="middle" dominant-baseline="central"${options.bold ? ' font-weight="bold"' : ''} fill="${options.fill ?? '#222'}" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${escapeXml(text)}</text>`;
}

/** Axis-aligned box of a label of `chars` characters (CJK ≈ font size wide) at an angle. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function labelBox(x: number, y: number, width: number, height: number, angle = 0): Box {
  const a = (angle * Math.PI) / 180;
  const w = Math.abs(width * Math.cos(a)) + Math.abs(height * Math.sin(a));
  const h = Math.abs(width * Math.sin(a)) + Math.abs(height * Math.cos(a));
  return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
}

export function overlaps(a: Box, others: readonly Box[]): boolean {
  return others.some((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1);
}

/** Text width in pixels: CJK characters one em, others about half. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.58;
  return w;
}
