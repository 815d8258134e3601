import * as Comlink from 'comlink';
import type { AnalysisApi } from './analysis.worker.ts';

let remote: Comlink.Remote<AnalysisApi> | null = null;

/** The one analysis worker of the page, started on first use. */
export function analysisWorker(): Comlink.Remote<AnalysisApi> {
  if (remote === null) {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'carecircle-analysis',
    });
    remote = Comlink.wrap<AnalysisApi>(worker);
    // The parity tests call the very worker the panels call, to compare it with the CLI field by
    // field. Nothing is exposed that page scripts could not reach anyway.
    Object.defineProperty(window, '__carecircleWorker', { value: remote, configurable: true });
  }
  return remote;
}

export { Comlink };
