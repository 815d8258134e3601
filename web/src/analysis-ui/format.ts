import type { Finding } from '../../../analysis/coverage/types.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';

type Formatter = Pick<I18n, 't' | 'formatNumber' | 'formatPercent'>;

/** Digits that show a value in its unit as planners write it (0.1 m²/人, 40 m²/千人 …). */
function digitsFor(unit: string, value: number): number {
  if (unit === 'sites' || unit === 'units' || unit === 'floor' || unit === 'elders60') return 0;
  if (unit === 'residents' || unit === 'elders65' || unit === 'elders80') return 0;
  if (Math.abs(value) >= 100) return 0;
  if (Math.abs(value) >= 1) return 1;
  return 3;
}

const UNIT_KEYS: Record<string, MessageKey> = {
  'm2/resident': 'analysis.unit.m2PerResident',
  'm2/1000 residents': 'analysis.unit.m2Per1000',
  'm2/100 households': 'analysis.unit.m2Per100Households',
  m2: 'analysis.unit.m2',
  sites: 'analysis.unit.sites',
  units: 'analysis.unit.units',
  floor: 'analysis.unit.floor',
  elders60: 'analysis.unit.elders',
  elders65: 'analysis.unit.elders',
  elders80: 'analysis.unit.elders',
  residents: 'analysis.unit.residents',
};

/** A value in a finding's unit: shares as percentages, everything else with its unit. */
export function formatQuantity(value: number | null, unit: string, i18n: Formatter): string {
  if (value === null) return '—';
  if (unit === 'share') return i18n.formatPercent(value);
  const key = UNIT_KEYS[unit];
  const number = i18n.formatNumber(value, digitsFor(unit, value));
  return key === undefined ? `${number} ${unit}` : i18n.t(key, { value: number });
}

/** "value / required" of a finding, e.g. "56.2% / 100%". */
export function valueVsRequired(f: Finding, i18n: Formatter): string {
  return `${formatQuantity(f.value, f.valueUnit, i18n)} / ${formatQuantity(f.required, f.valueUnit, i18n)}`;
}

export function shortfallText(f: Finding, i18n: Formatter): string {
  return f.pass || f.shortfall <= 0 ? '—' : formatQuantity(f.shortfall, f.shortfallUnit, i18n);
}

/** Share of a part in a whole, or null when the whole is 0. */
export const shareOf = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;
