/**
 * Elders newly covered per 万元 (¥10,000) of a measure's cost; null (shown "—") when no cost, or
 * no positive cost, is given: an unknown cost is never read as free or as worthless.
 */
export function elderPerWan(gain: number, costYuan: number | null): number | null {
  if (costYuan === null || !(costYuan > 0)) return null;
  return gain / (costYuan / 10_000);
}
