import { useEffect, useState } from 'react';
import type { CityManifest } from '../../../analysis/city/types.ts';
import type { NetworkProfile } from '../../../analysis/graph/types.ts';
import type { GraphFile, GraphLoadProgress } from '../worker/analysis.worker.ts';
import { analysisWorker, Comlink } from '../worker/analysis-client.ts';
import type { GraphStats } from '../worker/graph-stats.ts';
import type { TaskList } from './tasks.ts';

const NETWORK_ORDER: NetworkProfile[] = ['walk', 'ebike', 'drive'];

/** The graph files of a city, in loading order: the worker knows each graph by this URL. */
export function graphFiles(baseUrl: string, manifest: CityManifest): GraphFile[] {
  return NETWORK_ORDER.filter((n) => manifest.networks[n] !== undefined).map((network) => ({
    network,
    url: `${baseUrl}${manifest.networks[network].file}`,
  }));
}

/** Loads the city's road graphs into the analysis worker; returns their stats once done. */
export function useGraphs(
  baseUrl: string,
  manifest: CityManifest | null,
  tasks: Pick<TaskList, 'update' | 'finish'>,
): GraphStats[] | null {
  const [stats, setStats] = useState<GraphStats[] | null>(null);
  const { update, finish } = tasks;

  useEffect(() => {
    if (manifest === null) return;
    let cancelled = false;
    const id = 'load-graphs';
    const files = graphFiles(baseUrl, manifest);
    let finished = false;
    const onProgress = ({ network, done, total, loadedBytes, totalBytes }: GraphLoadProgress) => {
      // Progress comes over its own message port and can arrive after the result: drop it then.
      if (finished || cancelled) return;
      const within = totalBytes ? Math.min(loadedBytes / totalBytes, 1) : 0;
      update({
        id,
        label: 'task.loadGraphs',
        fraction: (done + (done < total ? within : 0)) / total,
        detail: ({ t }) =>
          t('task.loadGraphsDetail', { network: t(`network.${network}`), done, total }),
      });
    };
    update({ id, label: 'task.loadGraphs', fraction: 0 });
    analysisWorker()
      .loadGraphs(files, Comlink.proxy(onProgress))
      .then((result) => {
        if (!cancelled) setStats(result);
      })
      .catch((error: unknown) => console.error('graph loading failed', error))
      .finally(() => {
        finished = true;
        finish(id);
      });
    return () => {
      cancelled = true;
    };
  }, [baseUrl, manifest, update, finish]);

  return stats;
}
