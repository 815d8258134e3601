import { get, set } from 'idb-keyval';
import { useEffect, useState } from 'react';
import {
  EMPTY_PROGRAMME,
  type ProgrammeState,
  programmeKey,
  restoreProgramme,
} from './programme-state.ts';

/** Programme records and target overrides of a city, autosaved to IndexedDB. */
export function useProgrammeState(city: string): [ProgrammeState, (s: ProgrammeState) => void] {
  const [state, setState] = useState<ProgrammeState>(EMPTY_PROGRAMME);
  const [loaded, setLoaded] = useState(false);
  const key = programmeKey(city);
  useEffect(() => {
    let cancelled = false;
    get(key)
      .then((value) => {
        if (!cancelled) setState(restoreProgramme(value));
      })
      .catch((e: unknown) => console.error('programme restore failed', e))
      .finally(() => {
        if (!cancelled) setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [key]);
  const update = (next: ProgrammeState) => {
    setState(next);
    if (loaded) set(key, next).catch((e: unknown) => console.error('programme autosave failed', e));
  };
  return [state, update];
}
