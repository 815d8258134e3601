import type { Modification, Scenario } from '../siting/scenario-types.ts';
import type { LiveSession } from './live-session.ts';

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
}

export function editGains(
  live: LiveSession,
  scenario: Pick<Scenario, 'modifications'>,
): EditGain[] {
  const mods = scenario.modifications;
  const full = live.evaluate(scenario).covered;
  const out: EditGain[] = [];
  mods.forEach((m, index) => {
    if (m.kind !== 'add-site' && m.kind !== 'add-link' && m.kind !== 'close-link') return;
    const keep = (other: Modification, k: number) =>
      k !== index && !(m.kind === 'add-site' && k > index && 'id' in other && other.id === m.id);
    const without = live.evaluate({ modifications: mods.filter(keep) }).covered;
    out.push({ index, kind: m.kind, id: m.id, gains: full.map((c, i) => c - without[i]) });
  });
  if (out.length > 0) live.evaluate(scenario);
  return out;
}
