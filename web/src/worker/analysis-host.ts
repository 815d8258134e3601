import * as Comlink from 'comlink';
import { decodeGraph } from '../../../analysis/graph/binary.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import { createAnalysisApi } from './analysis/analysis-api.ts';
import type { HeldGraphs } from './city-session.ts';
import { fetchBytes } from './fetch-bytes.ts';
import { type GraphStats, graphStats } from './graph-stats.ts';
import { GraphWaiters } from './graph-waiters.ts';
import { importApi } from './import-api.ts';
import { createScenarioApi } from './scenario-api.ts';
import { mark, spanStats, timeline } from './timeline.ts';

/**
 * The analysis host, loaded by analysis.worker.ts once duckdb-wasm is on its way: everything
 * heavy (graphs now; routing and coverage as they land) runs here,
 * off the main thread. Functions are exposed with comlink; progress comes back through a proxied
 * callback so the UI can show it.
 */
export interface GraphFile {
  network: NetworkProfile;
  /** Same-origin URL of the graph-*.bin file. */
  url: string;
}

export interface GraphLoadProgress {
  network: NetworkProfile;
  /** Graphs fully loaded so far, and how many there are. */
  done: number;
  total: number;
  /** Bytes of the current file received, and its size when the server says it. */
  loadedBytes: number;
  totalBytes?: number;
}

const graphs = new Map<NetworkProfile, { graph: RoadGraph; stats: GraphStats; url: string }>();
const held: HeldGraphs = {
  graph: (network) => graphs.get(network)?.graph,
  url: (network) => graphs.get(network)?.url,
};
const waiters = new GraphWaiters();
const scenarioApi = createScenarioApi(held);

/** Marks the start and end of a worker call on the timeline. */
function marked<A extends unknown[], R>(
  name: string,
  call: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args) => {
    mark(`${name}-start`);
    return call(...args).finally(() => mark(`${name}-end`));
  };
}

const analysisApi = createAnalysisApi(held, (urls) => waiters.wait(urls));
/**
 * The analysis in progress. The live scenario session opens after it rather than beside it:
 * both are CPU work on this one thread, and the analysis is what the page shows first (on the
 * county the session's 1.3 s landed in the middle of the analysis).
 */
let analysing: Promise<unknown> = Promise.resolve();
const openScenario = marked('scenario-open', scenarioApi.scenarioOpen);

const api = {
  ...importApi, // import wizard and in-browser city build
  // coverage and standards analysis, service circles
  ...analysisApi,
  runAnalysis(...args: Parameters<typeof analysisApi.runAnalysis>) {
    const run = analysisApi.runAnalysis(...args);
    analysing = run.catch(() => undefined);
    return run;
  },
  ...scenarioApi, // scenarios, compare, optimiser
  async scenarioOpen(...args: Parameters<typeof scenarioApi.scenarioOpen>) {
    await analysing;
    return openScenario(...args);
  },
  scenarioEvaluate: marked('scenario-evaluate', scenarioApi.scenarioEvaluate),
  /**
   * Fetches the graphs all at once (small files: the requests overlap their latency) and decodes
   * each as it arrives; an analysis waiting for their URLs starts as soon as the last is in.
   */
  async loadGraphs(
    files: GraphFile[],
    onProgress?: (progress: GraphLoadProgress) => void,
  ): Promise<GraphStats[]> {
    const total = files.length;
    let done = 0;
    const loadOne = async ({ network, url }: GraphFile): Promise<GraphStats> => {
      try {
        const bytes = await fetchBytes(url, (loadedBytes, totalBytes) =>
          onProgress?.({ network, done, total, loadedBytes, totalBytes }),
        );
        mark(`graph-fetched:${network}`);
        const graph = decodeGraph(bytes, url);
        mark(`graph-decoded:${network}`);
        if (graph.network !== network) {
          throw new Error(`${url}: holds the ${graph.network} network, expected ${network}`);
        }
        const entry = { graph, stats: graphStats(graph, bytes.byteLength), url };
        graphs.set(network, entry);
        done += 1;
        onProgress?.({ network, done, total, loadedBytes: bytes.byteLength });
        waiters.loadedOk(url);
        return entry.stats;
      } catch (error) {
        waiters.loadFailed(url, error);
        throw error;
      }
    };
    // Stats in the order asked for, whatever order the files arrive in.
    return Promise.all(files.map(loadOne));
  },

  /** Named moments of this worker's work so far (the browser benchmark reads them). */
  workerTimeline: timeline,
  /** Time spent in duckdb-wasm per statement kind, with the slowest statements. */
  workerSpans: spanStats,

  /** Stats of the graphs loaded so far. */
  loadedGraphs(): GraphStats[] {
    return [...graphs.values()].map((entry) => entry.stats);
  },
};

export type AnalysisApi = typeof api;

Comlink.expose(api);
