import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const round0 = (value: number) => Math.round(value);

/**
 * Where a page's time went, in ms from its navigation start: the document and the app's largest
 * script, then the analysis worker's own marks (web/src/worker/timeline.ts; epoch ms there,
 * turned into this page's clock here).
 */
export async function pageTimeline(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const out: Record<string, number> = {};
    const nav = performance.getEntriesByType('navigation')[0] as
      | PerformanceNavigationTiming
      | undefined;
    if (nav !== undefined) {
      out.document_ms = Math.round(nav.responseEnd);
      out.dom_content_loaded_ms = Math.round(nav.domContentLoadedEventEnd);
    }
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
      .sort((a, b) => b.decodedBodySize - a.decodedBodySize);
    if (scripts[0] !== undefined) out.main_script_loaded_ms = Math.round(scripts[0].responseEnd);
    const worker = (
      window as unknown as {
        __carecircleWorker?: { workerTimeline(): Promise<{ name: string; atMs: number }[]> };
      }
    ).__carecircleWorker;
    if (worker === undefined) return out;
    for (const { name, atMs } of await worker.workerTimeline()) {
      // A repeated mark (a second run, an edit) keeps its first time and adds its last.
      const key = `worker:${name}`;
      const at = Math.round(atMs - performance.timeOrigin);
      if (out[key] === undefined) out[key] = at;
      else out[`${key}:last`] = at;
    }
    return out;
  });
}

/** Time the worker spent in duckdb-wasm (web/src/worker/timeline.ts spans). */
export async function workerSpans(page: Page): Promise<unknown> {
  return page.evaluate(() =>
    (
      window as unknown as { __carecircleWorker?: { workerSpans(): Promise<unknown> } }
    ).__carecircleWorker?.workerSpans(),
  );
}

/** Bytes under a folder (0 when it does not exist). */
function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let sum = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    sum += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return sum;
}

/**
 * Sizes of the profile's caches, MB: the service worker's Cache Storage (the precached app;
 * compiled wasm of a response served from it is kept there as the entry's side data) and the
 * code caches (compiled JS and wasm of responses from the HTTP cache). A jump after a visit is
 * the compiled DuckDB module being written.
 */
export function cacheSizesMb(profileDir: string): Record<string, number> {
  const mb = (dir: string) => round0(folderBytes(join(profileDir, 'Default', dir)) / 1e5) / 10;
  return {
    cache_storage: mb('Service Worker/CacheStorage'),
    code_cache_js: mb('Code Cache/js'),
    code_cache_wasm: mb('Code Cache/wasm'),
  };
}
