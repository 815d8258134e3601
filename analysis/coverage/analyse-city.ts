import { type SqlRunner, sqlNumber } from '../db/sql-runner.ts';
import { cellCentresInSlices } from '../routing/cell-centres.ts';
import { evaluateProfile, selectRules } from '../standards/evaluate.ts';
import { networkMinutes } from '../standards/rules/coverage-share.ts';
import type { StandardsProfile, TravelProfile } from '../standards/types.ts';
import { cityCells } from './city-cells.ts';
import { uncoveredClusters } from './clusters.ts';
import {
  deriveNearest,
  indexReachTable,
  isIndexedReach,
  loadCity,
  loadNearest,
  loadRadiusPairs,
  loadReach,
} from './load-tables.ts';
import { areaByScope, coverageByThreshold, detourRatios, radiusShares } from './metrics.ts';
import { cellsWithinRadius } from './radius.ts';
import { buildSfca, sfcaByScope, sfcaFacilities } from './sfca.ts';
import { type AnalysisSummary, buildSummary } from './summary.ts';
import type {
  CellRow,
  CityInput,
  CoverageRow,
  IndexedReachTable,
  ReachSource,
  UnitRow,
} from './types.ts';
import { buildUnitRows } from './unit-rows.ts';

export interface AnalyseOptions {
  profile: StandardsProfile;
  reach: ReachSource;
  /** Travel profiles to report coverage for; walk-elderly is always included. */
  travelProfiles?: TravelProfile[];
  /** How many uncovered-elder clusters to list (default 20). */
  clusterLimit?: number;
  /** Travel profiles whose network the city has; rules on others are not evaluable (absent: all). */
  networks?: readonly TravelProfile[];
  /** Skip building the per-cell rows (large cities, benchmarks of the SQL alone). */
  skipCells?: boolean;
  /** Called after each stage with its wall time (benchmarks print the breakdown). */
  onStage?: (stage: string, ms: number) => void;
}

export interface AnalysisResult {
  summary: AnalysisSummary;
  units: UnitRow[];
  cells: CellRow[];
  /** Every coverage figure: profile × kind × threshold × scope. */
  coverage: CoverageRow[];
}

const NO_REACH: IndexedReachTable = {
  facility: new Int32Array(0),
  cell: new Int32Array(0),
  minutes: new Float64Array(0),
};

/** 300 m: the radius rule of GB 50180 and the local plans; always reported. */
const RADIUS_M = 300;
const DETOUR_LIMIT = 0.5;

/**
 * The one entry point of the coverage engine, called identically by the CLI (Node binding) and
 * the web app (duckdb-wasm): loads the city into `runner`, asks `options.reach` for per-facility
 * reach per travel profile, computes every metric in SQL and evaluates the profile's rules.
 */
export async function analyseCity(
  input: CityInput,
  runner: SqlRunner,
  options: AnalyseOptions,
): Promise<AnalysisResult> {
  const { profile } = options;
  const settings = profile.settings;
  let clock = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    options.onStage?.(name, now - clock);
    clock = now;
  };
  // Routing needs no database, so the city is loaded while every network is routed (in the
  // browser the database may still be starting then). The cell centres (routing links, radius
  // pairs) are pure CPU work too: computed in slices, so the load proceeds between them.
  const loading = Promise.all([
    loadCity(runner, input),
    cellCentresInSlices(cityCells(input.cells).h3),
  ]);
  // Awaited below; a failure meanwhile must not count as an unhandled rejection.
  loading.catch(() => undefined);

  const { run } = selectRules(profile);
  const radiusMinutes = networkMinutes(RADIUS_M, settings.walkingSpeedMps);
  const maxMinutes = new Map<TravelProfile, number>();
  const need = (p: TravelProfile, minutes: number) =>
    maxMinutes.set(p, Math.max(maxMinutes.get(p) ?? 0, minutes));
  const base = Math.max(
    ...settings.thresholdsMinutes,
    settings.sfca.catchmentMinutes,
    settings.clusterMinutes,
    radiusMinutes,
  );
  for (const p of ['walk-elderly', ...(options.travelProfiles ?? [])] as TravelProfile[])
    need(p, base);
  for (const rule of run) {
    if (rule.kind === 'coverage_share' || rule.kind === 'hotspot_coverage')
      need(rule.travelProfile, rule.minutes);
    if (rule.kind === 'radius_coverage' && rule.method === 'network') {
      need('walk-elderly', networkMinutes(rule.radiusM, settings.walkingSpeedMps));
    }
  }
  let reaches: [TravelProfile, IndexedReachTable][];
  try {
    reaches = await routeAll(input, options, maxMinutes, radiusMinutes, stage);
  } catch (error) {
    // The load still runs on the runner: let it end before the runner is used again.
    await loading.catch(() => undefined);
    throw error;
  }
  await loading;
  stage('load city');
  for (const [travelProfile, reach] of reaches) {
    await loadReach(runner, travelProfile, reach);
    if (reach.nearestByType !== undefined) {
      await loadNearest(runner, travelProfile, reach.nearestByType, input.cells.length);
    } else await deriveNearest(runner, travelProfile);
    stage(`load reach ${travelProfile}`);
  }
  const radii = run.flatMap((r) => (r.kind === 'radius_coverage' ? [r.radiusM] : []));
  await loadRadiusPairs(
    runner,
    cellsWithinRadius(
      input.facilities,
      cityCells(input.cells).centres(),
      Math.max(RADIUS_M, ...radii),
    ),
  );
  stage('radius pairs');

  const householdsInData =
    (
      await runner.query<{ h: number }>(
        'SELECT coalesce(sum(households), 0)::DOUBLE AS h FROM population_cells',
      )
    )[0].h > 0;
  const derived = settings.householdsSource === 'derived' || !householdsInData;
  const householdsExpr = derived
    ? `c.residents / ${sqlNumber(settings.householdSize)}`
    : 'c.households';
  const landAreaInData = input.facilities.every((f) => f.landAreaM2 !== undefined);

  const profiles = [...maxMinutes.keys()];
  const coverage = await coverageByThreshold(runner, profiles, settings.thresholdsMinutes);
  const radius = await radiusShares(runner, RADIUS_M, radiusMinutes);
  const detour = await detourRatios(runner, RADIUS_M, radiusMinutes);
  const areas = await areaByScope(runner, householdsExpr);
  await buildSfca(runner, settings.sfca.supply, settings.sfca.catchmentMinutes);
  const sfca = await sfcaByScope(runner);
  const sfcaSites = await sfcaFacilities(runner);
  stage('metrics');
  const clusters = await uncoveredClusters(
    runner,
    input,
    settings.clusterMinutes,
    options.clusterLimit ?? 20,
  );
  stage('clusters');
  const evaluation = await evaluateProfile(runner, profile, {
    settings,
    householdsInData,
    landAreaInData,
    ...(options.networks === undefined ? {} : { networks: options.networks }),
  });
  stage('findings');

  const summary = buildSummary({
    input,
    profile,
    coverage,
    radius,
    radiusM: RADIUS_M,
    radiusMinutes,
    detour: detour.filter((d) => d.ratio < DETOUR_LIMIT),
    detourLimit: DETOUR_LIMIT,
    areas,
    householdsDerived: derived,
    sfca,
    sfcaSites,
    clusters,
    evaluation,
  });
  const units = buildUnitRows(
    input,
    { coverage, radius, areas, sfca, findings: evaluation.findings },
    settings.thresholdsMinutes,
  );
  const cells = options.skipCells === true ? [] : await cellRows(runner, input);
  stage('cells');
  return { summary, units, cells, coverage };
}

