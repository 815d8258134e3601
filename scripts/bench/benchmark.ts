import { cpus, loadavg, totalmem } from 'node:os';

/** One benchmark under scripts/bench/<name>.ts, run by `npx carecircle bench <name>`. */
export interface Benchmark {
  summary: string;
  /** Extra options after the name (besides --json); returns the figures written to --json. */
  run(args: string[]): Promise<Record<string, unknown>>;
}

export function machineInfo() {
  const cpu = cpus();
  return {
    cpu_model: cpu[0]?.model ?? 'unknown',
    cpu_cores: cpu.length,
    node_version: process.version,
    total_memory_mb: Math.round(totalmem() / 2 ** 20),
    platform: `${process.platform}-${process.arch}`,
  };
}

/** 1-minute load average: on a shared machine, read wall times against it (and CPU time). */
export function loadAverage(): number {
  return round(loadavg()[0], 2);
}

/** Peak resident set size of this process so far, MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** CPU seconds (user + system, all threads) of this process since `start`. */
export function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Milliseconds taken by fn (wall clock, high resolution). */
export function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
