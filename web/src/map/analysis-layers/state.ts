import type { TravelProfile } from '../../../../analysis/standards/types.ts';

export type CircleView = 'dissolved' | 'overlap' | 'split';
export type ElderMode = 'minutes' | 'covered';

/** What the analysis layers show; one plain object, changed only through the legend controls. */
export interface AnalysisLayerState {
  travel: TravelProfile;
  /** Thresholds switched on (minutes). */
  thresholds: number[];
  circleView: CircleView;
  circles: boolean;
  elders: boolean;
  elderMode: ElderMode;
  /** Threshold for the covered/uncovered colouring. */
  coveredMinutes: number;
  radius: boolean;
  units: boolean;
  clusters: boolean;
}

export const INITIAL_LAYER_STATE: AnalysisLayerState = {
  travel: 'walk-elderly',
  thresholds: [5, 10, 15],
  circleView: 'dissolved',
  circles: true,
  elders: false,
  elderMode: 'minutes',
  coveredMinutes: 15,
  radius: false,
  units: false,
  clusters: true,
};

export const ANALYSIS_LAYER_IDS = {
  unitFill: 'analysis-units',
  elders: 'analysis-elders',
  circleFill: 'analysis-circles',
  circleSplit: 'analysis-circles-split',
  radiusReach: 'analysis-radius-reach',
  radiusRings: 'analysis-radius-rings',
  clusters: 'analysis-clusters',
} as const;

/** Toggles one threshold, keeping the list sorted. */
export function toggleThreshold(list: readonly number[], minutes: number): number[] {
  return list.includes(minutes)
    ? list.filter((m) => m !== minutes)
    : [...list, minutes].sort((a, b) => a - b);
}
