import { useCallback, useState } from 'react';
import { loadOsrmSetting, type OsrmSetting, saveOsrmSetting } from './osrm-settings.ts';

/** The OSRM server setting, persisted in localStorage (off until the user saves a server). */
export function useOsrmSetting(): [OsrmSetting | null, (setting: OsrmSetting | null) => void] {
  const [setting, setState] = useState<OsrmSetting | null>(() =>
    loadOsrmSetting(window.localStorage),
  );
  const set = useCallback((next: OsrmSetting | null) => {
    saveOsrmSetting(window.localStorage, next);
    setState(next);
  }, []);
  return [setting, set];
}
