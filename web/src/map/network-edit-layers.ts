import type { Layer } from '@deck.gl/core';
import { IconLayer, PathLayer } from '@deck.gl/layers';
import { haversineM } from '../../../analysis/geo.ts';
import type { NetworkEditShape } from '../../../analysis/report/network-edits.ts';
import { COVERED, type Rgb, UNCOVERED } from '../../../analysis/style/palette.ts';
import { stateMarkIcon } from './state-symbols.ts';

/**
 * Street-network edits on the map: an added link is a dashed green line, a closed road stretch a
 * red line with a cross at its middle; a link being drawn is a dashed line from its first end to
 * the pointer. The legend draws the same symbols (networkEditLegendSvg).
 */
export const NETWORK_EDIT_LAYER_IDS = {
  added: 'network-added-links',
  closed: 'network-closed-links',
  crosses: 'network-closed-marks',
  drawing: 'network-link-drawing',
} as const;

export const ADDED_LINK: Rgb = COVERED;
export const CLOSED_LINK: Rgb = UNCOVERED;
const DASH_M = 4;
const GAP_M = 3;

type Path = [number, number][];

/** A straight line cut into dashes of DASH_M metres with GAP_M metre gaps (no extension needed). */
export function dashes(from: [number, number], to: [number, number]): Path[] {
  const length = haversineM(from[0], from[1], to[0], to[1]);
  if (length <= DASH_M) return [[from, to]];
  const at = (d: number): [number, number] => {
    const t = Math.min(1, d / length);
    return [from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])];
  };
  const out: Path[] = [];
  for (let d = 0; d < length; d += DASH_M + GAP_M) out.push([at(d), at(d + DASH_M)]);
  return out;
}

export interface LinkDrawing {
  from: [number, number];
  to: [number, number] | null;
}

const CROSS = stateMarkIcon('closed');

export function buildNetworkEditLayers(
  shapes: readonly NetworkEditShape[],
  drawing: LinkDrawing | null,
): Layer[] {
  const added = shapes
    .filter((s) => s.kind === 'add-link')
    .flatMap((s) => s.lines.flatMap((line) => dashes(line[0], line[line.length - 1])));
  const closed = shapes.filter((s) => s.kind === 'close-link');
  const layers: Layer[] = [
    new PathLayer<Path>({
      id: NETWORK_EDIT_LAYER_IDS.closed,
      data: closed.flatMap((s) => s.lines),
      getPath: (p) => p,
      getColor: [...CLOSED_LINK, 230],
      getWidth: 5,
      widthUnits: 'pixels',
      capRounded: true,
    }),
    new IconLayer<NetworkEditShape>({
      id: NETWORK_EDIT_LAYER_IDS.crosses,
      data: closed,
      getPosition: (s) => s.anchor,
      getIcon: () => CROSS,
      getSize: 22,
      sizeUnits: 'pixels',
      getColor: [...CLOSED_LINK, 255],
    }),
    new PathLayer<Path>({
      id: NETWORK_EDIT_LAYER_IDS.added,
      data: added,
      getPath: (p) => p,
      getColor: [...ADDED_LINK, 255],
      getWidth: 4,
      widthUnits: 'pixels',
      widthMinPixels: 3,
    }),
  ];
  if (drawing !== null) {
    layers.push(
      new PathLayer<Path>({
        id: NETWORK_EDIT_LAYER_IDS.drawing,
        data:
          drawing.to === null ? [[drawing.from, drawing.from]] : dashes(drawing.from, drawing.to),
        getPath: (p) => p,
        getColor: [...ADDED_LINK, 160],
        getWidth: 4,
        widthUnits: 'pixels',
        capRounded: true,
        widthMinPixels: 4,
      }),
    );
  }
  return layers;
}

/** The legend's symbols, 28 × 12, drawn like the layers above. */
export function networkEditLegendSvg(kind: 'added' | 'closed'): string {
  const rgb = (c: Rgb) => `rgb(${c[0]},${c[1]},${c[2]})`;
  const body =
    kind === 'added'
      ? `<line x1="1" y1="6" x2="27" y2="6" stroke="${rgb(ADDED_LINK)}" stroke-width="3" stroke-dasharray="5 3"/>`
      : `<line x1="1" y1="6" x2="27" y2="6" stroke="${rgb(CLOSED_LINK)}" stroke-width="3.5" stroke-linecap="round"/><path d="M10 1l8 10M18 1l-8 10" stroke="${rgb(CLOSED_LINK)}" stroke-width="2"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="12" viewBox="0 0 28 12">${body}</svg>`;
}
