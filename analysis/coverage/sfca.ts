import { scopeSumsSql } from '../db/scope-sums.ts';
import { type SqlRunner, sqlNumber } from '../db/sql-runner.ts';
import type { Scope } from '../standards/types.ts';

/**
 * Two-step floating catchment area (Luo & Wang 2003) on walk-elderly minutes:
 *   R_j = S_j / Σ_{k: t_kj ≤ d0} D_k      (supply per elder in facility j's catchment)
 *   A_i = Σ_{j: t_ij ≤ d0} R_j             (accessibility of cell i, supply units per elder)
 * Supply S is floor area (m²) or beds; demand D is elders60. Unit value = elder-weighted mean A.
 */
export async function buildSfca(
  runner: SqlRunner,
  supply: 'floorArea' | 'beds',
  catchmentMinutes: number,
): Promise<void> {
  const d0 = sqlNumber(catchmentMinutes);
  const supplyColumn = supply === 'beds' ? 'f.beds' : 'f.floor_area_m2';
  await runner.exec(`CREATE OR REPLACE TABLE sfca_ratio AS
    SELECT f.idx AS facility_idx, f.id AS facility_id, ${supplyColumn} AS supply,
      coalesce(sum(c.elders60), 0)::DOUBLE AS demand,
      CASE WHEN sum(c.elders60) > 0 THEN ${supplyColumn} / sum(c.elders60) END AS ratio
    FROM facilities f
    LEFT JOIN reach r ON r.facility_idx = f.idx AND r.profile = 'walk-elderly' AND r.minutes <= ${d0}
    LEFT JOIN population_cells c ON c.idx = r.cell_idx
    GROUP BY f.idx, f.id, ${supplyColumn}`);
  await runner.exec(`CREATE OR REPLACE TABLE sfca_cells AS
    SELECT c.idx AS cell_idx, coalesce(sum(s.ratio), 0)::DOUBLE AS access
    FROM population_cells c
    LEFT JOIN reach r ON r.cell_idx = c.idx AND r.profile = 'walk-elderly' AND r.minutes <= ${d0}
    LEFT JOIN sfca_ratio s ON s.facility_idx = r.facility_idx
    GROUP BY c.idx`);
}

export interface SfcaScope {
  scope: Scope;
  unitId: string | null;
  access: number | null;
}

export async function sfcaByScope(runner: SqlRunner): Promise<SfcaScope[]> {
  const rows = await runner.query<{ scope: Scope; unit_id: string; access: number | null }>(
    `SELECT scope, unit_id, CASE WHEN demand > 0 THEN weighted / demand END::DOUBLE AS access
     FROM (${scopeSumsSql(
       { weighted: 'a.access * c.elders60', demand: 'c.elders60' },
       { joins: 'LEFT JOIN sfca_cells a ON a.cell_idx = c.idx' },
     )}) ORDER BY scope, unit_id`,
  );
  return rows.map((r) => ({
    scope: r.scope,
    unitId: r.unit_id === '' ? null : r.unit_id,
    access: r.access,
  }));
}

export interface SfcaFacility {
  facilityId: string;
  supply: number;
  demand: number;
  ratio: number | null;
}

export async function sfcaFacilities(runner: SqlRunner): Promise<SfcaFacility[]> {
  const rows = await runner.query<{
    facility_id: string;
    supply: number;
    demand: number;
    ratio: number | null;
  }>(
    'SELECT facility_id, supply, demand, ratio FROM sfca_ratio ORDER BY facility_id, facility_idx',
  );
  return rows.map((r) => ({
    facilityId: r.facility_id,
    supply: r.supply,
    demand: r.demand,
    ratio: r.ratio,
  }));
}
