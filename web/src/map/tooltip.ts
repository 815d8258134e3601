import type { PickingInfo } from '@deck.gl/core';
import type { FacilityProperties, PopulationCellRow } from '../../../analysis/city/types.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';
import { DECK_LAYER_IDS } from './deck-layers.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface TooltipContent {
  html: string;
  style: Partial<CSSStyleDeclaration>;
}

// deck.gl styles its tooltip inline (dark box); these inline styles replace that look.
const TOOLTIP_STYLE: Partial<CSSStyleDeclaration> = {
  backgroundColor: '#ffffff',
  color: '#1f2933',
  border: '1px solid #e1e5ea',
  borderRadius: '6px',
  padding: '8px 10px',
  boxShadow: '0 2px 8px rgba(15, 30, 45, 0.18)',
  fontSize: '12px',
  lineHeight: '1.5',
  fontFamily: 'inherit',
};

/**
 * Hover text for the facility markers (picked by deck.gl) or else the population cell under the
 * pointer (`cellAt`, null while the cells are hidden), in the current language.
 */
export function tooltipFor(
  info: PickingInfo,
  i18n: I18n,
  cellAt: ((lng: number, lat: number) => PopulationCellRow | null) | null,
): TooltipContent | null {
  const { t, formatNumber } = i18n;
  if (info.object === undefined || info.object === null || info.layer === null) {
    const [lng, lat] = info.coordinate ?? [];
    const row = cellAt !== null && lng !== undefined && lat !== undefined ? cellAt(lng, lat) : null;
    if (row === null) return null;
    // The cell's H3 id means nothing to a planner: name what it is, then its figures.
    return render(t('tooltip.cellTitle'), [
      t('tooltip.elders', { value: formatNumber(row.elders60) }),
      t('tooltip.residents', { value: formatNumber(row.residents) }),
    ]);
  }
  if (info.layer.id === DECK_LAYER_IDS.facilities) {
    const p = (info.object as { properties: FacilityProperties }).properties;
    const lines = [
      t(`facility.${p.type}`),
      p.floorAreaM2 === null
        ? t('tooltip.unrecorded', { field: t('details.floorArea') })
        : t('tooltip.floorArea', { value: formatNumber(p.floorAreaM2) }),
      p.beds !== null && p.beds > 0 ? t('tooltip.beds', { value: formatNumber(p.beds) }) : '',
      p.floorLevel === null
        ? t('tooltip.unrecorded', { field: t('details.floorLevel') })
        : t('tooltip.floor', { value: p.floorLevel }),
    ].filter((line) => line !== '');
    return render(p.name, lines, p.illustrative ? t('badge.illustrative') : undefined);
  }
  return null;
}

/** The tooltip box for any layer's title and lines (also used by the analysis layers). */
export function renderTooltip(title: string, lines: string[]): TooltipContent {
  return render(title, lines);
}

function render(title: string, lines: string[], tag?: string): TooltipContent {
  const tagHtml = tag === undefined ? '' : ` <span class="tip-tag">${escapeHtml(tag)}</span>`;
  const body = lines.map((line) => `<div>${escapeHtml(line)}</div>`).join('');
  return {
    style: TOOLTIP_STYLE,
    html: `<div class="tip-title">${escapeHtml(title)}${tagHtml}</div>${body}`,
  };
}
