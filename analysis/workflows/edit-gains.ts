import { applyScenario } from '../siting/scenario-apply.ts';
import type { Modification, Scenario, SiteFacility } from '../siting/scenario-types.ts';
import type { LiveSession } from './live-session.ts';
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
