import type { AnalysisSummary } from './summary.ts';

export interface StepDependency {
  minutes: number;
  /** Elders (60+) within `minutes` walking, but not without steps. */
  elders60: number;
  /** The same as a share of all elders (null when there are none). */
  share: number | null;
}

/**
 * How much of the elders' coverage depends on steps: per threshold, the elders a site reaches
 * walking (walk-elderly) that it does not reach step-free (wheelchair), citywide, any site. Both
 * profiles walk at the same speed unless the user sets another, so the difference is the network.
 * Empty when the analysis has no step-free figures (a city without a walk graph).
 */
export function stepDependency(
  summary: Pick<AnalysisSummary, 'coverage' | 'population'>,
): StepDependency[] {
  const city = (profile: string) =>
    new Map(summary.coverage.filter((c) => c.profile === profile).map((c) => [c.minutes, c]));
  const total = summary.population.elders60;
  const walking = city('walk-elderly');
  const stepFree = city('wheelchair');
  const out: StepDependency[] = [];
  for (const [minutes, walk] of walking) {
    const free = stepFree.get(minutes);
    if (free === undefined) continue;
    const elders60 = Math.max(0, walk.elders60Covered - free.elders60Covered);
    out.push({ minutes, elders60, share: total > 0 ? elders60 / total : null });
  }
  return out.sort((a, b) => a.minutes - b.minutes);
}
