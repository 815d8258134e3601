/**
 * A read-only snapshot for end-to-end tests: what the page has drawn. It is replaced (never
 * mutated) whenever the map finishes a new set of layers.
 */
export interface CareCircleTestState {
  ready: boolean;
  /** buildings: null when the city is served and its manifest does not count them. */
  counts: { facilities: number; populationCells: number; roads: number; buildings: number | null };
  /**
   * Features of the base map's roads and buildings that maplibre holds (its worker loads them),
   * counted when read: counting a county's tiles on every redraw would block the page.
   */
  readonly baseFeatures: BaseFeatures;
  layers: string[];
  /** How many sets of layers the map has been given so far (each one redraws it); read live. */
  readonly layerSets: number;
  /** Citywide numbers of the last finished analysis; absent until one has run. */
  analysis?: AnalysisTestState;
}

export interface BaseFeatures {
  roads: number;
  buildings: number;
}

/** The map's part of the snapshot; base features are counted only when a test reads them. */
export type MapTestState = Omit<CareCircleTestState, 'baseFeatures' | 'analysis' | 'layerSets'> & {
  countBaseFeatures(): BaseFeatures;
};

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

let mapState: MapTestState | null = null;
let analysisState: AnalysisTestState | undefined;
let layerSets = 0;

/** The map was given a new set of layers. */
export function countLayerSet(): void {
  layerSets += 1;
}

/** The map and the analysis publish independently: each keeps the other's part. */
export function publishTestState(state: MapTestState): void {
  mapState = state;
  publish();
}

/** Adds the analysis numbers to the current snapshot. */
export function publishAnalysisState(analysis: AnalysisTestState): void {
  analysisState = analysis;
  publish();
}

function publish(): void {
  const map = mapState;
  const snapshot: CareCircleTestState = {
    ready: map?.ready ?? false,
    get layerSets() {
      return layerSets;
    },
    counts: Object.freeze({ ...(map?.counts ?? NO_COUNTS) }),
    layers: Object.freeze([...(map?.layers ?? [])]) as string[],
    get baseFeatures() {
      return Object.freeze(map?.countBaseFeatures() ?? { roads: 0, buildings: 0 });
    },
    ...(analysisState === undefined ? {} : { analysis: analysisState }),
  };
  Object.defineProperty(window, '__carecircle', {
    value: Object.freeze(snapshot),
    writable: false,
    configurable: true,
    enumerable: false,
  });
}

const NO_COUNTS = { facilities: 0, populationCells: 0, roads: 0, buildings: 0 };
