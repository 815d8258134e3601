import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import {
  emptyScenario,
  type Scenario,
  type ScenarioBaseline,
} from '../../../analysis/siting/scenario-types.ts';
import {
  type ScenarioProblem,
  type ScenarioValidationOptions,
  validateScenario,
} from '../../../analysis/siting/scenario-validate.ts';

/**
 * What the page keeps of its scenarios (autosaved to IndexedDB per city): the list and which
 * one is being edited. Pure helpers, tested in Node; the hook does the IndexedDB calls.
 */
export interface ScenarioStore {
  version: 1;
  scenarios: Scenario[];
  active: number;
}

export const storeKey = (city: string) => `carecircle.scenarios.v1.${city}`;

export function initialStore(baseline: ScenarioBaseline, name: string): ScenarioStore {
  return { version: 1, scenarios: [emptyScenario(baseline, name)], active: 0 };
}

/**
 * Reads a stored value back. Every scenario is kept, even one that no longer validates against
 * the register now shown (its sites were in a register since replaced or restored): the user's
 * work is never dropped; `storeProblems` says what is wrong with it. Only what is not a scenario
 * at all (not an object with a list of modifications) is left out.
 */
export function restoreStore(value: unknown): ScenarioStore | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<ScenarioStore>;
  if (v.version !== 1 || !Array.isArray(v.scenarios)) return null;
  const scenarios = v.scenarios.filter(
    (s: unknown) =>
      typeof s === 'object' && s !== null && Array.isArray((s as Scenario).modifications),
  );
  if (scenarios.length === 0) return null;
  const active = typeof v.active === 'number' && v.active < scenarios.length ? v.active : 0;
  return { version: 1, scenarios, active };
}

/** The problems of each stored scenario against the register shown now (empty = valid). */
export function storeProblems(
  store: ScenarioStore,
  baselineFacilities: readonly SiteFacility[],
  checks: ScenarioValidationOptions = {},
): ScenarioProblem[][] {
  return store.scenarios.map((s) => validateScenario(s, baselineFacilities, checks));
}

/** Removes one scenario, returning what was removed so that it can be put back (undo). */
export function removeScenario(
  store: ScenarioStore,
  index: number,
  fresh: () => ScenarioStore,
): { store: ScenarioStore; removed: Scenario | null } {
  const removed = store.scenarios[index] ?? null;
  const scenarios = store.scenarios.filter((_, i) => i !== index);
  if (scenarios.length === 0) return { store: fresh(), removed };
  return {
    store: { ...store, scenarios, active: Math.min(store.active, scenarios.length - 1) },
    removed,
  };
}

/** Puts a removed scenario back at its place and makes it the active one. */
export function reinsertScenario(
  store: ScenarioStore,
  index: number,
  scenario: Scenario,
): ScenarioStore {
  const at = Math.min(index, store.scenarios.length);
  const scenarios = [...store.scenarios.slice(0, at), scenario, ...store.scenarios.slice(at)];
  return { ...store, scenarios, active: at };
}

/** Import of a scenario file: the scenario, or every problem found (validate first, then apply). */
export function importScenarioText(
  text: string,
  baselineFacilities: readonly SiteFacility[],
  checks: ScenarioValidationOptions,
): { scenario: Scenario } | { problems: ScenarioProblem[]; modifications: unknown[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [{ code: 'E_BAD_JSON', path: '', message }], modifications: [] };
  }
  const problems = validateScenario(json, baselineFacilities, checks);
  if (problems.length === 0) return { scenario: json as Scenario };
  const listed = (json as { modifications?: unknown } | null)?.modifications;
  const modifications = Array.isArray(listed) ? listed : [];
  return { problems, modifications };
}

export function exportScenarioText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** A fresh id for a drawn site, unique among the baseline and the scenario's added sites. */
export function nextSiteId(scenario: Scenario, baseline: readonly SiteFacility[]): string {
  const taken = new Set(baseline.map((f) => f.id));
  for (const m of scenario.modifications) if (m.kind === 'add-site') taken.add(m.id);
  for (let n = 1; ; n++) {
    const id = `S${n}`;
    if (!taken.has(id)) return id;
  }
}
