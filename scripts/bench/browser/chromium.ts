import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

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

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The heaviest functions of a CPU profile (inclusive ms), to name what the long tasks do. */
function heaviest(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => {
    self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[k]);
  });
  const inclusive = new Map<string, number>();
  const selfByName = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = (byId.get(at) as ProfileNode).callFrame;
      const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}`;
      if (at === id) selfByName.set(name, (selfByName.get(name) ?? 0) + us);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .filter(([name]) => !/^\((root|idle|program)\)/.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([name, us]): [string, number] => [name, Math.round(us / 1000)]);
  return { inclusive_ms: top(inclusive), self_ms: top(selfByName) };
}

/**
 * Samples the page's main thread (CDP Profiler) until stop(): the profile is written to `file`
 * (open it in DevTools) and its heaviest functions returned.
 */
export async function profileMainThread(page: Page, file: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      await cdp.detach();
      return heaviest(profile as unknown as Parameters<typeof heaviest>[0]);
    },
  };
}

/**
 * Records Chromium's wasm compile and code-cache trace events (v8.wasm.*) while it runs:
 * `v8.wasm.cachedModule` = compiled code written to the cache, `v8.wasm.moduleCacheHit` = a
 * module read compiled from it (see v8.dev/blog/wasm-code-caching, "Tracing"). stop() returns
 * how many of each event there were.
 */
export async function traceWasm(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const counts: Record<string, number> = {};
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value as { name?: string }[]) {
      const name = event.name ?? '';
      if (name.startsWith('v8.wasm')) counts[name] = (counts[name] ?? 0) + 1;
    }
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['v8.wasm', 'devtools.timeline'] },
  });
  return {
    async stop(): Promise<Record<string, number>> {
      const complete = new Promise<void>((done) =>
        cdp.once('Tracing.tracingComplete', () => done()),
      );
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return counts;
    },
  };
}
