import { InputError } from '../errors.ts';
import { SITE_STATUSES, type SiteProgramme, type SiteStatus, type StatusStep } from './types.ts';

/**
 * The status flow proposed → planned → reviewed → under_construction → built → accepted.
 * Interactive edits move one step at a time; imported registers may skip steps (the office only
 * recorded the latest), which is accepted with a warning.
 */

export const STATUS_LABELS: Record<SiteStatus, { zh: string; en: string }> = {
  proposed: { zh: '拟建', en: 'proposed' },
  planned: { zh: '列入年度任务', en: 'planned' },
  reviewed: { zh: '评审通过', en: 'reviewed' },
  under_construction: { zh: '在建', en: 'under construction' },
  built: { zh: '建成', en: 'built' },
  accepted: { zh: '验收通过', en: 'accepted' },
};

export function statusRank(status: SiteStatus): number {
  return SITE_STATUSES.indexOf(status);
}

export function isSiteStatus(value: string): value is SiteStatus {
  return (SITE_STATUSES as readonly string[]).includes(value);
}

export interface StatusIssue {
  siteId: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** The year a step was reached: its year, else the year of its date. */
export function stepYear(step: StatusStep | undefined): number | undefined {
  if (step === undefined) return undefined;
  if (step.year !== undefined) return step.year;
  return step.date === undefined ? undefined : Number(step.date.slice(0, 4));
}

/**
 * Checks one record's history. Every step from planned up to the status must be recorded;
 * `imported`: skipped steps are warnings (the register only recorded some steps), otherwise
 * errors. The proposal step is optional. Dates and years must never go backwards.
 */
export function checkStatusHistory(site: SiteProgramme, options: { imported: boolean }) {
  const issues: StatusIssue[] = [];
  const issue = (code: string, message: string, severity: 'error' | 'warning') =>
    issues.push({ siteId: site.id, code, message, severity });
  const current = statusRank(site.status);
  const missing: SiteStatus[] = [];
  let lastDate: string | undefined;
  let lastYear: number | undefined;
  for (const [rank, status] of SITE_STATUSES.entries()) {
    const step = site.steps[status];
    if (rank > current) {
      if (step !== undefined) {
        issue(
          'E_STEP_AFTER_STATUS',
          `step ${status} is recorded but the status is ${site.status}`,
          'error',
        );
      }
      continue;
    }
    if (step === undefined) {
      // A proposal is often never recorded: sites enter the programme directly as planned.
      if (rank < current && status !== 'proposed') missing.push(status);
      continue;
    }
    if (step.date !== undefined && !isIsoDate(step.date)) {
      issue('E_BAD_DATE', `${status}: "${step.date}" is not a date YYYY-MM-DD`, 'error');
      continue;
    }
    if (
      step.year !== undefined &&
      step.date !== undefined &&
      stepYear({ date: step.date }) !== step.year
    ) {
      issue('E_YEAR_DATE_MISMATCH', `${status}: year ${step.year} but date ${step.date}`, 'error');
    }
    const year = stepYear(step);
    if (step.date !== undefined && lastDate !== undefined && step.date < lastDate) {
      issue(
        'E_DATE_ORDER',
        `${status} on ${step.date} is before the previous step (${lastDate})`,
        'error',
      );
    } else if (year !== undefined && lastYear !== undefined && year < lastYear) {
      issue(
        'E_DATE_ORDER',
        `${status} in ${year} is before the previous step (${lastYear})`,
        'error',
      );
    }
    if (step.date !== undefined) lastDate = step.date;
    if (year !== undefined) lastYear = year;
  }
  // A record with no step at all is a bare status (e.g. a baseline facility): nothing skipped.
  const anyStep = SITE_STATUSES.some((status) => site.steps[status] !== undefined);
  if (missing.length > 0 && anyStep) {
    const message = `status ${site.status} without the steps ${missing.join(', ')}`;
    issue('W_SKIPPED_STEPS', message, options.imported ? 'warning' : 'error');
  }
  return issues;
}

/**
 * Moves a site one step forward (an interactive edit). Returns a new record; the input is not
 * changed. Skipping steps or going back in time is the user's error.
 */
export function advanceStatus(
  site: SiteProgramme,
  to: SiteStatus,
  options: { date?: string; year?: number } = {},
): SiteProgramme {
  if (site.baseline) {
    throw new InputError(
      'E_BASELINE_SITE',
      `${site.id}: a baseline facility has no programme status`,
    );
  }
  const from = statusRank(site.status);
  if (statusRank(to) !== from + 1) {
    const next = SITE_STATUSES[from + 1];
    throw new InputError(
      'E_STATUS_SKIP',
      `${site.id}: cannot go from ${site.status} to ${to}; the next step is ${next ?? '(none)'}`,
    );
  }
  const step: StatusStep = {};
  if (options.date !== undefined) step.date = options.date;
  const year = options.year ?? stepYear(step);
  if (year !== undefined) step.year = year;
  const next: SiteProgramme = { ...site, status: to, steps: { ...site.steps, [to]: step } };
  const errors = checkStatusHistory(next, { imported: false }).filter(
    (found) => found.severity === 'error' && found.code !== 'W_SKIPPED_STEPS',
  );
  if (errors.length > 0) {
    throw new InputError(errors[0].code, `${site.id}: ${errors.map((e) => e.message).join('; ')}`);
  }
  return next;
}

/**
 * The status a site had reached by the end of `year`. A record without any dated step is
 * timeless (its status holds in every year). Otherwise the highest step dated ≤ year; an undated
 * step counts as reached when a later step is dated ≤ year (steps are monotonic). Null: the site
 * had not reached any step by then.
 */
export function statusAsOf(site: SiteProgramme, year: number): SiteStatus | null {
  const dated = SITE_STATUSES.some((status) => stepYear(site.steps[status]) !== undefined);
  if (!dated) return site.status;
  for (let rank = statusRank(site.status); rank >= 0; rank--) {
    const reached = stepYear(site.steps[SITE_STATUSES[rank]]);
    if (reached !== undefined && reached <= year) return SITE_STATUSES[rank];
  }
  return null;
}

/** True when the site had reached at least `minStatus` by the end of `year`. */
export function reachedBy(site: SiteProgramme, minStatus: SiteStatus, year: number): boolean {
  const status = statusAsOf(site, year);
  return status !== null && statusRank(status) >= statusRank(minStatus);
}

/** The programme year of a project: the year it was planned (列入年度), else its first dated step. */
export function programmeYear(site: SiteProgramme): number | undefined {
  const planned = stepYear(site.steps.planned);
  if (planned !== undefined) return planned;
  for (const status of SITE_STATUSES) {
    const year = stepYear(site.steps[status]);
    if (year !== undefined) return year;
  }
  return undefined;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
