import type { Bilingual } from '../standards/quote-check.ts';
import { joinRegister, type RegisterEntry } from './register.ts';
import { reachedBy, statusAsOf } from './status.ts';
import { targetYears } from './targets.ts';
import {
  type Citation,
  type ProgrammeProfile,
  type ProgrammeRegister,
  SITE_STATUSES,
  type SiteStatus,
  type Target,
  type TargetMetric,
} from './types.ts';

/**
 * Targets against achievements, year by year: a site counts for a year when it had reached the
 * target's status (default accepted) by the end of that year. Baseline facilities (no programme
 * record) count in every year. Coverage targets need the coverage engine: the caller passes the
 * measured share, else it is reported as not measured.
 */
export interface UnitAchievement {
  achieved: number | null;
  numerator?: number;
  denominator?: number;
}

export interface TargetProgress extends UnitAchievement {
  id: string;
  year: number;
  metric: TargetMetric;
  label: { zh: string; en: string };
  roles: string[];
  minStatus: SiteStatus;
  unitId?: string;
  target: number;
  /** target − achieved when short, else 0; null when not measured. */
  gap: number | null;
  met: boolean | null;
  byUnit: Record<string, UnitAchievement>;
  citation: Citation;
  /** Why the target is not measured (English; `notes` has both languages). */
  note?: string;
  notes: Bilingual[];
}

export interface ProgressYear {
  year: number;
  targets: TargetProgress[];
  /** Programme projects per role and status as of the end of the year (not_started: no step yet). */
  projectsByStatus: Record<string, Record<SiteStatus | 'not_started', number>>;
}

export interface ProgressOptions {
  /** Years to report; default: the profile's target years. */
  years?: readonly number[];
  /** Facility id → unit id, for sites whose record has no unitId. */
  unitIds?: ReadonlyMap<string, string>;
  /** Measured coverage share (0–1) for coverage targets; undefined = not measured. */
  coverage?: (
    year: number,
    minutes: number | undefined,
    unitId: string | undefined,
  ) => number | undefined;
}

export function programmeProgress(
  register: ProgrammeRegister,
  profile: ProgrammeProfile,
  options: ProgressOptions = {},
): ProgressYear[] {
  const { entries } = joinRegister(register, profile);
  const unitOf = (entry: RegisterEntry) =>
    entry.site?.unitId ?? options.unitIds?.get(entry.facility.id);
  const years = options.years ?? targetYears(profile);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      targets: profile.targets
        .filter((target) => target.year === year)
        .map((target) => measureTarget(target, entries, unitOf, options)),
      projectsByStatus: countProjects(entries, profile, year),
    }));
}

/** Open at the end of the year for counting: baseline, an upgraded existing center, or reached. */
function counts(entry: RegisterEntry, target: Target): boolean {
  const site = entry.site;
  return site === undefined || site.upgraded || reachedBy(site, target.minStatus, target.year);
}

function measureTarget(
  target: Target,
  entries: RegisterEntry[],
  unitOf: (entry: RegisterEntry) => string | undefined,
  options: ProgressOptions,
): TargetProgress {
  const relevant = entries.filter(
    (entry) =>
      target.roles.some((role) => entry.roles.includes(role)) &&
      (target.unitId === undefined || unitOf(entry) === target.unitId),
  );
  const measure = (subset: RegisterEntry[], unitId: string | undefined): UnitAchievement => {
    switch (target.metric) {
      case 'count':
        return { achieved: subset.filter((entry) => counts(entry, target)).length };
      case 'share_upgraded': {
        const open = subset.filter((entry) => counts(entry, target));
        const upgraded = open.filter(
          (entry) =>
            entry.site?.upgraded === true && reachedBy(entry.site, target.minStatus, target.year),
        ).length;
        return {
          achieved: open.length === 0 ? null : round4(upgraded / open.length),
          numerator: upgraded,
          denominator: open.length,
        };
      }
      case 'coverage_share': {
        const share = options.coverage?.(target.year, target.minutes, unitId);
        return { achieved: share === undefined ? null : round4(share) };
      }
    }
  };
  const citywide = measure(relevant, target.unitId);
  const byUnit: Record<string, UnitAchievement> = {};
  if (target.metric !== 'coverage_share') {
    const units = [...new Set(relevant.map(unitOf))].filter((id): id is string => id !== undefined);
    for (const unitId of units.sort()) {
      byUnit[unitId] = measure(
        relevant.filter((entry) => unitOf(entry) === unitId),
        unitId,
      );
    }
  }
  const achieved = citywide.achieved;
  const gap = achieved === null ? null : round4(Math.max(0, target.value - achieved));
  return {
    id: target.id,
    year: target.year,
    metric: target.metric,
    label: target.label,
    roles: target.roles,
    minStatus: target.minStatus,
    ...(target.unitId === undefined ? {} : { unitId: target.unitId }),
    target: target.value,
    ...citywide,
    gap,
    met: achieved === null ? null : achieved >= target.value,
    byUnit,
    citation: target.citation,
    ...(achieved === null ? { note: notMeasuredNote(target.metric).en } : {}),
    notes: achieved === null ? [notMeasuredNote(target.metric)] : [],
  };
}

function notMeasuredNote(metric: TargetMetric): Bilingual {
  return metric === 'coverage_share'
    ? {
        zh: '未测算覆盖率：需以当年开放的设施运行覆盖分析',
        en: 'coverage not measured: run the coverage engine on sitesOpenBy(year)',
      }
    : { zh: '当年没有此类设施开放', en: 'no site of these roles is open in this year' };
}

function countProjects(entries: RegisterEntry[], profile: ProgrammeProfile, year: number) {
  const result: Record<string, Record<SiteStatus | 'not_started', number>> = {};
  for (const role of Object.keys(profile.roles)) {
    const row = { not_started: 0 } as Record<SiteStatus | 'not_started', number>;
    for (const status of SITE_STATUSES) row[status] = 0;
    for (const entry of entries) {
      if (entry.site === undefined || entry.site.baseline || !entry.roles.includes(role)) continue;
      row[statusAsOf(entry.site, year) ?? 'not_started'] += 1;
    }
    result[role] = row;
  }
  return result;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
