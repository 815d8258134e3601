import { get } from 'idb-keyval';
import { useEffect, useState } from 'react';
import { saveOrReport } from '../app/persist.ts';
import {
  EMPTY_PROGRAMME,
  type ProgrammeState,
  programmeKey,
  restoreProgramme,
} from './programme-state.ts';

/**
 * Programme records, study-area targets and their scale of a city, autosaved to IndexedDB.
 * Another city starts empty and loads its own (never the previous city's sites or targets).
 */
export function useProgrammeState(city: string): [ProgrammeState, (s: ProgrammeState) => void] {
  const [state, setState] = useState<ProgrammeState>(EMPTY_PROGRAMME);
  const [loaded, setLoaded] = useState(false);
  const key = programmeKey(city);
  const [forKey, setForKey] = useState(key);
  if (forKey !== key) {
    setForKey(key);
    setState(EMPTY_PROGRAMME);
    setLoaded(false);
  }
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
    if (loaded) void saveOrReport(key, next, { id: key, what: ({ t }) => t('save.programme') });
  };
  return [state, update];
}
