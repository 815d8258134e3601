import { interiorPoint, type Ring, ringAreaM2 } from '../city/geometry.ts';
import type { OpenedCity } from '../city/open-city.ts';
import type { BuildingProperties, FacilityType } from '../city/types.ts';
import { graphBbox } from '../graph/stats.ts';
import { profileGraph } from '../graph/step-free.ts';
import { travelProfileAt } from '../routing/profiles.ts';
import {
  type BuildingSite,
  candidatesFromBuildings,
  candidatesFromGrid,
  dedupeCandidates,
} from '../siting/candidates.ts';
import {
  citySitingModel,
  onePerCommunityWithout,
  roadDistance,
  unitOfPoint,
} from '../siting/city-siting.ts';
import { optimiseLscp, optimiseMclp } from '../siting/optimise.ts';
import type {
  MilpSolver,
  SitingCandidate,
  SitingMethod,
  SitingResult,
  UnitConstraint,
} from '../siting/optimise-types.ts';
import type { Scenario } from '../siting/scenario-types.ts';
import { resultToScenario } from '../siting/to-scenario.ts';
import type { StandardsProfile } from '../standards/types.ts';
import type { TravelProfileName } from '../vocabulary.ts';

/**
 * Proposes new sites for a city: candidates (the user's, or residential/vacant buildings plus
 * an H3 grid, each near a road), the siting model of the chosen travel profile and threshold,
 * MCLP (N new sites) or partial cover (a coverage target), and the result as a scenario that
 * records its origin. `carecircle optimise` and the app's optimiser both call this.
 */
export interface OptimiseCityRequest {
  problem: 'mclp' | 'lscp';
  /** MCLP: at most this many new sites. */
  newSites?: number;
  /** Partial cover: the elder coverage share (0–1) to reach with the fewest sites. */
  targetShare?: number;
  minutes: number;
  travel?: TravelProfileName;
  /** Facility type of the proposed sites (default 睦邻点). */
  type?: FacilityType;
  /** Minimum floor area of a candidate (default: the profile's site-area rule for the type). */
  minAreaM2?: number;
  /** Floor area of each proposed site (default: the minimum area, at least 60 m²). */
  siteAreaM2?: number;
  /** The user's own candidates; absent or empty: buildings + grid. */
  candidates?: readonly SitingCandidate[];
  /** H3 resolution of grid candidates (0 = no grid). */
  gridResolution?: number;
  /** Farthest a candidate may be from a road, metres. */
  snapM?: number;
  onePerUnit?: boolean;
  maxPerUnit?: number;
  method?: SitingMethod;
  timeLimitS?: number;
}

export interface OptimiseCityOutcome {
  result: SitingResult;
  scenario: Scenario;
  chosenSites: SitingCandidate[];
  candidates: { considered: number; inModel: number; excluded: number };
  elders: { total: number; alreadyCovered: number };
  minAreaM2: number;
  siteAreaM2: number;
  unitConstraints: UnitConstraint[];
  travel: TravelProfileName;
  walkingSpeedMps: number | null;
  notes: string[];
}

