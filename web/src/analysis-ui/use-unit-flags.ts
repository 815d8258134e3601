import { createContext, useCallback, useMemo, useState } from 'react';
import {
  flaggedUnitIds,
  flagsInEffect,
  setUnitFlags,
  type UnitFlagMap,
  type UnitFlags,
} from '../../../analysis/city/unit-flags.ts';
import { AREA_TYPES, type AreaType } from '../../../analysis/vocabulary.ts';
import { notify } from '../app/notices.ts';
import type { CityData } from '../data/city-data.ts';

/**
 * The user's urban/rural and new-residential flags per unit (城市/农村, 新建居住区), kept in
 * page state and in localStorage per city, so a reload keeps them. localStorage, not IndexedDB:
 * it is read at once, so the first analysis of a visit already has them.
 */
export interface UnitFlagsControl {
  units: CityData['units'];
  flags: UnitFlagMap;
  /** Ids of the flagged units of this city. */
  flagged: string[];
  inEffect(unitId: string): Required<UnitFlags> | undefined;
  set(unitId: string, change: UnitFlags): void;
  reset(): void;
}

/** The control of the picked unit's panel and the flags note; null outside the analysis. */
export const UnitFlagsContext = createContext<UnitFlagsControl | null>(null);

const PREFIX = 'carecircle.unit-flags.v1:';

/** A served folder by its URL, a saved browser city by its id; an unsaved one is not stored. */
function storageKey(city: CityData): string | null {
  if (city.savedAs !== undefined) return `${PREFIX}saved:${city.savedAs}`;
  return city.baseUrl === '' ? null : `${PREFIX}${city.baseUrl}`;
}

/** What was stored, keeping only well-formed entries (an old or hand-edited value is dropped). */
function load(key: string | null): UnitFlagMap {
  if (key === null) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(window.localStorage.getItem(key) ?? '{}');
  } catch {
    return {};
  }
  const flags: Record<string, UnitFlags> = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const v = (value ?? {}) as { areaType?: unknown; newResidential?: unknown };
    const entry: UnitFlags = {};
    if ((AREA_TYPES as readonly unknown[]).includes(v.areaType)) {
      entry.areaType = v.areaType as AreaType;
    }
    if (typeof v.newResidential === 'boolean') entry.newResidential = v.newResidential;
    if (Object.keys(entry).length > 0) flags[id] = entry;
  }
  return flags;
}

function save(key: string | null, flags: UnitFlagMap): void {
  if (key === null) return;
  try {
    if (Object.keys(flags).length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(flags));
  } catch {
    notify({
      id: 'save:unit-flags',
      level: 'error',
      testId: 'notice-save-failed',
      text: (i18n) => i18n.t('save.failed', { what: i18n.t('analysis.unitFlags.what') }),
      detail: (i18n) => i18n.t('save.failedHint'),
    });
  }
}

export function useUnitFlags(city: CityData): UnitFlagsControl {
  const key = storageKey(city);
  const units = city.units;
  // Held with the city it belongs to: another city (or an unsaved build) starts from its own.
  const [held, setHeld] = useState(() => ({ key, roads: city.roads, flags: load(key) }));
  const same = held.key === key && (key !== null || held.roads === city.roads);
  const current = same ? held : { key, roads: city.roads, flags: load(key) };
  if (!same) setHeld(current);
  const { flags } = current;

  const set = useCallback(
    (unitId: string, change: UnitFlags) => {
      const next = setUnitFlags(units, flags, unitId, change);
      save(key, next);
      setHeld({ key, roads: city.roads, flags: next });
    },
    [units, flags, key, city.roads],
  );
  const reset = useCallback(() => {
    save(key, {});
    setHeld({ key, roads: city.roads, flags: {} });
  }, [key, city.roads]);
  return useMemo(
    () => ({
      units,
      flags,
      flagged: flaggedUnitIds(units, flags),
      inEffect: (unitId: string) => flagsInEffect(units, flags, unitId),
      set,
      reset,
    }),
    [units, flags, set, reset],
  );
}
