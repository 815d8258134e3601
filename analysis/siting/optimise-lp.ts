import type { SitingModel } from './optimise-types.ts';

/**
 * CPLEX LP text for HiGHS. Demand cells covered by exactly the same candidates are merged
 * into one variable with their summed weight (common in dense areas: a block of cells seen
 * by the same three sites), which shrinks the model without changing its optimum.
 *
 * Variables: x<j> = 1 if candidate j is opened (binary, or [0,1] when relaxed);
 * y<g> ∈ [0,1] = share of merged demand group g covered (integral at any integral x).
 */
export interface DemandGroups {
  weights: number[];
  /** Candidates covering each group. */
  coveredBy: Int32Array[];
  nonzeros: number;
}

export function groupDemand(model: SitingModel): DemandGroups {
  const coveredBy: number[][] = model.weights.length > 0 ? Array.from(model.weights, () => []) : [];
  model.cover.forEach((cells, j) => {
    for (const i of cells) coveredBy[i].push(j);
  });
  const groupOf = new Map<string, number>();
  const groups: DemandGroups = { weights: [], coveredBy: [], nonzeros: 0 };
  coveredBy.forEach((sites, i) => {
    const weight = model.weights[i];
    if (sites.length === 0 || weight <= 0) return;
    const key = sites.join(',');
    const g = groupOf.get(key);
    if (g !== undefined) {
      groups.weights[g] += weight;
      return;
    }
    groupOf.set(key, groups.weights.length);
    groups.weights.push(weight);
    groups.coveredBy.push(Int32Array.from(sites));
    groups.nonzeros += sites.length;
  });
  return groups;
}

export const xName = (j: number) => `x${j}`;
const yName = (g: number) => `y${g}`;

function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(15);
}

/** Joins "+ 3 y1"-style terms, ten per line, so no LP line grows unboundedly long. */
function sum(terms: string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 10) lines.push(terms.slice(k, k + 10).join(' '));
  return lines.join('\n   ');
}

function coverRows(groups: DemandGroups): string[] {
  return groups.coveredBy.map(
    (sites, g) =>
      ` c${g}: ${sum([`${yName(g)}`, ...Array.from(sites, (j) => `- ${xName(j)}`)])} <= 0`,
  );
}

function unitRows(model: SitingModel): string[] {
  const rows: string[] = [];
  model.units.forEach((unit, u) => {
    if (unit.members.length === 0) return;
    const lhs = sum(Array.from(unit.members, (j, k) => `${k === 0 ? '' : '+ '}${xName(j)}`));
    if (unit.min > 0) rows.push(` umin${u}: ${lhs} >= ${unit.min}`);
    if (unit.max < unit.members.length) rows.push(` umax${u}: ${lhs} <= ${unit.max}`);
  });
  return rows;
}

function allX(model: SitingModel): string {
  return sum(model.candidates.map((_, j) => `${j === 0 ? '' : '+ '}${xName(j)}`));
}

function tail(model: SitingModel, groups: DemandGroups, relax: boolean): string[] {
  const bounds = groups.weights.map((_, g) => ` 0 <= ${yName(g)} <= 1`);
  const xs = model.candidates.map((_, j) => xName(j));
  if (relax) return ['Bounds', ...bounds, ...xs.map((x) => ` 0 <= ${x} <= 1`), 'End'];
  return ['Bounds', ...bounds, 'Binary', ` ${sum(xs)}`, 'End'];
}

/** MCLP: maximise newly covered weight with at most `newSites` sites. */
export function mclpLp(
  model: SitingModel,
  groups: DemandGroups,
  newSites: number,
  relax: boolean,
): string {
  const objective = groups.weights.map((w, g) => `${g === 0 ? '' : '+ '}${num(w)} ${yName(g)}`);
  if (objective.length === 0) objective.push(`0 ${xName(0)}`);
  return [
    'Maximize',
    ` obj: ${sum(objective)}`,
    'Subject To',
    ...coverRows(groups),
    ` budget: ${allX(model)} <= ${newSites}`,
    ...unitRows(model),
    ...tail(model, groups, relax),
  ].join('\n');
}

/**
 * Partial cover: fewest sites with newly covered weight ≥ required. (A tie-break reward for
 * extra coverage made HiGHS 10× slower on the demo; optimise-lscp.ts polishes coverage
 * afterwards with an MCLP at the optimal site count instead.)
 */
export function lscpLp(
  model: SitingModel,
  groups: DemandGroups,
  requiredWeight: number,
  relax: boolean,
): string {
  const target = groups.weights.map((w, g) => `${g === 0 ? '' : '+ '}${num(w)} ${yName(g)}`);
  const rows = target.length > 0 ? [` target: ${sum(target)} >= ${num(requiredWeight)}`] : [];
  return [
    'Minimize',
    ` obj: ${allX(model)}`,
    'Subject To',
    ...coverRows(groups),
    ...rows,
    ...unitRows(model),
    ...tail(model, groups, relax),
  ].join('\n');
}
