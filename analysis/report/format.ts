import type { Catalogue } from './i18n/index.ts';

/**
 * Numbers as planners write them: thousands separators, shares as percentages with one decimal,
 * areas in 平方米 (m²). Fixed rules (no locale guessing) so that the same model renders the same
 * text in Node and in the browser.
 */
export function formatInt(value: number): string {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  return sign + String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatFixed(value: number, digits: number): string {
  const [whole, fraction] = Math.abs(value).toFixed(digits).split('.');
  const sign = value < 0 && Number(value.toFixed(digits)) !== 0 ? '-' : '';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? sign + grouped : `${sign}${grouped}.${fraction}`;
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${formatFixed(share * 100, 1)}%`;
}

/** Change of a share in percentage points, signed. */
export function formatSharePoints(delta: number, lang: 'zh' | 'en'): string {
  const points = formatFixed(delta * 100, 1);
  const signed = delta > 0 ? `+${points}` : points;
  return lang === 'zh' ? `${signed} 个百分点` : `${signed} pp`;
}

export function formatSigned(delta: number, digits: number): string {
  const text = digits === 0 ? formatInt(delta) : formatFixed(delta, digits);
  return delta > 0 ? `+${text}` : text;
}

function join(number: string, unit: string, lang: 'zh' | 'en'): string {
  if (unit === '') return number;
  // Chinese counts read "304 名老年人" / "5 处"; symbols such as 平方米 follow the number too.
  return lang === 'zh' ? `${number} ${unit}` : `${number} ${unit}`;
}

/**
 * A finding's value, required value or shortfall in its unit (analysis/standards units:
 * share, m2/resident, m2/<n> residents, m2/100 households, m2, sites, units, floor, or a
 * population field for shortfalls).
 */
export function formatQuantity(
  value: number | null,
  unit: string,
  t: Catalogue,
  lang: 'zh' | 'en',
): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const u = t.units;
  switch (unit) {
    case 'share':
      return formatShare(value);
    case 'm2/resident':
      return join(formatFixed(value, 3), u.m2PerResident, lang);
    case 'm2/100 households':
      return join(formatFixed(value, 1), u.m2Per100Households, lang);
    case 'm2':
      return join(Number.isInteger(value) ? formatInt(value) : formatFixed(value, 1), u.m2, lang);
    case 'elders60':
    case 'elders65':
    case 'elders80':
    case 'residents':
      return join(formatInt(value), u[unit], lang);
    case 'sites':
    case 'units':
    case 'floor':
      return join(formatInt(value), u[unit], lang);
  }
  const perResidents = /^m2\/(\d+) residents$/.exec(unit);
  if (perResidents !== null) {
    return join(formatFixed(value, 1), u.m2PerResidents(Number(perResidents[1])), lang);
  }
  return join(Number.isInteger(value) ? formatInt(value) : formatFixed(value, 2), unit, lang);
}
