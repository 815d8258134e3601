import type { SitingModel } from './optimise-types.ts';

/**
 * Greedy construction + 1-swap local search for the maximal covering problem, and greedy +
 * pruning for partial set cover. Works on integer counts per demand cell, so a gain or loss
 * is O(|cover of one candidate|) and a full swap pass is O(N · nonzeros).
 */
export class CoverSelection {
  /** Chosen sites covering each demand cell. */
  readonly counts: Int32Array;
  readonly chosen: number[] = [];
  readonly isChosen: Uint8Array;
  /** Sites chosen per unit constraint. */
  readonly unitCounts: Int32Array;
  /** Unit constraint indices per candidate. */
  private readonly unitsOf: number[][];
  covered = 0;

  constructor(readonly model: SitingModel) {
    this.counts = new Int32Array(model.weights.length);
    this.isChosen = new Uint8Array(model.candidates.length);
    this.unitCounts = new Int32Array(model.units.length);
    this.unitsOf = model.candidates.map(() => []);
    model.units.forEach((unit, u) => {
      for (const j of unit.members) this.unitsOf[j].push(u);
    });
  }

  /** Weight newly covered if j were added. */
  gain(j: number): number {
    let sum = 0;
    for (const i of this.model.cover[j]) if (this.counts[i] === 0) sum += this.model.weights[i];
    return sum;
  }

  /** Weight lost if j (chosen) were removed. */
  loss(j: number): number {
    let sum = 0;
    for (const i of this.model.cover[j]) if (this.counts[i] === 1) sum += this.model.weights[i];
    return sum;
  }

  add(j: number): void {
    this.covered += this.gain(j);
    for (const i of this.model.cover[j]) this.counts[i]++;
    this.isChosen[j] = 1;
    this.chosen.push(j);
    for (const u of this.unitsOf[j]) this.unitCounts[u]++;
  }

  remove(j: number): void {
    this.covered -= this.loss(j);
    for (const i of this.model.cover[j]) this.counts[i]--;
    this.isChosen[j] = 0;
    this.chosen.splice(this.chosen.indexOf(j), 1);
    for (const u of this.unitsOf[j]) this.unitCounts[u]--;
  }

  /** True when adding j keeps every unit at or below its maximum. */
  canAdd(j: number): boolean {
    return this.unitsOf[j].every((u) => this.unitCounts[u] < this.model.units[u].max);
  }

  /** True when removing j keeps every unit at or above its minimum. */
  canRemove(j: number): boolean {
    return this.unitsOf[j].every((u) => this.unitCounts[u] > this.model.units[u].min);
  }

  /** Best addable candidate (optionally restricted to one unit) by gain, or -1. */
  bestAddition(members?: ArrayLike<number>): { j: number; gain: number } {
    let best = { j: -1, gain: -1 };
    const n = members ? members.length : this.model.candidates.length;
    for (let k = 0; k < n; k++) {
      const j = members ? members[k] : k;
      if (this.isChosen[j] === 1 || !this.canAdd(j)) continue;
      const g = this.gain(j);
      if (g > best.gain) best = { j, gain: g };
    }
    return best;
  }

  /** Adds sites until every unit minimum holds (best gain first). Returns false if stuck. */
  satisfyUnitMinimums(): boolean {
    for (;;) {
      let pick = { j: -1, gain: -1 };
      this.model.units.forEach((unit, u) => {
        if (this.unitCounts[u] >= unit.min) return;
        const candidate = this.bestAddition(unit.members);
        if (candidate.gain > pick.gain) pick = candidate;
      });
      if (pick.j < 0) return this.model.units.every((unit, u) => this.unitCounts[u] >= unit.min);
      this.add(pick.j);
    }
  }
}

/** Greedy MCLP with at most `newSites` sites, then 1-swap until no swap improves. */
export function greedySwapMclp(
  model: SitingModel,
  newSites: number,
  maxPasses = 50,
): CoverSelection {
  const selection = new CoverSelection(model);
  selection.satisfyUnitMinimums();
  while (selection.chosen.length < newSites) {
    const { j, gain } = selection.bestAddition();
    if (j < 0 || gain <= 0) break;
    selection.add(j);
  }
  swapImprove(selection, maxPasses);
  return selection;
}

/** First-improvement 1-swap: replace a chosen site by an unchosen one when coverage grows. */
export function swapImprove(selection: CoverSelection, maxPasses: number): void {
  const eps = 1e-9 * Math.max(1, selection.model.totalWeight);
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (const j of [...selection.chosen]) {
      const loss = selection.loss(j);
      selection.remove(j);
      // canAdd/canRemove are checked with j already out, so unit bounds hold after the swap.
      const unitOk = (k: number) => selection.canAdd(k);
      let best = { j: -1, gain: loss + eps };
      for (let k = 0; k < selection.model.candidates.length; k++) {
        if (k === j || selection.isChosen[k] === 1 || !unitOk(k)) continue;
        const g = selection.gain(k);
        if (g > best.gain) best = { j: k, gain: g };
      }
      const swapTo = best.j >= 0 && keepsMinimums(selection, best.j) ? best.j : j;
      selection.add(swapTo);
      if (swapTo !== j) improved = true;
    }
    if (!improved) return;
  }
}

/** After removing a site, does adding k restore every unit minimum? */
function keepsMinimums(selection: CoverSelection, k: number): boolean {
  selection.add(k);
  const ok = selection.model.units.every((unit, u) => selection.unitCounts[u] >= unit.min);
  selection.remove(k);
  return ok;
}

/**
 * Greedy partial cover: fewest sites reaching `requiredWeight` newly covered elders.
 * Returns null when even every allowed candidate cannot reach it.
 */
export function greedyPartialCover(
  model: SitingModel,
  requiredWeight: number,
): CoverSelection | null {
  const eps = 1e-9 * Math.max(1, model.totalWeight);
  const selection = new CoverSelection(model);
  if (!selection.satisfyUnitMinimums()) return null;
  while (selection.covered < requiredWeight - eps) {
    const { j, gain } = selection.bestAddition();
    if (j < 0 || gain <= 0) return null;
    selection.add(j);
  }
  // Prune sites made redundant by later picks, cheapest loss first.
  const byLoss = [...selection.chosen].sort((a, b) => selection.loss(a) - selection.loss(b));
  for (const j of byLoss) {
    if (selection.canRemove(j) && selection.covered - selection.loss(j) >= requiredWeight - eps) {
      selection.remove(j);
    }
  }
  return selection;
}

/** Submodular upper bound: f(S) + the `slots` largest marginal gains over S. */
export function submodularBound(selection: CoverSelection, slots: number): number {
  const gains: number[] = [];
  for (let j = 0; j < selection.model.candidates.length; j++) {
    if (selection.isChosen[j] === 0) gains.push(selection.gain(j));
  }
  gains.sort((a, b) => b - a);
  return selection.covered + gains.slice(0, slots).reduce((sum, g) => sum + g, 0);
}

/** Fewest sites whose single-site gains could add up to the requirement (LSCP lower bound). */
export function countingLowerBound(model: SitingModel, requiredWeight: number): number {
  const eps = 1e-9 * Math.max(1, model.totalWeight);
  const gains = model.cover
    .map((cells) => cells.reduce((sum, i) => sum + model.weights[i], 0))
    .sort((a, b) => b - a);
  let sum = 0;
  let k = 0;
  while (sum < requiredWeight - eps && k < gains.length) sum += gains[k++];
  const minimums = model.units.reduce((total, unit) => total + unit.min, 0);
  return Math.max(k, minimums);
}
