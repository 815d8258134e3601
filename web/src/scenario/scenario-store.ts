import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import {
  emptyScenario,
  type Scenario,
  type ScenarioBaseline,
} from '../../../analysis/siting/scenario-types.ts';
import {
  type ScenarioProblem,
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
 * Reads a stored value back; anything unreadable (another version, a scenario that no longer
 * validates against this register) is dropped rather than half-loaded.
 */
export function restoreStore(
  value: unknown,
  baselineFacilities: readonly SiteFacility[],
): ScenarioStore | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<ScenarioStore>;
  if (v.version !== 1 || !Array.isArray(v.scenarios)) return null;
  const scenarios = v.scenarios.filter(
    (s) => validateScenario(s, baselineFacilities).length === 0,
  ) as Scenario[];
  if (scenarios.length === 0) return null;
  const active = typeof v.active === 'number' && v.active < scenarios.length ? v.active : 0;
  return { version: 1, scenarios, active };
}

/** Import of a scenario file: the scenario, or every problem found (validate first, then apply). */
export function importScenarioText(
  text: string,
  baselineFacilities: readonly SiteFacility[],
): { scenario: Scenario } | { problems: ScenarioProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [{ code: 'E_BAD_JSON', path: '', message }] };
  }
  const problems = validateScenario(json, baselineFacilities);
  if (problems.length > 0) return { problems };
  return { scenario: json as Scenario };
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
