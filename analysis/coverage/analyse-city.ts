import { type SqlRunner, sqlNumber } from '../db/sql-runner.ts';
import { evaluateProfile, selectRules } from '../standards/evaluate.ts';
import { networkMinutes } from '../standards/rules/coverage-share.ts';
import type { StandardsProfile, TravelProfile } from '../standards/types.ts';
import { uncoveredClusters } from './clusters.ts';
import { loadCity, loadRadiusPairs, loadReach } from './load-tables.ts';
import {
  areaByScope,
  buildNearest,
  coverageByThreshold,
  detourRatios,
  radiusShares,
} from './metrics.ts';
import { cellsWithinRadius } from './radius.ts';
import { buildSfca, sfcaByScope, sfcaFacilities } from './sfca.ts';
import { type AnalysisSummary, buildSummary } from './summary.ts';
import type { CellRow, CityInput, CoverageRow, ReachSource, UnitRow } from './types.ts';
import { buildUnitRows } from './unit-rows.ts';

export interface AnalyseOptions {
  profile: StandardsProfile;
  reach: ReachSource;
  /** Travel profiles to report coverage for; walk-elderly is always included. */
  travelProfiles?: TravelProfile[];
  /** How many uncovered-elder clusters to list (default 20). */
  clusterLimit?: number;
  /** Skip building the per-cell rows (large cities, benchmarks of the SQL alone). */
  skipCells?: boolean;
}

export interface AnalysisResult {
  summary: AnalysisSummary;
  units: UnitRow[];
  cells: CellRow[];
  /** Every coverage figure: profile × kind × threshold × scope. */
  coverage: CoverageRow[];
}

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
  await loadCity(runner, input);

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
    if (rule.kind === 'coverage_share') need(rule.travelProfile, rule.minutes);
    if (rule.kind === 'radius_coverage' && rule.method === 'network') {
      need('walk-elderly', networkMinutes(rule.radiusM, settings.walkingSpeedMps));
    }
  }
  for (const [travelProfile, minutes] of maxMinutes) {
    const reach = await options.reach({
      profile: travelProfile,
      maxMinutes: minutes,
      walkingSpeedMps: settings.walkingSpeedMps,
    });
    await loadReach(runner, travelProfile, reach);
  }
  const radii = run.flatMap((r) => (r.kind === 'radius_coverage' ? [r.radiusM] : []));
  await loadRadiusPairs(
    runner,
    cellsWithinRadius(input.facilities, input.h3Resolution, Math.max(RADIUS_M, ...radii)),
  );
  await buildNearest(runner);

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
  const clusters = await uncoveredClusters(
    runner,
    settings.clusterMinutes,
    options.clusterLimit ?? 20,
  );
  const evaluation = await evaluateProfile(runner, profile, {
    settings,
    householdsInData,
    landAreaInData,
  });

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
  const cells = options.skipCells === true ? [] : await cellRows(runner);
  return { summary, units, cells, coverage };
}

async function cellRows(runner: SqlRunner): Promise<CellRow[]> {
  const rows = await runner.query<{
    h3: string;
    residents: number;
    elders60: number;
    unit_id: string;
    street_id: string;
    minutes: number | null;
    access: number | null;
  }>(
    `SELECT c.h3, c.residents, c.elders60, c.unit_id, c.street_id, n.minutes, a.access
     FROM population_cells c
     LEFT JOIN nearest n ON n.h3 = c.h3 AND n.profile = 'walk-elderly' AND n.kind = 'all'
     LEFT JOIN sfca_cells a ON a.h3 = c.h3 ORDER BY c.h3`,
  );
  return rows.map((r) => ({
    h3: r.h3,
    residents: r.residents,
    elders60: r.elders60,
    unitId: r.unit_id,
    streetId: r.street_id,
    minutesNearest: r.minutes,
    sfcaAccess: r.access ?? 0,
  }));
}
