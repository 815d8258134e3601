import { latLngToCell } from 'h3-js';
import type { FacilityType } from '../city/types.ts';
import type { CityInput } from '../coverage/types.ts';
import type { RoadGraph } from '../graph/types.ts';
import { type CellLinks, cellLinks } from '../routing/cell-links.ts';
import { edgeIndex } from '../routing/edge-index.ts';
import type { TravelProfile } from '../routing/profiles.ts';
import { facilityReach } from '../routing/reach.ts';
import { snapPoint } from '../routing/snap.ts';
import { atLeastOnePerUnitWithout, buildSitingModel } from './optimise-model.ts';
import type { SitingCandidate, SitingModel, UnitConstraint } from './optimise-types.ts';

/**
 * Glue between a parsed city (coverage/types CityInput), the routing engine and the optimiser,
 * shared by the CLI and the web worker: existing facilities' reach defines what is already
 * covered; each candidate's reach (one bounded search per candidate, routing's per-facility
 * reach) defines what it would add.
 */
export interface CitySitingOptions {
  profile: TravelProfile;
  minutes: number;
  /** Demand column of population.csv (default elders60). */
  weight?: 'elders60' | 'elders65' | 'elders80' | 'residents';
  minFloorAreaM2?: number;
  unitConstraints?: readonly UnitConstraint[];
  /** Only these existing facility types count as covering (default: every type). */
  existingTypes?: readonly FacilityType[];
  /** Reuse cell links across calls (they depend on graph + population cells only). */
  links?: CellLinks;
  maxSnapM?: number;
}

export function populationLinks(input: CityInput, graph: RoadGraph, maxSnapM?: number): CellLinks {
  const cells = input.cells.map((c) => c.h3);
  return cellLinks(graph, { resolution: input.h3Resolution, cells, maxSnapM });
}

export function citySitingModel(
  input: CityInput,
  graph: RoadGraph,
  candidates: readonly SitingCandidate[],
  options: CitySitingOptions,
): SitingModel {
  const links = options.links ?? populationLinks(input, graph, options.maxSnapM);
  const reachOptions = { profile: options.profile, maxMinutes: options.minutes };
  const existing = input.facilities.filter(
    (f) => options.existingTypes === undefined || options.existingTypes.includes(f.type),
  );
  const alreadyCovered = new Set(
    facilityReach(graph, links, existing, reachOptions).rows.map((r) => r.h3),
  );
  const reached = facilityReach(graph, links, candidates, reachOptions);
  const reachById = new Map<string, string[]>();
  for (const row of reached.rows) {
    const list = reachById.get(row.facilityId);
    if (list === undefined) reachById.set(row.facilityId, [row.h3]);
    else list.push(row.h3);
  }
  const offNetwork = new Set(reached.unreachable.map((u) => u.id));
  const weight = options.weight ?? 'elders60';
  const model = buildSitingModel(
    {
      candidates: candidates.filter((c) => !offNetwork.has(c.id)),
      population: input.cells.map((c) => ({ h3: c.h3, weight: c[weight] })),
      alreadyCovered,
      reach: (id) => reachById.get(id) ?? [],
    },
    { minFloorAreaM2: options.minFloorAreaM2, unitConstraints: options.unitConstraints },
  );
  const excluded = [
    ...model.excluded,
    ...reached.unreachable.map((u) => ({ id: u.id, reason: `not on the network: ${u.reason}` })),
  ];
  return { ...model, excluded };
}

/** Distance to the nearest road of the graph, Infinity beyond `maxSnapM` (for candidates.ts). */
export function roadDistance(
  graph: RoadGraph,
  maxSnapM: number,
): (lon: number, lat: number) => number {
  const index = edgeIndex(graph);
  return (lon, lat) => snapPoint(index, lon, lat, maxSnapM)?.distanceM ?? Number.POSITIVE_INFINITY;
}

/** Community unit of a point through its population cell (same rule as the coverage engine). */
export function unitOfPoint(input: CityInput): (lon: number, lat: number) => string | undefined {
  const unitByCell = new Map(input.cells.map((c) => [c.h3, c.unit_id]));
  return (lon, lat) => unitByCell.get(latLngToCell(lat, lon, input.h3Resolution)) || undefined;
}

/**
 * "At least one new site of this type in every community that has none": community units come
 * from population cells; existing facilities are placed in units through their cell.
 */
export function onePerCommunityWithout(
  input: CityInput,
  type: FacilityType,
  candidates: readonly SitingCandidate[],
): { constraints: UnitConstraint[]; unitsWithoutCandidates: string[] } {
  const unitOf = unitOfPoint(input);
  const communities = [
    ...new Set(input.cells.map((c) => c.unit_id).filter((u) => u !== '')),
  ].sort();
  const served = new Set(
    input.facilities
      .filter((f) => f.type === type)
      .map((f) => unitOf(f.lon, f.lat))
      .filter((u): u is string => u !== undefined),
  );
  return atLeastOnePerUnitWithout(communities, served, candidates);
}
