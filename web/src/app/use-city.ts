import { useEffect, useState } from 'react';
import type { CityManifest } from '../../../analysis/city/types.ts';
import type { CityData } from '../data/city-data.ts';
import { loadCity } from '../data/load-city.ts';
import { analysisWorker } from '../worker/analysis-client.ts';
import type { TaskList } from './tasks.ts';

export type CityState =
  /** The manifest once city.json is read, before the rest of the folder. */
  | { status: 'loading'; manifest?: CityManifest }
  | { status: 'error'; message: string }
  | { status: 'ready'; city: CityData };

/** Loads one city folder, reporting file-by-file progress as a task. */
export function useCity(baseUrl: string, tasks: Pick<TaskList, 'update' | 'finish'>): CityState {
  const [state, setState] = useState<CityState>({ status: 'loading' });
  const { update, finish } = tasks;

  useEffect(() => {
    const abort = new AbortController();
    const id = 'load-city';
    setState({ status: 'loading' });
    update({ id, label: 'task.loadCity' });
    // The analysis worker opens the same folder meanwhile, for the first analysis.
    analysisWorker().openAhead(baseUrl);
    loadCity(baseUrl, {
      signal: abort.signal,
      onManifest: (manifest) => {
        if (!abort.signal.aborted) setState({ status: 'loading', manifest });
      },
      onProgress: ({ done, total }) =>
        update({
          id,
          label: 'task.loadCity',
          fraction: done / total,
          detail: ({ t }) => t('task.loadCityDetail', { done, total }),
        }),
    })
      .then((city) => setState({ status: 'ready', city }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => finish(id));
    return () => abort.abort();
  }, [baseUrl, update, finish]);

  return state;
}
