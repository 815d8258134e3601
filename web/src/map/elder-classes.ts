import type { Rgb } from './facility-style.ts';

/** Sequential blue ramp (ColorBrewer PuBu), light = few elders. */
export const ELDER_RAMP: readonly Rgb[] = [
  [236, 231, 242],
  [208, 209, 230],
  [166, 189, 219],
  [116, 169, 207],
  [43, 140, 190],
  [4, 90, 141],
];

export interface ElderClasses {
  /** Upper bounds of every class but the last (ascending); a value v is in the first class whose bound is ≥ v. */
  breaks: number[];
  colors: readonly Rgb[];
}

/**
 * Quantile classes of elders per cell, rounded to "nice" numbers a legend can print. Cells with
 * no elders are not drawn at all, so they do not enter the quantiles.
 */
export function elderClasses(values: readonly number[]): ElderClasses {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let k = 1; k < ELDER_RAMP.length; k++) {
    const q = sorted[Math.floor((k / ELDER_RAMP.length) * (sorted.length - 1))];
    if (q === undefined) break;
    const nice = niceNumber(q);
    if (breaks.length === 0 || nice > breaks[breaks.length - 1]) breaks.push(nice);
  }
  return { breaks, colors: ELDER_RAMP.slice(ELDER_RAMP.length - breaks.length - 1) };
}

export function elderColor(value: number, classes: ElderClasses): Rgb {
  const index = classes.breaks.findIndex((bound) => value <= bound);
  return classes.colors[index < 0 ? classes.colors.length - 1 : index];
}

/** Rounds up to 1, 2, 2.5 or 5 times a power of ten (at least 1). */
function niceNumber(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value) ?? 10;
  return Math.round(step * power);
}
