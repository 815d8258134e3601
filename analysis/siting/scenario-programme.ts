import { checkStatusHistory, isSiteStatus } from '../programme/status.ts';
import { SITE_STATUSES, type SiteProgramme } from '../programme/types.ts';
import type { ScenarioProgramme } from './scenario-types.ts';

/**
 * The `programme` section of a scenario (status is part of scenarios): per-site status
 * records set while the scenario was active. They override the city's records for the same site
 * when the scenario is shown, and travel with the scenario through export/import.
 */
export interface ProgrammeProblem {
  code: string;
  path: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every problem of a programme section. `knownIds`: sites the scenario knows (baseline plus
 * added ones); a record for any other site is rejected. Status histories are checked as for an
 * imported register: skipped steps are accepted (warnings are not reported here), while a step
 * recorded after the status or dates going backwards are errors.
 */
export function validateScenarioProgramme(
  json: unknown,
  knownIds: ReadonlySet<string>,
): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  const report = (code: string, path: string, message: string) =>
    problems.push({ code, path, message });
  if (!isObject(json) || !Array.isArray(json.records)) {
    report('E_SCENARIO_FIELD', 'programme', 'programme must be an object {records: [...]}');
    return problems;
  }
  const seen = new Set<string>();
  json.records.forEach((raw: unknown, index: number) => {
    const at = `programme.records[${index}]`;
    if (!isObject(raw)) {
      report('E_SCENARIO_FIELD', at, 'a status record must be an object');
      return;
    }
    const { id, status, steps, upgraded } = raw;
    if (typeof id !== 'string' || id === '') {
      report('E_SCENARIO_FIELD', `${at}.id`, 'id must be a non-empty string');
    } else if (!knownIds.has(id)) {
      report('E_UNKNOWN_SITE', `${at}.id`, `site "${id}" is not a known site`);
    } else if (seen.has(id)) {
      report('E_DUPLICATE_SITE', `${at}.id`, `site "${id}" has two status records`);
    } else seen.add(id);
    if (typeof status !== 'string' || !isSiteStatus(status)) {
      report(
        'E_BAD_STATUS',
        `${at}.status`,
        `unknown status ${String(status)}; use one of ${SITE_STATUSES.join(', ')}`,
      );
    }
    if (typeof upgraded !== 'boolean') {
      report('E_SCENARIO_FIELD', `${at}.upgraded`, 'upgraded must be true or false');
    }
    if (!isObject(steps)) {
      report('E_SCENARIO_FIELD', `${at}.steps`, 'steps must be an object keyed by status');
      return;
    }
    let stepsOk = true;
    for (const [key, step] of Object.entries(steps)) {
      const path = `${at}.steps.${key}`;
      if (!isSiteStatus(key)) {
        report('E_BAD_STATUS', path, `unknown status ${key}`);
        stepsOk = false;
      } else if (!isObject(step) || !validStep(step)) {
        report('E_SCENARIO_FIELD', path, 'a step is {year?: whole number, date?: "YYYY-MM-DD"}');
        stepsOk = false;
      }
    }
    if (!stepsOk || typeof id !== 'string' || typeof status !== 'string' || !isSiteStatus(status))
      return;
    const record = { id, status, steps, upgraded: upgraded === true } as SiteProgramme;
    for (const issue of checkStatusHistory(record, { imported: true })) {
      if (issue.severity === 'error') report(issue.code, `${at}.steps`, issue.message);
    }
  });
  return problems;
}

function validStep(step: Json): boolean {
  const { year, date } = step;
  const yearOk = year === undefined || (typeof year === 'number' && Number.isInteger(year));
  const dateOk =
    date === undefined || (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date));
  return yearOk && dateOk;
}

/**
 * The scenario with one site's record set (replacing an earlier one for the same site); the
 * input is left unchanged.
 */
export function withProgrammeRecord<S extends { programme?: ScenarioProgramme }>(
  scenario: S,
  record: SiteProgramme,
): S {
  const records = (scenario.programme?.records ?? []).filter((r) => r.id !== record.id);
  return { ...scenario, programme: { records: [...records, record] } };
}

/**
 * The records in force while a scenario is shown: the city's, with the scenario's replacing
 * those of the same sites.
 */
export function mergeProgrammeRecords(
  cityRecords: readonly SiteProgramme[],
  scenario: { programme?: ScenarioProgramme },
): SiteProgramme[] {
  const own = scenario.programme?.records ?? [];
  const ids = new Set(own.map((r) => r.id));
  return [...cityRecords.filter((r) => !ids.has(r.id)), ...own];
}

/**
 * Drops status records of sites the scenario no longer knows (an undone add-site), keeping the
 * scenario valid. Returns the same object when nothing was dropped.
 */
export function pruneProgramme<
  S extends { programme?: ScenarioProgramme; modifications: readonly { kind: string }[] },
>(scenario: S, baselineFacilities: readonly { id: string }[]): S {
  const records = scenario.programme?.records;
  if (records === undefined) return scenario;
  const known = new Set(baselineFacilities.map((f) => f.id));
  for (const m of scenario.modifications) {
    if (m.kind === 'add-site' && 'id' in m && typeof m.id === 'string') known.add(m.id);
  }
  const kept = records.filter((r) => known.has(r.id));
  return kept.length === records.length ? scenario : { ...scenario, programme: { records: kept } };
}
