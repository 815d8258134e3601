import { get } from 'idb-keyval';
import { useEffect, useMemo, useRef, useState } from 'react';
import { notify } from '../app/notices.ts';
import { saveOrReport } from '../app/persist.ts';
import type { CityData } from '../data/city-data.ts';
import { type ImportedRegister, registerView } from './facility-register.ts';
import type { AppliedPopulation } from './ImportWizard.tsx';

/** For end-to-end tests: the imported facilities as drawn (WGS-84), next to window.__carecircle. */
export interface ImportTestState {
  fileName: string | null;
  mode: ImportedRegister['mode'] | null;
  facilities: { id: string; name: string; row: number; lon: number; lat: number }[];
  populationFile: string | null;
}

declare global {
  interface Window {
    readonly __carecircleImport?: Readonly<ImportTestState>;
  }
}

export interface Register {
  /** The city as the map and panels should show it (baseline with the imports applied). */
  city: CityData | null;
  imported: ImportedRegister | null;
  population: AppliedPopulation | null;
  clashingIds: string[];
  applyFacilities(register: ImportedRegister): void;
  applyPopulation(population: AppliedPopulation): void;
  /** Back to the baseline register and population (kept untouched all along); undoable. */
  reset(): void;
}

/** What the user imported over one city, kept in IndexedDB so that a reload restores it. */
interface StoredImports {
  version: 1;
  imported: ImportedRegister | null;
  population: AppliedPopulation | null;
}

export const importsKey = (city: string) => `carecircle.imports.v1.${city}`;

function restoreImports(value: unknown): StoredImports | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StoredImports>;
  if (v.version !== 1) return null;
  return { version: 1, imported: v.imported ?? null, population: v.population ?? null };
}

/**
 * Imported data layered over a baseline city; a new baseline brings that city's own imports
 * back from IndexedDB. Replacing an import or restoring the original data can be undone.
 */
export function useRegister(baseline: CityData | null): Register {
  const [imported, setImported] = useState<ImportedRegister | null>(null);
  const [population, setPopulation] = useState<AppliedPopulation | null>(null);
  const [forCity, setForCity] = useState<CityData | null>(baseline);
  const [loaded, setLoaded] = useState(false);
  if (forCity !== baseline) {
    // Adjusting state while rendering (React's documented pattern): imports belong to one city.
    setForCity(baseline);
    setImported(null);
    setPopulation(null);
    setLoaded(false);
  }
  const cityName = baseline?.manifest.name ?? null;

  // Read again for every baseline, even one of the same name (a city reopened or rebuilt): the
  // reset above has cleared what was read for the previous one.
  useEffect(() => {
    if (baseline === null) return;
    let cancelled = false;
    get(importsKey(baseline.manifest.name))
      .then((value) => {
        const stored = restoreImports(value);
        if (cancelled) return;
        if (stored !== null) {
          setImported(stored.imported);
          setPopulation(stored.population);
        }
        setLoaded(true);
      })
      .catch((e: unknown) => {
        console.error('import restore failed', e);
        if (!cancelled) setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [baseline]);

  // Saved after every change, once the stored value has been read.
  useEffect(() => {
    if (!loaded || cityName === null) return;
    const key = importsKey(cityName);
    const value: StoredImports | undefined =
      imported === null && population === null ? undefined : { version: 1, imported, population };
    void saveOrReport(key, value, { id: key, what: ({ t }) => t('save.register') });
  }, [loaded, cityName, imported, population]);

  const current = useRef({ imported, population });
  current.current = { imported, population };
  /** Applies a change; when it discards an import, a notice offers to bring it back. */
  const change = (next: {
    imported: ImportedRegister | null;
    population: AppliedPopulation | null;
  }) => {
    const before = current.current;
    setImported(next.imported);
    setPopulation(next.population);
    const lostFacilities = before.imported !== null && before.imported !== next.imported;
    const lostPopulation = before.population !== null && before.population !== next.population;
    if (!lostFacilities && !lostPopulation) return;
    const reset = next.imported === null && next.population === null;
    const previous = lostFacilities ? before.imported?.fileName : before.population?.fileName;
    const file = lostFacilities ? next.imported?.fileName : next.population?.fileName;
    notify({
      id: 'register-change',
      level: 'info',
      testId: 'notice-register',
      text: ({ t }) =>
        reset
          ? t('undo.registerReset')
          : t('undo.registerReplaced', { file: file ?? '', previous: previous ?? '' }),
      detail: ({ t }) => t('undo.registerKept'),
      actions: [
        {
          label: ({ t }) => t('undo.action'),
          testId: 'notice-undo',
          run: () => {
            setImported(before.imported);
            setPopulation(before.population);
          },
        },
      ],
    });
  };

  const view = useMemo(() => {
    // Until the stored imports are read, no city: the map and the first analysis would otherwise
    // show the baseline register for a moment and then run again on the user's own.
    if (baseline === null || !loaded) return { city: null, clashingIds: [] };
    const facilities = registerView(baseline.facilities, imported);
    const manifest = {
      ...baseline.manifest,
      // A replaced register is the user's own, not the demo's illustrative one.
      facilitiesIllustrative:
        baseline.manifest.facilitiesIllustrative && imported?.mode !== 'replace',
      ...(population === null
        ? {}
        : { population: { method: 'user-supplied' as const, totals: population.result.totals } }),
    };
    const city: CityData = {
      ...baseline,
      manifest,
      facilities: facilities.collection,
      population: population?.result.cells ?? baseline.population,
      ...(imported === null
        ? {}
        : {
            register: {
              fileName: imported.fileName,
              accepted: imported.features.length,
              rejected: imported.rejected,
              crsFrom: imported.crs,
              outsideStudyArea: imported.outsideStudyArea,
            },
          }),
    };
    return { city, clashingIds: facilities.clashingIds };
  }, [baseline, loaded, imported, population]);

  useEffect(() => {
    const state: ImportTestState = {
      fileName: imported?.fileName ?? null,
      mode: imported?.mode ?? null,
      facilities: (imported?.features ?? []).map((f) => ({
        id: f.properties.id,
        name: f.properties.name,
        row: f.properties.source_row,
        lon: f.geometry.coordinates[0],
        lat: f.geometry.coordinates[1],
      })),
      populationFile: population?.fileName ?? null,
    };
    Object.defineProperty(window, '__carecircleImport', {
      value: Object.freeze(state),
      configurable: true,
      enumerable: false,
      writable: false,
    });
  }, [imported, population]);

  return {
    ...view,
    imported,
    population,
    applyFacilities: (next) => change({ imported: next, population: current.current.population }),
    applyPopulation: (next) => change({ imported: current.current.imported, population: next }),
    reset: () => change({ imported: null, population: null }),
  };
}
