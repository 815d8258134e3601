/**
 * A read-only snapshot for end-to-end tests: what the page has drawn. It is replaced (never
 * mutated) whenever the map finishes a new set of layers.
 */
export interface CareCircleTestState {
  ready: boolean;
  counts: { facilities: number; populationCells: number; roads: number; buildings: number };
  layers: string[];
}

declare global {
  interface Window {
    readonly __carecircle?: Readonly<CareCircleTestState>;
  }
}

export function publishTestState(state: CareCircleTestState): void {
  const frozen = Object.freeze({
    ...state,
    counts: Object.freeze({ ...state.counts }),
    layers: Object.freeze([...state.layers]),
  });
  Object.defineProperty(window, '__carecircle', {
    value: frozen,
    writable: false,
    configurable: true,
    enumerable: false,
  });
}
