/**
 * Named moments of the worker's work (epoch ms), read by the browser benchmark
 * (scripts/bench/browser.ts) to show where a cold start or a county run spends its time. A mark
 * costs one array push; nothing reads them unless asked.
 */
export interface TimelineMark {
  name: string;
  /** performance.timeOrigin + performance.now(): comparable across the page and its workers. */
  atMs: number;
}

const marks: TimelineMark[] = [];

export function mark(name: string): void {
  marks.push({ name, atMs: performance.timeOrigin + performance.now() });
}

export function timeline(): TimelineMark[] {
  return marks.slice();
}

/** Time spent in one kind of call (SQL statements sent to duckdb-wasm), and its slowest calls. */
export interface SpanStats {
  count: number;
  totalMs: number;
  /** The ten slowest: [ms, what (first 120 characters)]. */
  slowest: [number, string][];
}

const spans = new Map<string, SpanStats>();

export function span(kind: string, ms: number, what: string): void {
  const stats = spans.get(kind) ?? { count: 0, totalMs: 0, slowest: [] };
  stats.count += 1;
  stats.totalMs += ms;
  if (stats.slowest.length < 10 || ms > (stats.slowest.at(-1)?.[0] ?? 0)) {
    stats.slowest.push([Math.round(ms), what.replace(/\s+/g, ' ').slice(0, 120)]);
    stats.slowest.sort((a, b) => b[0] - a[0]);
    stats.slowest.length = Math.min(stats.slowest.length, 10);
  }
  spans.set(kind, stats);
}

export function spanStats(): Record<string, SpanStats> {
  return Object.fromEntries(spans);
}
