import { InputError } from '../errors.ts';
import type {
  ResolvedUnitConstraint,
  SitingCandidate,
  SitingModel,
  UnitConstraint,
} from './optimise-types.ts';

export interface SitingInput {
  candidates: readonly SitingCandidate[];
  /** Every populated cell: H3 id and elders (elders60 by default). */
  population: readonly { h3: string; weight: number }[];
  /** Cells already within the threshold of an existing facility: no demand left there. */
  alreadyCovered: ReadonlySet<string>;
  /** Cells a candidate reaches within the threshold (from routing's per-facility reach). */
  reach: (candidateId: string) => readonly string[];
}

export interface SitingModelOptions {
  /** Candidates with a known floor area below this are excluded (e.g. 30 m² for 睦邻点). */
  minFloorAreaM2?: number;
  unitConstraints?: readonly UnitConstraint[];
}

/**
 * Builds the indexed model: demand = populated cells not yet covered (weight > 0); candidates
 * below the minimum floor area are excluded with a reason; reach is intersected with demand.
 */
export function buildSitingModel(
  input: SitingInput,
  options: SitingModelOptions = {},
): SitingModel {
  const cellIndex = new Map<string, number>();
  const cells: string[] = [];
  const weights: number[] = [];
  let totalWeight = 0;
  let baseCoveredWeight = 0;
  for (const { h3, weight } of input.population) {
    if (!(weight >= 0)) {
      throw new InputError('E_BAD_WEIGHT', `cell ${h3} has weight ${weight}`, { column: 'weight' });
    }
    totalWeight += weight;
    if (input.alreadyCovered.has(h3)) {
      baseCoveredWeight += weight;
      continue;
    }
    if (weight === 0 || cellIndex.has(h3)) continue;
    cellIndex.set(h3, cells.length);
    cells.push(h3);
    weights.push(weight);
  }
  const candidates: SitingCandidate[] = [];
  const cover: Int32Array[] = [];
  const excluded: { id: string; reason: string }[] = [];
  const seenIds = new Set<string>();
  const minArea = options.minFloorAreaM2 ?? 0;
  for (const candidate of input.candidates) {
    if (seenIds.has(candidate.id)) {
      throw new InputError('E_DUPLICATE_SITE', `candidate id "${candidate.id}" appears twice`);
    }
    seenIds.add(candidate.id);
    if (candidate.floorAreaM2 !== undefined && candidate.floorAreaM2 < minArea) {
      excluded.push({
        id: candidate.id,
        reason: `floor area ${candidate.floorAreaM2} m² < minimum ${minArea} m²`,
      });
      continue;
    }
    const reached = new Set<number>();
    for (const h3 of input.reach(candidate.id)) {
      const i = cellIndex.get(h3);
      if (i !== undefined) reached.add(i);
    }
    candidates.push(candidate);
    cover.push(Int32Array.from(reached).sort());
  }
  return {
    candidates,
    weights: Float64Array.from(weights),
    cells,
    cover,
    units: resolveUnitConstraints(candidates, options.unitConstraints ?? []),
    totalWeight,
    baseCoveredWeight,
    excluded,
  };
}

/** Attaches candidate indices to unit constraints; a minimum no candidate can meet is an error. */
export function resolveUnitConstraints(
  candidates: readonly SitingCandidate[],
  constraints: readonly UnitConstraint[],
): ResolvedUnitConstraint[] {
  const problems: string[] = [];
  const resolved = constraints.map((c) => {
    const members = Int32Array.from(
      candidates.flatMap((candidate, j) => (candidate.unitId === c.unitId ? [j] : [])),
    );
    const min = c.min ?? 0;
    const max = Math.min(c.max ?? Number.POSITIVE_INFINITY, members.length);
    if (min > max) {
      problems.push(
        `unit ${c.unitId}: at least ${min} site(s) asked, ${members.length} candidate(s)`,
      );
    }
    return { unitId: c.unitId, min, max, members };
  });
  if (problems.length > 0) {
    throw new InputError(
      'E_INFEASIBLE_UNIT',
      `unit constraints cannot be met:\n  ${problems.join('\n  ')}`,
    );
  }
  return resolved;
}

/**
 * "At least one site per community unit without one": a min-1 constraint for every unit that
 * has no existing facility of the given kind. Units without any candidate cannot be helped by
 * the optimiser; they are returned separately so the report can name them.
 */
export function atLeastOnePerUnitWithout(
  unitIds: readonly string[],
  unitsWithFacility: ReadonlySet<string>,
  candidates: readonly SitingCandidate[],
): { constraints: UnitConstraint[]; unitsWithoutCandidates: string[] } {
  const withCandidates = new Set(candidates.map((c) => c.unitId));
  const constraints: UnitConstraint[] = [];
  const unitsWithoutCandidates: string[] = [];
  for (const unitId of unitIds) {
    if (unitsWithFacility.has(unitId)) continue;
    if (withCandidates.has(unitId)) constraints.push({ unitId, min: 1 });
    else unitsWithoutCandidates.push(unitId);
  }
  return { constraints, unitsWithoutCandidates };
}

/** Sum of weights of the cells covered by a set of candidates. */
export function coveredWeightOf(model: SitingModel, chosen: Iterable<number>): number {
  const hit = new Uint8Array(model.weights.length);
  let sum = 0;
  for (const j of chosen) {
    for (const i of model.cover[j]) {
      if (hit[i] === 0) {
        hit[i] = 1;
        sum += model.weights[i];
      }
    }
  }
  return sum;
}

export function modelNonzeros(model: SitingModel): number {
  return model.cover.reduce((sum, c) => sum + c.length, 0);
}
