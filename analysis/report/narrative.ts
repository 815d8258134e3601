import type { AnalysisResult } from '../coverage/analyse-city.ts';
import type { UnitRow } from '../coverage/types.ts';
import { cityCoverage } from './context.ts';
import type { ReportInput } from './types.ts';

/**
 * The numbers the report's sentences are made of: coverage per threshold before and after, the
 * threshold where the proposal changes most, the units that change most. Sentences state the
 * largest change; an unchanged figure is only ever said alongside the one that moved.
 */
export interface ThresholdChange {
  minutes: number;
  before: number | null;
  after: number | null;
  coveredBefore: number;
  coveredAfter: number;
  /** after − before (share), 0 when either is unknown. */
  delta: number;
}

export function thresholdChanges(input: ReportInput): ThresholdChange[] {
  const after = input.scenario?.result ?? input.baseline;
  return [...input.baseline.summary.thresholds]
    .sort((a, b) => a - b)
    .map((minutes) => {
      const a = cityCoverage(input.baseline, minutes);
      const b = cityCoverage(after, minutes);
      const before = a?.elders60Share ?? null;
      const share = b?.elders60Share ?? null;
      return {
        minutes,
        before,
        after: share,
        coveredBefore: a?.elders60Covered ?? 0,
        coveredAfter: b?.elders60Covered ?? 0,
        delta: before === null || share === null ? 0 : share - before,
      };
    });
}

/** The change of largest size (ties: the shorter threshold); null when nothing changes. */
export function largestChange(changes: readonly ThresholdChange[]): ThresholdChange | null {
  let best: ThresholdChange | null = null;
  for (const c of changes) {
    if (Math.abs(c.delta) < 1e-12) continue;
    if (best === null || Math.abs(c.delta) > Math.abs(best.delta) + 1e-12) best = c;
  }
  return best;
}

export interface UnitChange {
  unit: UnitRow;
  before: number;
  after: number;
  /** Elders newly within `minutes` (negative: lost). */
  gained: number;
}

/** Per unit: elders within `minutes` before and after, largest gains first. */
export function unitChanges(
  baseline: AnalysisResult,
  scenario: AnalysisResult,
  minutes: number,
): UnitChange[] {
  const k = baseline.summary.thresholds.indexOf(minutes);
  const j = scenario.summary.thresholds.indexOf(minutes);
  if (k < 0 || j < 0) return [];
  const after = new Map(scenario.units.map((u) => [u.unitId, u]));
  return baseline.units
    .map((u) => {
      const b = after.get(u.unitId);
      const before = u.elders60Within[k] ?? 0;
      const now = b?.elders60Within[j] ?? before;
      return { unit: u, before, after: now, gained: now - before };
    })
    .filter((c) => c.gained !== 0)
    .sort((a, b) => Math.abs(b.gained) - Math.abs(a.gained));
}

/** Elders outside `minutes` per unit, most first (units with none left out). */
export function unitGaps(result: AnalysisResult, minutes: number, level?: string) {
  const k = result.summary.thresholds.indexOf(minutes);
  if (k < 0) return [];
  return result.units
    .filter((u) => level === undefined || u.level === level)
    .map((u) => ({ unit: u, outside: u.elders60 - (u.elders60Within[k] ?? 0) }))
    .filter((g) => g.outside > 0)
    .sort((a, b) => b.outside - a.outside);
}
