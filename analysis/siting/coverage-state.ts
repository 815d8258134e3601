import { InputError } from '../errors.ts';

/**
 * Incremental coverage: per population cell, the best travel time over all facilities and the
 * number of facilities within each threshold; per threshold, the elders covered. Adding or
 * removing one facility costs O(size of its reach) (plus, on removal, a walk over the other
 * facilities reaching the cells whose best time it held), so a one-site scenario edit never
 * recomputes the whole city.
 *
 * Memory is typed arrays indexed by a cell index (position in the population cell list):
 * reach entries live in a pooled doubly linked list per cell (struct of arrays, free list),
 * so steady-state edits allocate nothing but the facility's own entry-id array.
 */
export interface CoverageStateOptions {
  /** Ascending thresholds in minutes, e.g. [5, 10, 15, 30]. */
  thresholds: readonly number[];
}

interface FacilitySlot {
  entries: Int32Array;
}

const NONE = -1;

export class CoverageState {
  readonly cellCount: number;
  readonly thresholds: readonly number[];
  private readonly cellIndex = new Map<string, number>();
  private readonly weights: Float64Array;
  /** counts[t * cellCount + cell]: facilities reaching the cell within thresholds[t]. */
  private readonly counts: Uint32Array;
  private readonly best: Float32Array;
  private readonly head: Int32Array;
  private readonly covered: Float64Array;
  private readonly totalWeight: number;
  private readonly facilities = new Map<string, FacilitySlot>();
  // Entry pool (struct of arrays).
  private entryCell = new Int32Array(1024);
  private entryMinutes = new Float32Array(1024);
  private entryPrev = new Int32Array(1024);
  private entryNext = new Int32Array(1024);
  private entryUsed = 0;
  private freeHead = NONE;
  // Cells whose best time or counts changed since the last drainChangedCells().
  private readonly changedFlag: Uint8Array;
  private changed: number[] = [];

  constructor(cells: readonly string[], weights: ArrayLike<number>, options: CoverageStateOptions) {
    if (weights.length !== cells.length) {
      throw new Error(`CoverageState: ${cells.length} cells but ${weights.length} weights`);
    }
    const thresholds = [...options.thresholds];
    if (
      thresholds.length === 0 ||
      thresholds.some((t, i) => !(t > 0) || t <= (thresholds[i - 1] ?? 0))
    ) {
      throw new InputError('E_BAD_THRESHOLDS', 'thresholds must be positive and ascending');
    }
    this.cellCount = cells.length;
    this.thresholds = thresholds;
    cells.forEach((h3, i) => {
      this.cellIndex.set(h3, i);
    });
    this.weights = Float64Array.from(weights);
    this.totalWeight = this.weights.reduce((sum, w) => sum + w, 0);
    this.counts = new Uint32Array(thresholds.length * cells.length);
    this.best = new Float32Array(cells.length).fill(Number.POSITIVE_INFINITY);
    this.head = new Int32Array(cells.length).fill(NONE);
    this.covered = new Float64Array(thresholds.length);
    this.changedFlag = new Uint8Array(cells.length);
  }

  /** Index of a population cell, or -1 when the cell has no population row. */
  indexOf(h3: string): number {
    return this.cellIndex.get(h3) ?? NONE;
  }

  /** Maps a reach given by H3 ids to cell indices (-1 for cells without population). */
  toCellIndices(cells: readonly string[]): Int32Array {
    const out = new Int32Array(cells.length);
    for (let i = 0; i < cells.length; i++) out[i] = this.indexOf(cells[i]);
    return out;
  }

  has(facilityId: string): boolean {
    return this.facilities.has(facilityId);
  }

  get facilityCount(): number {
    return this.facilities.size;
  }

