import { get, set } from 'idb-keyval';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SiteProgramme } from '../../../analysis/programme/types.ts';
import {
  pruneProgramme,
  withProgrammeRecord,
} from '../../../analysis/siting/scenario-programme.ts';
import {
  appendModification,
  emptyScenario,
  type Modification,
  type Scenario,
  type SiteFacility,
  undoLastModification,
} from '../../../analysis/siting/scenario-types.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import type { LiveNumbers, LiveUpdate } from '../../../analysis/workflows/live-session.ts';
import { DEFAULT_PROFILE_ID } from '../analysis-ui/use-analysis.ts';
import type { CityData } from '../data/city-data.ts';
import { cityRef } from '../data/city-ref.ts';
import { analysisWorker } from '../worker/analysis-client.ts';
import { initialStore, restoreStore, type ScenarioStore, storeKey } from './scenario-store.ts';

export interface ScenarioControl {
  ready: boolean;
  error: string | null;
  store: ScenarioStore;
  scenario: Scenario;
  baselineFacilities: SiteFacility[];
  baselineNumbers: (LiveNumbers & { ms: number }) | null;
  live: LiveUpdate | null;
  /** Appends a modification to the active scenario (the baseline is never touched). */
  apply(modification: Modification): void;
  undo(): void;
  /** Replaces the active scenario (import) or adds one (optimiser, "new"). */
  add(scenario: Scenario): void;
  select(index: number): void;
  rename(name: string): void;
  /** Stores a site's programme status in the active scenario. */
  setStatusRecord(record: SiteProgramme): void;
  remove(index: number): void;
  profileId: string;
}

/** Until the analysis panel has run, scenarios use the page's default profile. */
const defaultProfile = (): StandardsProfile => builtInProfile(DEFAULT_PROFILE_ID);

export function facilitiesOf(city: CityData): SiteFacility[] {
  return city.facilities.features.map((f) => ({
    ...f.properties,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
}

/**
 * The scenarios of the page: a list autosaved to IndexedDB per city, the active one evaluated
 * live in the worker on every change (only the searches an edit touches are rerun there).
 */
export function useScenarios(
  city: CityData,
  graphsReady: boolean,
  chosenProfile: StandardsProfile | null = null,
): ScenarioControl {
  // The standards profile chosen in the analysis panel: live numbers, compare and budget.
  const profile = useMemo(() => chosenProfile ?? defaultProfile(), [chosenProfile]);
  const profileId = profile.id;
  const baselineFacilities = useMemo(() => facilitiesOf(city), [city]);
  const baselineRef = { city: city.manifest.name, profile: profileId };
  const [store, setStore] = useState<ScenarioStore>(() => initialStore(baselineRef, '方案1'));
  const [loaded, setLoaded] = useState(false);
  const [opened, setOpened] = useState(false);
  const [baselineNumbers, setBaselineNumbers] = useState<ScenarioControl['baselineNumbers']>(null);
  const [live, setLive] = useState<LiveUpdate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = storeKey(city.manifest.name);

  // Restore what was autosaved for this city.
  useEffect(() => {
    let cancelled = false;
    get(key)
      .then((value) => {
        if (cancelled) return;
        const restored = restoreStore(value, baselineFacilities);
        if (restored !== null) setStore(restored);
      })
      .catch((e: unknown) => console.error('scenario restore failed', e))
      .finally(() => {
        if (!cancelled) setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [key, baselineFacilities]);

  // Autosave every change once the stored value has been read (never overwrite it before).
  useEffect(() => {
    if (!loaded) return;
    set(key, store).catch((e: unknown) => console.error('scenario autosave failed', e));
  }, [loaded, key, store]);

  // Open the live session once the graphs are in the worker.
  useEffect(() => {
    if (!graphsReady) return;
    let cancelled = false;
    setOpened(false);
    analysisWorker()
      .scenarioOpen({ city: cityRef(city), profile })
      .then((answer) => {
        if (cancelled) return;
        if (!answer.ok) setError(answer.error.message);
        else {
          setBaselineNumbers(answer.value);
          setOpened(true);
        }
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [city, graphsReady, profile]);

  const scenario = store.scenarios[store.active] ?? store.scenarios[0];
  // Evaluate the active scenario after each change; a newer request makes older answers stale.
  const requestId = useRef(0);
  useEffect(() => {
    if (!opened || !loaded) return;
    const id = ++requestId.current;
    analysisWorker()
      .scenarioEvaluate({ modifications: scenario.modifications })
      .then((answer) => {
        if (id !== requestId.current) return;
        if (answer.ok) {
          setLive(answer.value);
          setError(null);
        } else setError(answer.error.message);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [opened, loaded, scenario]);

  // Status records of sites an edit removed (an undone add) are dropped, so the scenario stays
  // valid and survives the autosave round trip.
  const update = useCallback(
    (change: (s: Scenario) => Scenario) => {
      setStore((st) => ({
        ...st,
        scenarios: st.scenarios.map((s, i) =>
          i === st.active ? pruneProgramme(change(s), baselineFacilities) : s,
        ),
      }));
    },
    [baselineFacilities],
  );

  return {
    ready: opened && loaded,
    error,
    store,
    scenario,
    baselineFacilities,
    baselineNumbers,
    live,
    profileId,
    apply: (m) => update((s) => appendModification(s, m)),
    undo: () => update(undoLastModification),
    rename: (name) => update((s) => ({ ...s, name })),
    setStatusRecord: (record) => update((s) => withProgrammeRecord(s, record)),
    add: (s) =>
      setStore((st) => ({ ...st, scenarios: [...st.scenarios, s], active: st.scenarios.length })),
    select: (index) => setStore((st) => ({ ...st, active: index })),
    remove: (index) =>
      setStore((st) => {
        const scenarios = st.scenarios.filter((_, i) => i !== index);
        if (scenarios.length === 0) return initialStore(baselineRef, '方案1');
        return { ...st, scenarios, active: Math.min(st.active, scenarios.length - 1) };
      }),
  };
}

export function newScenario(control: ScenarioControl, name: string): Scenario {
  return emptyScenario({ city: control.scenario.baseline.city, profile: control.profileId }, name);
}
