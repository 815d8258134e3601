import { useCallback, useState } from 'react';
import { type BaseMapSetting, loadSetting, saveSetting } from './base-map-settings.ts';

/** The base-map choice, persisted in localStorage (offline until the user says otherwise). */
export function useBaseMap(): [BaseMapSetting, (setting: BaseMapSetting) => void] {
  const [setting, setState] = useState<BaseMapSetting>(() => loadSetting(window.localStorage));
  const set = useCallback((next: BaseMapSetting) => {
    saveSetting(window.localStorage, next);
    setState(next);
  }, []);
  return [setting, set];
}