  /**
   * Adds a facility's reach: cell indices (from indexOf/toCellIndices; -1 entries skipped) and
   * travel minutes. Replaces an earlier reach of the same id.
   */
  addFacility(facilityId: string, cells: ArrayLike<number>, minutes: ArrayLike<number>): void {
    if (cells.length !== minutes.length) {
      throw new Error(`CoverageState: reach of ${facilityId} has mismatched arrays`);
    }
    if (this.facilities.has(facilityId)) this.removeFacility(facilityId);
    const entries = new Int32Array(cells.length);
    let kept = 0;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell < 0 || cell >= this.cellCount) continue;
      // Round once so that add and remove compare the same float32 value to the thresholds.
      const m = Math.fround(minutes[i]);
      const e = this.allocEntry(cell, m);
      entries[kept++] = e;
      if (m < this.best[cell]) this.best[cell] = m;
      this.bumpCounts(cell, m, 1);
      this.markChanged(cell);
    }
    this.facilities.set(facilityId, { entries: entries.subarray(0, kept) });
  }

  /** Withdraws a facility's reach; returns false when the id was not present. */
  removeFacility(facilityId: string): boolean {
    const slot = this.facilities.get(facilityId);
    if (slot === undefined) return false;
    this.facilities.delete(facilityId);
    for (const e of slot.entries) {
      const cell = this.entryCell[e];
      const m = this.entryMinutes[e];
      this.freeEntry(e);
      this.bumpCounts(cell, m, -1);
      if (m <= this.best[cell]) this.best[cell] = this.recomputeBest(cell);
      this.markChanged(cell);
    }
    return true;
  }

  /** Elders (sum of weights) within thresholds[t] minutes of at least one facility. */
  coveredWeight(thresholdIndex: number): number {
    return this.covered[thresholdIndex];
  }

  coveredShare(thresholdIndex: number): number {
    return this.totalWeight > 0 ? this.covered[thresholdIndex] / this.totalWeight : 0;
  }

  get total(): number {
    return this.totalWeight;
  }

  /** Best travel time to the cell in minutes (Infinity when unreached). */
  bestMinutes(cell: number): number {
    return this.best[cell];
  }

  /** Facilities reaching the cell within thresholds[t]. */
  countWithin(cell: number, thresholdIndex: number): number {
    return this.counts[thresholdIndex * this.cellCount + cell];
  }

  /** Read-only view of all best times (no copy; do not write). */
  bestMinutesView(): Float32Array {
    return this.best;
  }

  /** Cells touched since the last call (for map highlighting and partial metric updates). */
  drainChangedCells(): number[] {
    const out = this.changed;
    for (const cell of out) this.changedFlag[cell] = 0;
    this.changed = [];
    return out;
  }

  private markChanged(cell: number): void {
    if (this.changedFlag[cell] === 0) {
      this.changedFlag[cell] = 1;
      this.changed.push(cell);
    }
  }

  private bumpCounts(cell: number, minutes: number, delta: 1 | -1): void {
    for (let t = 0; t < this.thresholds.length; t++) {
      if (minutes > this.thresholds[t]) continue;
      const at = t * this.cellCount + cell;
      const before = this.counts[at];
      this.counts[at] = before + delta;
      if (delta === 1 && before === 0) this.covered[t] += this.weights[cell];
      if (delta === -1 && before === 1) this.covered[t] -= this.weights[cell];
    }
  }

  private recomputeBest(cell: number): number {
    let best = Number.POSITIVE_INFINITY;
    for (let e = this.head[cell]; e !== NONE; e = this.entryNext[e]) {
      if (this.entryMinutes[e] < best) best = this.entryMinutes[e];
    }
    return best;
  }

  private allocEntry(cell: number, minutes: number): number {
    let e = this.freeHead;
    if (e !== NONE) this.freeHead = this.entryNext[e];
    else {
      if (this.entryUsed === this.entryCell.length) this.growPool();
      e = this.entryUsed++;
    }
    this.entryCell[e] = cell;
    this.entryMinutes[e] = minutes;
    this.entryPrev[e] = NONE;
    const first = this.head[cell];
    this.entryNext[e] = first;
    if (first !== NONE) this.entryPrev[first] = e;
    this.head[cell] = e;
    return e;
  }

  private freeEntry(e: number): void {
    const prev = this.entryPrev[e];
    const next = this.entryNext[e];
    if (prev !== NONE) this.entryNext[prev] = next;
    else this.head[this.entryCell[e]] = next;
    if (next !== NONE) this.entryPrev[next] = prev;
    this.entryNext[e] = this.freeHead;
    this.freeHead = e;
  }

  private growPool(): void {
    const size = this.entryCell.length * 2;
    const grow = <T extends Int32Array | Float32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.entryCell = grow(this.entryCell, (n) => new Int32Array(n));
    this.entryMinutes = grow(this.entryMinutes, (n) => new Float32Array(n));
    this.entryPrev = grow(this.entryPrev, (n) => new Int32Array(n));
    this.entryNext = grow(this.entryNext, (n) => new Int32Array(n));
  }
}