/** Per-cell rows in H3 order; SQL returns positions and numbers only, as columns. */
async function cellRows(runner: SqlRunner, input: CityInput): Promise<CellRow[]> {
  // No NULLs in the result (-1 = unreached): columns without a validity mask read much faster.
  const found = await runner.queryColumns(
    `SELECT c.idx, coalesce(n.minutes, -1)::DOUBLE AS minutes, coalesce(a.access, 0)::DOUBLE AS access
     FROM population_cells c
     LEFT JOIN nearest n ON n.cell_idx = c.idx AND n.profile = 'walk-elderly'
     LEFT JOIN sfca_cells a ON a.cell_idx = c.idx`,
  );
  const count = input.cells.length;
  const minutes = new Float64Array(count).fill(-1);
  const access = new Float64Array(count);
  const idx = found.idx as number[];
  for (let k = 0; k < idx.length; k++) {
    minutes[idx[k]] = found.minutes[k] as number;
    access[idx[k]] = found.access[k] as number;
  }
  const order = cityCells(input.cells).order();
  const rows = new Array<CellRow>(count);
  for (let k = 0; k < count; k++) {
    const i = order[k];
    const cell = input.cells[i];
    rows[k] = {
      h3: cell.h3,
      residents: cell.residents,
      elders60: cell.elders60,
      unitId: cell.unit_id ?? '',
      streetId: cell.street_id ?? '',
      minutesNearest: minutes[i] < 0 ? null : minutes[i],
      sfcaAccess: access[i],
    };
  }
  return rows;
}

/** Reach of every travel profile up to its longest threshold, routed one after another. */
async function routeAll(
  input: CityInput,
  options: AnalyseOptions,
  maxMinutes: ReadonlyMap<TravelProfile, number>,
  radiusMinutes: number,
  stage: (name: string) => void,
): Promise<[TravelProfile, IndexedReachTable][]> {
  const settings = options.profile.settings;
  // Only the 2SFCA catchment and the 300 m detour check read per-facility rows (walk-elderly);
  // everything else reads nearest minutes.
  const facilityMinutes = Math.max(settings.sfca.catchmentMinutes, radiusMinutes);
  const out: [TravelProfile, IndexedReachTable][] = [];
  for (const [travelProfile, minutes] of maxMinutes) {
    // A network the city lacks reaches nothing (its rules are not evaluable): not routed.
    const routable = options.networks === undefined || options.networks.includes(travelProfile);
    const given = routable
      ? await options.reach({
          profile: travelProfile,
          maxMinutes: minutes,
          facilityMinutes: travelProfile === 'walk-elderly' ? facilityMinutes : 0,
          walkingSpeedMps: settings.walkingSpeedMps,
        })
      : NO_REACH;
    stage(`routing ${travelProfile}`);
    out.push([travelProfile, isIndexedReach(given) ? given : indexReachTable(input, given)]);
  }
  return out;
}
