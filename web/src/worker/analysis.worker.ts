/// <reference lib="webworker" />
import { openDuckDb } from './analysis/open-duckdb.ts';
import { mark } from './timeline.ts';

export type { AnalysisApi, GraphFile, GraphLoadProgress } from './analysis-host.ts';

/**
 * The analysis worker's entry. duckdb-wasm (a 34 MB module to fetch and compile) is the long pole
 * of the first analysis, so it is started before the host (megabytes of import, scenario and
 * routing code) is even loaded. Messages the page sends meanwhile are held and handed to the
 * host's listener once it is there, so none is lost.
 */
mark('worker-start');
openDuckDb().catch((error: unknown) => console.error('duckdb-wasm failed to start', error));

const held: MessageEvent[] = [];
const hold = (event: MessageEvent) => {
  held.push(event);
  event.stopImmediatePropagation();
};
self.addEventListener('message', hold);

import('./analysis-host.ts')
  .then(() => {
    mark('host-loaded');
    self.removeEventListener('message', hold);
    for (const event of held.splice(0)) {
      self.dispatchEvent(
        new MessageEvent('message', { data: event.data, ports: [...event.ports] }),
      );
    }
  })
  .catch((error: unknown) => console.error('the analysis worker failed to start', error));
