import { gridDisk, latLngToCell } from 'h3-js';
import { distanceM, type LonLat } from './geometry.ts';

/** A road that bounds blocks, as a polyline. */
export interface BarrierLine {
  coords: LonLat[];
  name?: string;
}

export interface RasterBlocks {
  /** Block index per domain cell (every domain cell gets one). */
  blockOf: Map<string, number>;
  blockCount: number;
  /** Road names touching each block, with the number of touching cells. */
  roadNames: Map<string, number>[];
}

/** Marks every domain cell that a barrier line passes through (sampled at ≤ 1/3 edge length). */
function rasterise(
  lines: BarrierLine[],
  domain: Set<string>,
  res: number,
  stepM: number,
): Map<string, Set<string>> {
  const barrier = new Map<string, Set<string>>();
  const mark = (p: LonLat, name: string | undefined) => {
    const cell = latLngToCell(p[1], p[0], res);
    if (!domain.has(cell)) return;
    const names = barrier.get(cell) ?? new Set<string>();
    barrier.set(cell, names);
    if (name !== undefined) names.add(name);
  };
  for (const line of lines) {
    for (let i = 1; i < line.coords.length; i++) {
      const a = line.coords[i - 1];
      const b = line.coords[i];
      const steps = Math.max(1, Math.ceil(distanceM(a, b) / stepM));
      for (let k = 0; k <= steps; k++) {
        const t = k / steps;
        mark([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], line.name);
      }
    }
  }
  return barrier;
}

/**
 * Splits the domain cells into blocks bounded by the barrier lines: barrier cells are removed,
 * the rest flood-filled into connected components (hexagons touch only by edges, so a chain of
 * barrier cells cannot be crossed diagonally), then each barrier cell joins the neighbouring
 * block it touches most. Deterministic: cells are visited in sorted order.
 */
export function rasterBlocks(
  domainCells: string[],
  lines: BarrierLine[],
  res: number,
  stepM: number,
): RasterBlocks {
  const sorted = [...domainCells].sort();
  const domain = new Set(sorted);
  const barrier = rasterise(lines, domain, res, stepM);
  const blockOf = new Map<string, number>();
  let blockCount = 0;
  for (const start of sorted) {
    if (barrier.has(start) || blockOf.has(start)) continue;
    const id = blockCount++;
    blockOf.set(start, id);
    const stack = [start];
    while (stack.length > 0) {
      const cell = stack.pop() as string;
      for (const next of gridDisk(cell, 1)) {
        if (domain.has(next) && !barrier.has(next) && !blockOf.has(next)) {
          blockOf.set(next, id);
          stack.push(next);
        }
      }
    }
  }
  const roadNames: Map<string, number>[] = Array.from({ length: blockCount }, () => new Map());
  // Barrier cells join a neighbouring block, in waves (cells deep inside wide roads need several).
  let pending = sorted.filter((c) => barrier.has(c));
  while (pending.length > 0) {
    const assigned: [string, number][] = [];
    const still: string[] = [];
    for (const cell of pending) {
      const votes = new Map<number, number>();
      for (const next of gridDisk(cell, 1)) {
        const block = blockOf.get(next);
        if (block !== undefined) votes.set(block, (votes.get(block) ?? 0) + 1);
      }
      let best = -1;
      let bestVotes = 0;
      for (const [block, count] of votes) {
        if (count > bestVotes || (count === bestVotes && block < best))
          [best, bestVotes] = [block, count];
      }
      if (best < 0) still.push(cell);
      else {
        assigned.push([cell, best]);
        for (const block of votes.keys()) {
          for (const name of barrier.get(cell) ?? [])
            roadNames[block].set(name, (roadNames[block].get(name) ?? 0) + 1);
        }
      }
    }
    if (assigned.length === 0) {
      // Only barrier cells left (a domain covered by roads): make them one block.
      const id = blockCount++;
      roadNames.push(new Map());
      for (const cell of still) blockOf.set(cell, id);
      break;
    }
    for (const [cell, block] of assigned) blockOf.set(cell, block);
    pending = still;
  }
  return { blockOf, blockCount, roadNames };
}

/**
 * Merges blocks smaller than `minCells` into the neighbour they share the longest border with,
 * smallest first, until none is left (or one block remains). Returns the new block per cell.
 */
export function mergeSmallBlocks(blocks: RasterBlocks, minCells: number): RasterBlocks {
  const blockOf = new Map(blocks.blockOf);
  const members = new Map<number, string[]>();
  for (const [cell, block] of [...blockOf].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const list = members.get(block);
    if (list === undefined) members.set(block, [cell]);
    else list.push(cell);
  }
  const roadNames = blocks.roadNames.map((m) => new Map(m));
  for (;;) {
    const small = [...members]
      .filter(([, cells]) => cells.length < minCells)
      .sort((a, b) => a[1].length - b[1].length || a[0] - b[0]);
    if (small.length === 0 || members.size <= 1) break;
    const [block, cells] = small[0];
    const border = new Map<number, number>();
    for (const cell of cells) {
      for (const next of gridDisk(cell, 1)) {
        const other = blockOf.get(next);
        if (other !== undefined && other !== block) border.set(other, (border.get(other) ?? 0) + 1);
      }
    }
    const target = [...border].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
    if (target === undefined) {
      // An island of the domain: nothing to merge into; accept it as it is.
      members.delete(block);
      continue;
    }
    const into = members.get(target) as string[];
    for (const cell of cells) {
      blockOf.set(cell, target);
      into.push(cell);
    }
    into.sort();
    for (const [name, n] of roadNames[block])
      roadNames[target].set(name, (roadNames[target].get(name) ?? 0) + n);
    members.delete(block);
  }
  return { blockOf, blockCount: blocks.blockCount, roadNames };
}