export async function optimiseCity(
  city: OpenedCity,
  standards: StandardsProfile,
  solver: MilpSolver,
  request: OptimiseCityRequest,
): Promise<OptimiseCityOutcome> {
  const { input } = city;
  const type = request.type ?? 'neighbourhood_point';
  const travelName = request.travel ?? 'walk-elderly';
  const profile = travelProfileAt(travelName, standards.settings.walkingSpeedMps);
  const graph = profileGraph(await city.graph(profile.network), profile);
  const snapM = request.snapM ?? 150;
  const unitOf = unitOfPoint(input);
  const own = request.candidates ?? [];
  let candidates: SitingCandidate[];
  if (own.length > 0) {
    candidates = own.map((c) => {
      const unitId = unitOf(c.lon, c.lat);
      return unitId === undefined ? { ...c } : { ...c, unitId };
    });
  } else {
    const options = { distanceToRoadM: roadDistance(graph, snapM), maxSnapM: snapM, unitOf };
    const buildings = buildingSites(await city.text('buildings.geojson'));
    const grid = request.gridResolution ?? 9;
    candidates = dedupeCandidates(
      [
        ...candidatesFromBuildings(buildings, options),
        ...(grid > 0 ? candidatesFromGrid(graphBbox(graph), grid, options) : []),
      ],
      30,
    );
  }
  const minAreaM2 = request.minAreaM2 ?? profileMinArea(standards, type);
  const constraints: UnitConstraint[] = [];
  const notes: string[] = [];
  if (request.onePerUnit === true) {
    const per = onePerCommunityWithout(input, type, candidates);
    constraints.push(...per.constraints);
    if (per.unitsWithoutCandidates.length > 0)
      notes.push(`communities without any candidate: ${per.unitsWithoutCandidates.join(', ')}`);
  }
  if (request.maxPerUnit !== undefined) {
    const units = new Set(candidates.flatMap((c) => (c.unitId === undefined ? [] : [c.unitId])));
    for (const unitId of units) {
      const existing = constraints.find((c) => c.unitId === unitId);
      if (existing) existing.max = request.maxPerUnit;
      else constraints.push({ unitId, max: request.maxPerUnit });
    }
  }
  const model = citySitingModel(input, graph, candidates, {
    profile,
    minutes: request.minutes,
    minFloorAreaM2: minAreaM2,
    unitConstraints: constraints,
  });
  const options = {
    solver,
    ...(request.timeLimitS === undefined ? {} : { timeLimitS: request.timeLimitS }),
    ...(request.method === undefined ? {} : { method: request.method }),
  };
  const result =
    request.problem === 'mclp'
      ? optimiseMclp(model, request.newSites ?? 1, options)
      : optimiseLscp(model, request.targetShare ?? 1, options);
  const siteAreaM2 = request.siteAreaM2 ?? Math.max(minAreaM2, 60);
  const scenario = resultToScenario(
    result,
    model.candidates,
    { city: input.name, profile: standards.id },
    {
      type,
      floorAreaM2: siteAreaM2,
      name: `优化选址 ${result.problem.toUpperCase()}`,
      minutes: request.minutes,
    },
  );
  const byId = new Map(model.candidates.map((c) => [c.id, c]));
  return {
    result: { ...result, notes: [...notes, ...result.notes] },
    scenario,
    chosenSites: result.chosen.flatMap((id) => {
      const c = byId.get(id);
      return c === undefined ? [] : [c];
    }),
    candidates: {
      considered: candidates.length,
      inModel: model.candidates.length,
      excluded: model.excluded.length,
    },
    elders: { total: model.totalWeight, alreadyCovered: model.baseCoveredWeight },
    minAreaM2,
    siteAreaM2,
    unitConstraints: constraints,
    travel: profile.name,
    walkingSpeedMps: profile.walkSpeedMps,
    notes,
  };
}

/** Largest minimum site area the profile sets for the type (0 when none). */
export function profileMinArea(standards: StandardsProfile, type: FacilityType): number {
  let min = 0;
  for (const rule of standards.rules) {
    if (rule.kind === 'site_area' && rule.facilityTypes.includes(type))
      min = Math.max(min, rule.minM2);
  }
  return min;
}

/** buildings.geojson as building sites (a representative point of each footprint). */
export function buildingSites(text: string | undefined): BuildingSite[] {
  if (text === undefined) return [];
  const data = JSON.parse(text) as {
    features?: {
      properties?: BuildingProperties | null;
      geometry?: { type?: string; coordinates?: unknown } | null;
    }[];
  };
  const sites: BuildingSite[] = [];
  for (const feature of data.features ?? []) {
    const geometry = feature.geometry;
    if (!geometry || feature.properties == null) continue;
    const polygon = largestPolygon(geometry.type, geometry.coordinates);
    if (polygon === undefined) continue;
    const [lon, lat] = interiorPoint(polygon[0], polygon.slice(1));
    sites.push({ properties: feature.properties, lon, lat });
  }
  return sites;
}

/** The polygon (outer ring, then holes) of a footprint; for a multipolygon its largest part. */
function largestPolygon(type: string | undefined, coordinates: unknown): Ring[] | undefined {
  const polygons =
    type === 'Polygon'
      ? [coordinates as Ring[]]
      : type === 'MultiPolygon'
        ? (coordinates as Ring[][])
        : [];
  let best: Ring[] | undefined;
  let bestArea = 0;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (outer === undefined || outer.length < 3) continue;
    const area = ringAreaM2(outer);
    if (best === undefined || area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}
