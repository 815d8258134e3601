import type { FacilityType } from '../city/types.ts';
import type { SitingCandidate, SitingResult } from './optimise-types.ts';
import {
  type AddSite,
  appendModification,
  emptyScenario,
  type Scenario,
  type ScenarioBaseline,
  type ScenarioOrigin,
} from './scenario-types.ts';

export interface ResultToScenarioOptions {
  /** Facility type of the new sites (default neighbourhood_point 养老睦邻点). */
  type?: FacilityType;
  /**
   * Floor area of every new site. Default: the candidate's own area, else 60 m². Building
   * candidates carry the whole low-floor area of the building, so hosts usually pass the
   * planned size of the facility type here.
   */
  floorAreaM2?: number;
  beds?: number;
  floorLevel?: number;
  /** Prefix of new site ids (default "NEW-"). */
  idPrefix?: string;
  /** Extend this scenario instead of starting from an empty one. */
  onto?: Scenario;
  name?: string;
  /** Threshold the optimiser covered; with it the scenario records its origin. */
  minutes?: number;
}

/** An optimiser result as add-site modifications, so it can be edited, compared and reported. */
export function resultToScenario(
  result: Pick<SitingResult, 'chosen'> & Partial<SitingResult>,
  candidates: readonly SitingCandidate[],
  baseline: ScenarioBaseline,
  options: ResultToScenarioOptions = {},
): Scenario {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  let scenario = options.onto ?? emptyScenario(baseline, options.name);
  for (const id of result.chosen) {
    const candidate = byId.get(id);
    if (candidate === undefined) throw new Error(`resultToScenario: unknown candidate ${id}`);
    const add: AddSite = {
      kind: 'add-site',
      id: `${options.idPrefix ?? 'NEW-'}${id}`,
      name: candidate.name ?? `拟建站点 ${id}`,
      type: options.type ?? 'neighbourhood_point',
      lon: candidate.lon,
      lat: candidate.lat,
      floorAreaM2: options.floorAreaM2 ?? candidate.floorAreaM2 ?? 60,
      beds: options.beds ?? 0,
      floorLevel: options.floorLevel ?? 1,
    };
    scenario = appendModification(scenario, add);
  }
  const origin = options.minutes === undefined ? undefined : originOf(result, options.minutes);
  return origin === undefined ? scenario : { ...scenario, origin };
}

/** The optimiser run as the scenario keeps it (absent when the result is incomplete). */
function originOf(result: Partial<SitingResult>, minutes: number): ScenarioOrigin | undefined {
  const { problem, method, status, chosen, newlyCoveredWeight, bound, gap } = result;
  if (problem === undefined || method === undefined || status === undefined) return undefined;
  if (chosen === undefined || newlyCoveredWeight === undefined) return undefined;
  return {
    kind: 'optimiser',
    problem,
    method,
    status,
    minutes,
    newSites: chosen.length,
    newlyCoveredElders: newlyCoveredWeight,
    bound: bound ?? newlyCoveredWeight,
    gap: gap ?? 0,
  };
}
