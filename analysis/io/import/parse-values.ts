/**
 * Cell parsers. They never guess: a value either reads unambiguously as what is asked for, or
 * the parser returns undefined and the row is rejected with the cell named.
 */

// Unit suffixes Chinese registers append to numbers ("350㎡", "20张", "2层").
const AREA_UNITS = /(m²|m2|㎡|平方米|平米)$/iu;
const BED_UNITS = /(张|床)$/u;
const FLOOR_UNITS = /(层|楼|f)$/iu;

// Thousands separators only in their proper positions ("12,345.6"); "12,5" is not a number here.
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

export type NumberKind = 'plain' | 'area' | 'beds' | 'floor';

// One comma followed by exactly three digits and nothing else: 1,234 is one thousand two hundred
// and thirty-four with a thousands separator, or 1.234 with a decimal comma. Neither is assumed.
const AMBIGUOUS_NUMBER = /^[+-]?\d{1,3},\d{3}$/;

/** Parses a number written by a person or by Excel; undefined when it is not one (or not only one). */
export function parseNumber(raw: string, kind: NumberKind = 'plain'): number | undefined {
  const text = withoutUnit(raw, kind);
  if (AMBIGUOUS_NUMBER.test(text)) return undefined;
  return plainNumber(GROUPED_NUMBER.test(text) ? text.replace(/,/g, '') : text);
}

/** True when the cell reads as two different numbers (see AMBIGUOUS_NUMBER). */
export function isAmbiguousNumber(raw: string, kind: NumberKind = 'plain'): boolean {
  return AMBIGUOUS_NUMBER.test(withoutUnit(raw, kind));
}

function withoutUnit(raw: string, kind: NumberKind): string {
  let text = raw.normalize('NFKC').trim();
  if (kind === 'area') text = text.replace(AREA_UNITS, '').trim();
  if (kind === 'beds') text = text.replace(BED_UNITS, '').trim();
  if (kind === 'floor') text = text.replace(FLOOR_UNITS, '').trim();
  return text;
}

function plainNumber(text: string): number | undefined {
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const YES = new Set(['有', '是', 'y', 'yes', 'true', '1', '√', '有电梯']);
const NO = new Set(['无', '否', '没有', 'n', 'no', 'false', '0', '×', '无电梯']);

export function parseBoolean(raw: string): boolean | undefined {
  const text = raw.normalize('NFKC').trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

/**
 * Splits "lng,lat" (also "lng lat", "lng;lat", full-width comma) from one cell. Returns the two
 * numbers in the order written; whether they are swapped is the validator's business.
 */
export function parseCoordinatePair(raw: string): [number, number] | undefined {
  const parts = raw
    .normalize('NFKC')
    .trim()
    .replace(/^[[(]|[\])]$/g, '')
    .split(/\s*[,;]\s*|\s+/);
  if (parts.length !== 2) return undefined;
  const a = parseNumber(parts[0]);
  const b = parseNumber(parts[1]);
  return a === undefined || b === undefined ? undefined : [a, b];
}
