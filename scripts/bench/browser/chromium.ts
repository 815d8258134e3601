import { readdirSync, readFileSync } from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium with the e2e suite's flags (offline, WebGL through SwiftShader). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * A real (persistent) profile, as a planner's browser has: the service worker, its caches and
 * Chromium's compiled-code cache survive between visits, as they do for a user.
 */
export function launchProfile(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    viewport: { width: 1600, height: 960 },
  });
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  cmdline: string;
  /** Peak resident set (VmHWM), MB. */
  peakMb: number;
}

function processes(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      out.push({ pid: Number(name), ppid, cmdline, peakMb: Math.round(hwm / 1024) });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/**
 * Peak memory of the renderer processes of the browser using `profileDir`: the tab, its
 * workers (analysis, duckdb-wasm, maplibre) and their wasm heaps live in the renderer. VmHWM is
 * the kernel's own high-water mark, so no sampling can miss a peak.
 */
export function rendererPeakMb(profileDir: string): { max: number; sum: number; count: number } {
  const all = processes();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const browser = all.find(
    (p) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && !p.cmdline.includes('--type='),
  );
  if (browser === undefined) return { max: 0, sum: 0, count: 0 };
  const descends = (p: ProcessInfo): boolean => {
    for (let q = byPid.get(p.ppid); q !== undefined; q = byPid.get(q.ppid))
      if (q.pid === browser.pid) return true;
    return false;
  };
  const renderers = all.filter((p) => p.cmdline.includes('--type=renderer') && descends(p));
  return {
    max: Math.max(0, ...renderers.map((p) => p.peakMb)),
    sum: renderers.reduce((s, p) => s + p.peakMb, 0),
    count: renderers.length,
  };
}

/** Records main-thread long tasks (> 200 ms) of every page from its first script on. */
export const LONG_TASKS_SCRIPT = `
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.duration > 200) window.__benchLongTasks.push({ at: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
`;
