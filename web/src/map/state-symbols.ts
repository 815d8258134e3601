import { type Rgb, SITE_STATE_STYLE, type SiteState } from '../../../analysis/style/palette.ts';

/**
 * The scenario-state marks of analysis/style/palette.ts as SVG, 24 × 24: the legend draws them
 * inline and the map layers use them as mask icons (tinted with the state's stroke colour), so a
 * mark looks the same in both.
 */
const MARKS: Record<(typeof SITE_STATE_STYLE)[SiteState]['symbol'], string> = {
  circle: '<circle cx="12" cy="12" r="7" fill="currentColor"/>',
  ring: '<circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="3"/>',
  arrow:
    '<path d="M3 12h13M12 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>',
  square:
    '<rect x="3" y="3" width="18" height="18" fill="none" stroke="currentColor" stroke-width="3"/>',
  cross:
    '<path d="M5 5l14 14M19 5L5 19" stroke="currentColor" stroke-width="3.5" stroke-linecap="round"/>',
  star: '<path d="M12 2l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 17l-6.1 3.4 1.5-6.8L2.2 9l6.9-.7z" fill="currentColor" stroke="#ffffff" stroke-width="1"/>',
};

export function stateMarkSvg(
  state: SiteState,
  colour: Rgb = SITE_STATE_STYLE[state].stroke,
): string {
  const [r, g, b] = colour;
  const body = MARKS[SITE_STATE_STYLE[state].symbol].replaceAll(
    'currentColor',
    `rgb(${r},${g},${b})`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">${body}</svg>`;
}

/** An icon for deck.gl's IconLayer (a data URL: no request leaves the app). */
export function stateMarkIcon(state: SiteState) {
  return {
    id: `state-${state}`,
    url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(stateMarkSvg(state, [255, 255, 255]))}`,
    width: 48,
    height: 48,
    mask: true,
  };
}
