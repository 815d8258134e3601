import { useEffect, useMemo, useState } from 'react';
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
  /** Back to the baseline register and population (kept untouched all along). */
  reset(): void;
}

/** Imported data layered over a baseline city; a new baseline drops the imports. */
export function useRegister(baseline: CityData | null): Register {
  const [imported, setImported] = useState<ImportedRegister | null>(null);
  const [population, setPopulation] = useState<AppliedPopulation | null>(null);
  const [forCity, setForCity] = useState<CityData | null>(baseline);
  if (forCity !== baseline) {
    // Adjusting state while rendering (React's documented pattern): imports belong to one city.
    setForCity(baseline);
    setImported(null);
    setPopulation(null);
  }
  const view = useMemo(() => {
    if (baseline === null) return { city: null, clashingIds: [] };
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
    };
    return { city, clashingIds: facilities.clashingIds };
  }, [baseline, imported, population]);

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
    applyFacilities: setImported,
    applyPopulation: setPopulation,
    reset: () => {
      setImported(null);
      setPopulation(null);
    },
  };
}
