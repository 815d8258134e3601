import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import { networkEditShapes, type ReportNetworkEdit } from '../report/network-edits.ts';
import { applyScenario } from '../siting/scenario-apply.ts';
import { networkModifications } from '../siting/scenario-network.ts';
import type { Modification, Scenario, SiteFacility } from '../siting/scenario-types.ts';
import type { ScenarioContext } from './analyse-scenario.ts';
import { LiveSession } from './live-session.ts';
import { scenarioBudgetEstimate } from './scenario-budget.ts';

/**
 * What each added site and each street-network edit of a scenario brings: the elders within each
 * threshold with the whole scenario minus those without that one edit (leave one out, so two
 * edits that only work together each get the joint gain; the sum may exceed the total). A site's
 * later moves and resizes leave with it. The session ends evaluated on the whole scenario.
 */
export interface EditGain {
  index: number;
  kind: 'add-site' | 'add-link' | 'close-link';
  id: string;
  /** Elders newly within each threshold (the session's thresholds, same order). */
  gains: number[];
  /**
   * Cost in yuan: a link's own costYuan, a site's estimate under the programme (entered or the
   * default per m²); null when unknown (never 0 for "not given").
   */
  costYuan: number | null;
}

export interface EditCostOptions {
  baseline: readonly SiteFacility[];
  profileId: string;
  year: number;
}

export function editGains(
  live: LiveSession,
  scenario: Pick<Scenario, 'modifications' | 'programme'>,
  costs: EditCostOptions,
): EditGain[] {
  const mods = scenario.modifications;
  const full = live.evaluate(scenario).covered;
  const siteCosts = new Map(
    scenarioBudgetEstimate(
      scenario,
      applyScenario(costs.baseline, scenario),
      costs.profileId,
      costs.year,
    ).sites.map((s) => [s.siteId, s.costYuan]),
  );
  const out: EditGain[] = [];
  mods.forEach((m, index) => {
    if (m.kind !== 'add-site' && m.kind !== 'add-link' && m.kind !== 'close-link') return;
    const keep = (other: Modification, k: number) =>
      k !== index && !(m.kind === 'add-site' && k > index && 'id' in other && other.id === m.id);
    const without = live.evaluate({ modifications: mods.filter(keep) }).covered;
    const costYuan =
      m.kind === 'add-site'
        ? (siteCosts.get(m.id) ?? null)
        : m.kind === 'add-link'
          ? (m.costYuan ?? null)
          : null;
    out.push({
      index,
      kind: m.kind,
      id: m.id,
      gains: full.map((c, i) => c - without[i]),
      costYuan,
    });
  });
  if (out.length > 0) live.evaluate(scenario);
  return out;
}

/**
 * The report's view of a scenario's network edits: shapes on the city's graphs and, from a live
 * session of the scenario's thresholds, what each brings. Empty when the scenario has none.
 */
export async function reportNetworkEdits(
  context: ScenarioContext,
  scenario: Pick<Scenario, 'modifications' | 'programme'>,
  year: number,
): Promise<ReportNetworkEdit[]> {
  if (networkModifications(scenario).length === 0) return [];
  const graphs = new Map<NetworkProfile, RoadGraph>();
  for (const network of context.networks) graphs.set(network, await context.graph(network));
  const walk = graphs.get('walk') ?? (await context.graph('walk'));
  const lookup = (network: NetworkProfile) => graphs.get(network);
  const shapes = networkEditShapes(scenario, lookup);
  const { thresholdsMinutes, walkingSpeedMps } = context.profile.settings;
  const thresholds = [...thresholdsMinutes];
  const live = new LiveSession(context.input, walk, undefined, thresholds, walkingSpeedMps, lookup);
  const gains = editGains(live, scenario, {
    baseline: context.input.facilities,
    profileId: context.profile.id,
    year,
  });
  return shapes.map((shape) => ({
    ...shape,
    thresholds,
    gains: gains.find((g) => g.index === shape.index)?.gains ?? thresholds.map(() => 0),
  }));
}
