import { get } from 'idb-keyval';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PopulationTotals } from '../../../analysis/city/types.ts';
import type { UnitFlagMap } from '../../../analysis/city/unit-flags.ts';
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
  scenarioVersionFor,
  undoLastModification,
} from '../../../analysis/siting/scenario-types.ts';
import {
  cityScenarioChecks,
  type ScenarioProblem,
  type ScenarioValidationOptions,
} from '../../../analysis/siting/scenario-validate.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../../analysis/standards/profiles.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import type { EditGain } from '../../../analysis/workflows/edit-gains.ts';
import type { LiveNumbers, LiveUpdate } from '../../../analysis/workflows/live-session.ts';
import { DEFAULT_PROFILE_ID } from '../analysis-ui/use-analysis.ts';
import { notify } from '../app/notices.ts';
import { saveOrReport } from '../app/persist.ts';
import { useUnchangedWhileEqual } from '../app/use-unchanged-while-equal.ts';
import type { CityData } from '../data/city-data.ts';
import { cityRef } from '../data/city-ref.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { downloadText } from '../import/download.ts';
import { analysisWorker } from '../worker/analysis-client.ts';
import type { NetworkEditView } from '../worker/scenario-api.ts';
import {
  exportScenarioText,
  initialStore,
  reinsertScenario,
  removeScenario,
  restoreStore,
  type ScenarioStore,
  storeKey,
  storeProblems,
} from './scenario-store.ts';
import { useLiveEvaluation } from './use-live-evaluation.ts';

