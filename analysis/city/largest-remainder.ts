/**
 * Splits an integer `total` over `weights` in proportion, so that the parts are integers that
 * add up to `total` exactly (Hamilton / largest-remainder method). Ties go to the lower index,
 * which keeps the result deterministic. Each part is at most ceil(total × w / Σw).
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q + 1e-9));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = quotas
    .map((q, i) => ({ i, rest: q - Math.floor(q + 1e-9) }))
    .filter(({ i }) => weights[i] > 0)
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) {
    parts[order[k].i] += 1;
  }
  return parts;
}
