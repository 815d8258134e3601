import type { CityInput } from '../coverage/types.ts';
import { type BudgetEstimate, estimateBudget } from '../programme/budget.ts';
import { programmeProfileFor } from '../programme/builtin.ts';
import { proposedRecord } from '../programme/register.ts';
import type { Scenario } from '../siting/scenario-types.ts';

/** Cost and subsidy of a scenario's new and re-statused sites (absent for the baseline). */
export interface ScenarioBudget {
  sites: number;
  costYuan: number;
  subsidyYuan: number;
  localYuan: number;
}

/**
 * The budget of a scenario under the programme of its standards profile: statuses set in the
 * scenario win; a new site without one is a proposed project of `year`.
 */
export function scenarioBudget(
  scenario: Pick<Scenario, 'modifications' | 'programme'>,
  facilities: CityInput['facilities'],
  profileId: string,
  year: number,
): ScenarioBudget {
  const estimate = scenarioBudgetEstimate(scenario, facilities, profileId, year);
  const { sites: count, costYuan, subsidyYuan, localYuan } = estimate.total;
  return { sites: count, costYuan, subsidyYuan, localYuan };
}

/** The estimate behind scenarioBudget, site by site (what each new site costs). */
export function scenarioBudgetEstimate(
  scenario: Pick<Scenario, 'modifications' | 'programme'>,
  facilities: CityInput['facilities'],
  profileId: string,
  year: number,
): BudgetEstimate {
  const added = new Set(
    scenario.modifications.flatMap((m) => (m.kind === 'add-site' ? [m.id] : [])),
  );
  const open = new Set(facilities.map((f) => f.id));
  const own = new Map((scenario.programme?.records ?? []).map((r) => [r.id, r]));
  const sites = [
    ...[...added].map((id) => own.get(id) ?? proposedRecord(id, { year })),
    ...[...own.values()].filter((r) => !added.has(r.id) && r.baseline !== true),
  ].filter((r) => open.has(r.id));
  return estimateBudget({ facilities, sites }, programmeProfileFor(profileId));
}