export interface ScenarioControl {
  ready: boolean;
  error: string | null;
  store: ScenarioStore;
  /**
   * The problems of each scenario against the register shown now: a scenario whose sites left
   * the register (replaced or restored) is kept and listed with them, not evaluated.
   */
  problems: ScenarioProblem[][];
  scenario: Scenario;
  /**
   * The scenario the map draws: the one `live` was computed for, so that its sites and the
   * coverage they give change in one frame (each frame costs a second on a CPU renderer). The
   * active scenario while nothing is evaluated.
   */
  shownScenario: Scenario;
  baselineFacilities: SiteFacility[];
  /** What an imported scenario file is held to (the CLI's checks): the city, its area, profiles. */
  importChecks: ScenarioValidationOptions;
  baselineNumbers: (LiveNumbers & { ms: number }) | null;
  live: LiveUpdate | null;
  /** Appends a modification to the active scenario (the baseline is never touched). */
  apply(modification: Modification): void;
  undo(): void;
  /** Drops the modification at `index` (network edits: nothing later depends on them). */
  removeAt(index: number): void;
  /** Replaces the modification at `index` (a link's cost edited in the list). */
  replaceAt(index: number, modification: Modification): void;
  /** The active scenario's network edits as drawn and listed (shape, length, place). */
  networkViews: NetworkEditView[];
  /** What each added site and network edit brings (null until computed). */
  editGains: EditGain[] | null;
  /** Replaces the active scenario (import) or adds one (optimiser, "new"). */
  add(scenario: Scenario): void;
  select(index: number): void;
  rename(name: string): void;
  /** Stores a site's programme status in the active scenario. */
  setStatusRecord(record: SiteProgramme): void;
  /** Removes a scenario; a notice offers to put it back. */
  remove(index: number): void;
  profileId: string;
  /** The standards profile's document name, as users see it. */
  profileName: { zh: string; en: string };
  /** The city shown (its display name keys what is saved for it). */
  cityName: string;
  /** The population of the city shown (null when it has none). */
  populationTotals: PopulationTotals | null;
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

const NO_FLAGS: UnitFlagMap = {};

/**
 * The scenarios of the page: a list autosaved to IndexedDB per city, the active one evaluated
 * live in the worker on every change (only the searches an edit touches are rerun there).
 */
export function useScenarios(
  city: CityData,
  graphsReady: boolean,
  chosenProfile: StandardsProfile | null = null,
  unitFlags: UnitFlagMap = NO_FLAGS,
): ScenarioControl {
  // The standards profile chosen in the analysis panel: live numbers, compare and budget. A copy
  // of the profile in use (the first analysis runs the default one) keeps the session open.
  const profile = useUnchangedWhileEqual(
    useMemo(() => chosenProfile ?? defaultProfile(), [chosenProfile]),
  );
  const profileId = profile.id;
  const baselineFacilities = useMemo(() => facilitiesOf(city), [city]);
  const importChecks = useMemo(
    () =>
      cityScenarioChecks({ ...city.manifest, folder: folderOf(city.baseUrl) }, [
        ...BUILT_IN_PROFILE_IDS,
        profileId,
      ]),
    [city.manifest, city.baseUrl, profileId],
  );
  const baselineRef = { city: city.manifest.name, profile: profileId };
  const [store, setStore] = useState<ScenarioStore>(() => initialStore(baselineRef, '方案1'));
  const [loaded, setLoaded] = useState(false);
  const [opened, setOpened] = useState(false);
  const [baselineNumbers, setBaselineNumbers] = useState<ScenarioControl['baselineNumbers']>(null);
  const [error, setError] = useState<string | null>(null);
  const { locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const key = storeKey(city.manifest.name);
  const [forKey, setForKey] = useState(key);
  if (forKey !== key) {
    // Another city: its own list, read before anything is saved under its key.
    setForKey(key);
    setStore(initialStore(baselineRef, '方案1'));
    setLoaded(false);
  }

  // Restore what was autosaved for this city. Only the city decides which list is read: a new
  // register (imported, replaced or restored) keeps the list and checks its scenarios again.
  useEffect(() => {
    let cancelled = false;
    get(key)
      .then((value) => {
        if (cancelled) return;
        const restored = restoreStore(value);
        if (restored !== null) setStore(restored);
      })
      .catch((e: unknown) => console.error('scenario restore failed', e))
      .finally(() => {
        if (!cancelled) setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [key]);

  // Autosave every change once the stored value has been read (never overwrite it before); a
  // failed save (a full quota) is shown with the way to export the scenario instead.
  const latestStore = useRef(store);
  latestStore.current = store;
  useEffect(() => {
    if (!loaded || forKey !== key) return;
    void saveOrReport(key, store, {
      id: key,
      what: ({ t }) =>
        t('save.scenarios', {
          name: store.scenarios[store.active]?.name ?? '',
          n: store.scenarios.length,
        }),
      exportAction: {
        label: ({ t }) => t('save.exportScenario'),
        testId: 'notice-export-scenario',
        run: () => {
          const current = latestStore.current;
          const active = current.scenarios[current.active] ?? current.scenarios[0];
          downloadText(
            `${active.name ?? 'scenario'}.json`,
            exportScenarioText(active),
            'application/json',
          );
        },
      },
    });
  }, [loaded, forKey, key, store]);

  // Saved scenarios are held to the city and its area; their profile may be one made in an
  // earlier visit's editor, which this one does not know.
  const problems = useMemo(
    () =>
      storeProblems(store, baselineFacilities, {
        ...(importChecks.bbox === undefined ? {} : { bbox: importChecks.bbox }),
        ...(importChecks.cityNames === undefined ? {} : { cityNames: importChecks.cityNames }),
      }),
    [store, baselineFacilities, importChecks],
  );
  useEffect(() => {
    if (loaded) publishScenarioState(city.manifest.name, store, problems);
  }, [loaded, city, store, problems]);

  // Open the live session once the graphs are in the worker.
  useEffect(() => {
    if (!graphsReady) return;
    let cancelled = false;
    setOpened(false);
    analysisWorker()
      .scenarioOpen({ city: cityRef(city, unitFlags), profile })
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
  }, [city, graphsReady, profile, unitFlags]);

  const scenario = store.scenarios[store.active] ?? store.scenarios[0];
  const valid = (problems[store.active] ?? []).length === 0;
  const { live, evaluated, networkViews, editGains } = useLiveEvaluation({
    active: opened && loaded,
    scenario,
    valid,
    lang,
    cityKey: key,
    setError,
  });

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
    problems,
    scenario,
    shownScenario: (opened && loaded ? evaluated : null) ?? scenario,
    baselineFacilities,
    importChecks,
    baselineNumbers,
    live,
    profileId,
    profileName: profile.name,
    cityName: city.manifest.name,
    populationTotals: city.manifest.population?.totals ?? null,
    apply: (m) => update((s) => appendModification(s, m)),
    undo: () => update(undoLastModification),
    removeAt: (index) =>
      update((s) => {
        const modifications = s.modifications.filter((_, k) => k !== index);
        return { ...s, version: scenarioVersionFor(modifications), modifications };
      }),
    replaceAt: (index, m) =>
      update((s) => ({
        ...s,
        modifications: s.modifications.map((old, k) => (k === index ? m : old)),
      })),
    networkViews,
    editGains,
    rename: (name) => update((s) => ({ ...s, name })),
    setStatusRecord: (record) => update((s) => withProgrammeRecord(s, record)),
    add: (s) =>
      setStore((st) => ({ ...st, scenarios: [...st.scenarios, s], active: st.scenarios.length })),
    select: (index) => setStore((st) => ({ ...st, active: index })),
    remove: (index) => {
      const result = removeScenario(store, index, () => initialStore(baselineRef, '方案1'));
      setStore(result.store);
      const removed = result.removed;
      if (removed === null) return;
      notify({
        id: `scenario-removed:${key}`,
        level: 'info',
        testId: 'notice-scenario-removed',
        text: ({ t }) => t('undo.scenarioRemoved', { name: removed.name ?? '' }),
        actions: [
          {
            label: ({ t }) => t('undo.action'),
            testId: 'notice-undo',
            run: () => setStore((st) => reinsertScenario(st, index, removed)),
          },
        ],
      });
    },
  };
}

/** For end-to-end tests: the scenario list as kept, next to window.__carecircle. */
export interface ScenarioTestState {
  city: string;
  names: string[];
  /** Problem count of each scenario against the register shown. */
  problems: number[];
  active: number;
}

declare global {
  interface Window {
    readonly __carecircleScenarios?: Readonly<ScenarioTestState>;
  }
}

function publishScenarioState(city: string, store: ScenarioStore, problems: ScenarioProblem[][]) {
  const state: ScenarioTestState = {
    city,
    names: store.scenarios.map((s) => s.name ?? ''),
    problems: problems.map((list) => list.length),
    active: store.active,
  };
  Object.defineProperty(window, '__carecircleScenarios', {
    value: Object.freeze(state),
    configurable: true,
    enumerable: false,
    writable: false,
  });
}

export function newScenario(control: ScenarioControl, name: string): Scenario {
  return emptyScenario({ city: control.scenario.baseline.city, profile: control.profileId }, name);
}

/** The folder a city was served from ("/nanjing-xinjiekou/" → "nanjing-xinjiekou"), if any. */
function folderOf(baseUrl: string): string | undefined {
  const last = baseUrl
    .split('/')
    .filter((part) => part !== '')
    .pop();
  return last === undefined ? undefined : decodeURIComponent(last);
}
