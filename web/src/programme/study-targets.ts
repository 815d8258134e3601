import type { PopulationTotals } from '../../../analysis/city/types.ts';
import type { TargetOverride } from '../../../analysis/programme/targets.ts';
import type { ProgrammeProfile, Target } from '../../../analysis/programme/types.ts';

/**
 * A programme's count targets are set for its whole city (海宁市: 140 points for 1.08 M
 * residents); a study area gets a stated share of them, never the city-wide figure: its
 * elders (or residents) over the programme's city-wide population, which the user enters.
 * A target the user enters for the study area wins. Ratio targets (shares) apply as they are.
 */
export type ScaleBasis = 'elders60' | 'residents';

export interface StudyScale {
  basis: ScaleBasis;
  /** The programme city's population on that basis; null until the user enters it. */
  cityWide: number | null;
}

export const DEFAULT_SCALE: StudyScale = { basis: 'elders60', cityWide: null };

export interface StudyShare {
  /** The study area's population on the basis (from the city's population). */
  study: number;
  cityWide: number;
  /** study / cityWide. */
  share: number;
}

export type TargetSource = 'entered' | 'scaled' | 'ratio' | 'pending';

export interface StudyTarget {
  target: Target;
  /** The programme's own value (city-wide for counts). */
  programmeValue: number;
  /** The value for the study area; null while a count target has neither a share nor an entry. */
  value: number | null;
  source: TargetSource;
}

export const isRatio = (target: Pick<Target, 'metric'>): boolean => target.metric !== 'count';

/** The stated share, or null when the city-wide population or the study's is unknown. */
export function studyShare(scale: StudyScale, totals: PopulationTotals | null): StudyShare | null {
  if (totals === null || scale.cityWide === null || !(scale.cityWide > 0)) return null;
  const study = scale.basis === 'elders60' ? totals.elders60 : totals.residents;
  return { study, cityWide: scale.cityWide, share: study / scale.cityWide };
}

export function studyTargets(
  profile: ProgrammeProfile,
  entered: readonly TargetOverride[],
  share: StudyShare | null,
): StudyTarget[] {
  return profile.targets.map((target) => {
    const own = entered.find((o) => o.id === target.id && o.year === target.year);
    const programmeValue = target.value;
    if (own?.value !== undefined)
      return { target, programmeValue, value: own.value, source: 'entered' };
    if (isRatio(target)) return { target, programmeValue, value: target.value, source: 'ratio' };
    if (share === null) return { target, programmeValue, value: null, source: 'pending' };
    // A share of a count of sites is still a count: rounded to whole sites.
    return {
      target,
      programmeValue,
      value: Math.round(target.value * share.share),
      source: 'scaled',
    };
  });
}

/** The profile the progress is measured against: study-area values, pending targets left out. */
export function studyProfile(
  profile: ProgrammeProfile,
  targets: readonly StudyTarget[],
): ProgrammeProfile {
  return {
    ...profile,
    targets: targets
      .filter((t): t is StudyTarget & { value: number } => t.value !== null)
      .map((t) => ({ ...t.target, value: t.value })),
  };
}

/** A user's entry for one target; a ratio is entered in percent and kept as a share 0–1. */
export function enteredValue(target: Pick<Target, 'metric'>, input: number): number {
  return isRatio(target) ? Math.min(Math.max(input / 100, 0), 1) : Math.max(Math.round(input), 0);
}
