/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { decodeGraph } from '../../../analysis/graph/binary.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import { createAnalysisApi } from './analysis/analysis-api.ts';
import { fetchBytes } from './fetch-bytes.ts';
import { type GraphStats, graphStats } from './graph-stats.ts';
import { importApi } from './import-api.ts';
import { createScenarioApi } from './scenario-api.ts';

/**
 * The analysis host: everything heavy (graphs now; routing and coverage as they land) runs here,
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

const graphs = new Map<NetworkProfile, { graph: RoadGraph; stats: GraphStats }>();

const api = {
  ...importApi, // import wizard and in-browser city build (H10)
  // coverage and standards analysis, service circles (H11)
  ...createAnalysisApi((network) => graphs.get(network)?.graph),
  ...createScenarioApi((network) => graphs.get(network)?.graph), // scenarios, compare, optimiser (H13)
  /** Fetches and decodes the graphs one after another (they share one connection anyway). */
  async loadGraphs(
    files: GraphFile[],
    onProgress?: (progress: GraphLoadProgress) => void,
  ): Promise<GraphStats[]> {
    const total = files.length;
    const stats: GraphStats[] = [];
    for (const [index, { network, url }] of files.entries()) {
      const bytes = await fetchBytes(url, (loadedBytes, totalBytes) =>
        onProgress?.({ network, done: index, total, loadedBytes, totalBytes }),
      );
      const graph = decodeGraph(bytes, url);
      if (graph.network !== network) {
        throw new Error(`${url}: holds the ${graph.network} network, expected ${network}`);
      }
      const entry = { graph, stats: graphStats(graph, bytes.byteLength) };
      graphs.set(network, entry);
      stats.push(entry.stats);
      onProgress?.({ network, done: index + 1, total, loadedBytes: bytes.byteLength });
    }
    return stats;
  },

  /** Stats of the graphs loaded so far. */
  loadedGraphs(): GraphStats[] {
    return [...graphs.values()].map((entry) => entry.stats);
  },
};

export type AnalysisApi = typeof api;

Comlink.expose(api);
