/**
 * A read-only snapshot for end-to-end tests: what the page has drawn. It is replaced (never
 * mutated) whenever the map finishes a new set of layers.
 */
export interface CareCircleTestState {
  ready: boolean;
  /** buildings: null when the city is served and its manifest does not count them. */
  counts: { facilities: number; populationCells: number; roads: number; buildings: number | null };
  /** Features of the base map's roads and buildings that maplibre holds (its worker loads them). */
  baseFeatures: { roads: number; buildings: number };
  layers: string[];
  /** Citywide numbers of the last finished analysis; absent until one has run. */
  analysis?: AnalysisTestState;
}

/** What the analysis showed, for comparison with `carecircle analyse` (summary.json). */
export interface AnalysisTestState {
  runs: number;
  profile: string;
  /** walk-elderly, any facility: elders60 share per threshold. */
  coverage: { minutes: number; elders60Share: number | null }[];
  radius300: { straight: number | null; network: number | null };
  findings: { evaluated: number; passed: number; failed: number };
  /** Milliseconds from navigation start to the request sent to the worker. */
  startedAtMs: number;
  /** Milliseconds from navigation start to the analysis result on screen. */
  finishedAtMs: number;
  /** Inside the worker: waiting for duckdb-wasm, routing, and the whole run (ms). */
  workerMs: { db: number; routing: number; total: number };
}

declare global {
  interface Window {
    readonly __carecircle?: Readonly<CareCircleTestState>;
  }
}

export function publishTestState(state: CareCircleTestState): void {
  // The map and the analysis publish independently: keep the other's part.
  const analysis = state.analysis ?? window.__carecircle?.analysis;
  const frozen = Object.freeze({
    ...state,
    ...(analysis === undefined ? {} : { analysis }),
    counts: Object.freeze({ ...state.counts }),
    baseFeatures: Object.freeze({ ...state.baseFeatures }),
    layers: Object.freeze([...state.layers]),
  });
  Object.defineProperty(window, '__carecircle', {
    value: frozen,
    writable: false,
    configurable: true,
    enumerable: false,
  });
}

/** Adds the analysis numbers to the current snapshot. */
export function publishAnalysisState(analysis: AnalysisTestState): void {
  const current = window.__carecircle ?? {
    ready: false,
    counts: { facilities: 0, populationCells: 0, roads: 0, buildings: 0 },
    baseFeatures: { roads: 0, buildings: 0 },
    layers: [],
  };
  publishTestState({ ...current, layers: [...current.layers], analysis });
}
