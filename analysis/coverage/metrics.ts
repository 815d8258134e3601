import { scopeSumsSql } from '../db/scope-sums.ts';
import { type SqlRunner, sqlNumber, sqlString } from '../db/sql-runner.ts';
import type { Scope, TravelProfile } from '../standards/types.ts';
import type { CoverageRow, DetourFacility } from './types.ts';

/**
 * Metric queries over the loaded tables. `nearest` holds, per travel profile and cell, the
 * minutes to the nearest facility of any kind and of each kind; see db/schema.ts.
 */

interface ScopeKey {
  scope: Scope;
  unit_id: string;
}

/** The nearest-table column of a kind: `minutes` for any kind, else the type's own column. */
function kindColumn(kind: string): string {
  return kind === 'all' ? 'minutes' : kind;
}

/** Elders and residents within each threshold, per profile × kind × scope (one pass each). */
export async function coverageByThreshold(
  runner: SqlRunner,
  profiles: readonly TravelProfile[],
  thresholds: readonly number[],
): Promise<CoverageRow[]> {
  const totals = await runner.query<ScopeKey & { elders60: number; residents: number }>(
    scopeSumsSql({ elders60: 'c.elders60', residents: 'c.residents' }),
  );
  const kinds = (
    await runner.query<{ kind: string }>(
      `SELECT 'all' AS kind UNION ALL SELECT * FROM (SELECT DISTINCT type FROM facilities ORDER BY type)`,
    )
  ).map((k) => k.kind);
  const sums: Record<string, string> = {};
  kinds.forEach((kind, k) => {
    thresholds.forEach((t, i) => {
      const within = `n.${kindColumn(kind)} <= ${sqlNumber(t)}`;
      sums[`e${k}_${i}`] = `CASE WHEN ${within} THEN c.elders60 ELSE 0 END`;
      sums[`r${k}_${i}`] = `CASE WHEN ${within} THEN c.residents ELSE 0 END`;
    });
  });
  const out: CoverageRow[] = [];
  for (const profile of profiles) {
    // One pass per travel profile: every kind and threshold are columns of the same scan.
    const covered = await runner.query(
      scopeSumsSql(sums, {
        joins: `JOIN nearest n ON n.cell_idx = c.idx AND n.profile = ${sqlString(profile)}`,
      }),
    );
    const coveredBy = new Map(covered.map((r) => [`${r.scope}|${r.unit_id}`, r]));
    kinds.forEach((kind, k) => {
      for (const total of totals) {
        const hit = coveredBy.get(`${total.scope}|${total.unit_id}`);
        thresholds.forEach((minutes, i) => {
          const e = hit === undefined ? 0 : (hit[`e${k}_${i}`] as number);
          const r = hit === undefined ? 0 : (hit[`r${k}_${i}`] as number);
          out.push({
            profile,
            kind,
            minutes,
            scope: total.scope,
            unitId: total.unit_id === '' ? null : total.unit_id,
            elders60: total.elders60,
            elders60Covered: e,
            elders60Share: total.elders60 > 0 ? e / total.elders60 : null,
            residents: total.residents,
            residentsCovered: r,
            residentsShare: total.residents > 0 ? r / total.residents : null,
          });
        });
      }
    });
  }
  return out;
}

export interface RadiusShare {
  scope: Scope;
  unitId: string | null;
  elders60: number;
  straightCovered: number;
  networkCovered: number;
}

/** Elders within radiusM of any facility: straight line and along the walk-elderly network. */
export async function radiusShares(
  runner: SqlRunner,
  radiusM: number,
  networkMinutes: number,
): Promise<RadiusShare[]> {
  const rows = await runner.query<
    ScopeKey & { elders60: number; straight: number; network: number }
  >(
    scopeSumsSql(
      {
        elders60: 'c.elders60',
        straight: 'CASE WHEN st.cell_idx IS NOT NULL THEN c.elders60 ELSE 0 END',
        network: 'CASE WHEN nw.minutes IS NOT NULL THEN c.elders60 ELSE 0 END',
      },
      {
        joins: `LEFT JOIN (SELECT DISTINCT cell_idx FROM radius_pairs
                   WHERE distance_m <= ${sqlNumber(radiusM)}) st ON st.cell_idx = c.idx
                LEFT JOIN nearest nw ON nw.cell_idx = c.idx AND nw.profile = 'walk-elderly'
                   AND nw.minutes <= ${sqlNumber(networkMinutes)}`,
      },
    ),
  );
  return rows.map((r) => ({
    scope: r.scope,
    unitId: r.unit_id === '' ? null : r.unit_id,
    elders60: r.elders60,
    straightCovered: r.straight,
    networkCovered: r.network,
  }));
}

/**
 * Per facility: grid cells within radiusM as the crow flies (the disc) and those of them reached
 * within the network limit. Only cells of the city grid (population_cells) count on both sides.
 */
export async function detourRatios(
  runner: SqlRunner,
  radiusM: number,
  networkMinutes: number,
): Promise<DetourFacility[]> {
  const rows = await runner.query<{ facility_id: string; disc: number; net: number }>(
    `SELECT f.id AS facility_id, count(*)::DOUBLE AS disc,
       count(r.cell_idx)::DOUBLE AS net
     FROM radius_pairs p JOIN facilities f ON f.idx = p.facility_idx
     LEFT JOIN reach r ON r.facility_idx = p.facility_idx AND r.cell_idx = p.cell_idx
       AND r.profile = 'walk-elderly' AND r.minutes <= ${sqlNumber(networkMinutes)}
     WHERE p.distance_m <= ${sqlNumber(radiusM)}
     GROUP BY f.id ORDER BY f.id`,
  );
  return rows.map((r) => ({
    facilityId: r.facility_id,
    discCells: r.disc,
    networkCells: r.net,
    ratio: r.disc > 0 ? r.net / r.disc : 0,
  }));
}

export interface ScopeArea {
  scope: Scope;
  unitId: string | null;
  residents: number;
  elders60: number;
  households: number;
  facilities: number;
  floorAreaM2: number;
}

/** Population, households (data or residents / householdSize) and facility floor area per scope. */
export async function areaByScope(runner: SqlRunner, householdsExpr: string): Promise<ScopeArea[]> {
  const rows = await runner.query<
    ScopeKey & { residents: number; elders60: number; households: number; n: number; area: number }
  >(
    `WITH pop AS (${scopeSumsSql({
      residents: 'c.residents',
      elders60: 'c.elders60',
      households: householdsExpr,
    })}),
     fac AS (
       SELECT fs.scope, fs.unit_id, count(*)::DOUBLE AS n, sum(f.floor_area_m2)::DOUBLE AS area
       FROM facility_scope fs JOIN facilities f ON f.id = fs.facility_id GROUP BY fs.scope, fs.unit_id)
     SELECT p.*, coalesce(fac.n, 0)::DOUBLE AS n, coalesce(fac.area, 0)::DOUBLE AS area
     FROM pop p LEFT JOIN fac ON fac.scope = p.scope AND fac.unit_id = p.unit_id
     ORDER BY p.scope, p.unit_id`,
  );
  return rows.map((r) => ({
    scope: r.scope,
    unitId: r.unit_id === '' ? null : r.unit_id,
    residents: r.residents,
    elders60: r.elders60,
    households: r.households,
    facilities: r.n,
    floorAreaM2: r.area,
  }));
}
