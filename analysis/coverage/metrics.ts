import { type SqlRunner, sqlNumber, sqlStringList } from '../db/sql-runner.ts';
import type { Scope, TravelProfile } from '../standards/types.ts';
import type { CoverageRow, DetourFacility } from './types.ts';

/**
 * Metric queries over the loaded tables. `nearest` holds the minutes from each cell to the
 * nearest facility per travel profile and facility kind ('all' = any kind); see load-tables.ts.
 */

interface ScopeKey {
  scope: Scope;
  unit_id: string;
}

/** Elders and residents within each threshold, per profile × kind × scope (one pass each). */
export async function coverageByThreshold(
  runner: SqlRunner,
  profiles: readonly TravelProfile[],
  thresholds: readonly number[],
): Promise<CoverageRow[]> {
  const totals = await runner.query<ScopeKey & { elders60: number; residents: number }>(
    `SELECT s.scope, s.unit_id, coalesce(sum(c.elders60), 0)::DOUBLE AS elders60,
       coalesce(sum(c.residents), 0)::DOUBLE AS residents
     FROM scopes s LEFT JOIN cell_scope cs ON cs.scope = s.scope AND cs.unit_id = s.unit_id
     LEFT JOIN population_cells c ON c.idx = cs.cell_idx
     GROUP BY s.scope, s.unit_id ORDER BY s.scope, s.unit_id`,
  );
  const sums = thresholds
    .map(
      (t, i) =>
        `sum(CASE WHEN n.minutes <= ${sqlNumber(t)} THEN c.elders60 ELSE 0 END)::DOUBLE AS e${i},
         sum(CASE WHEN n.minutes <= ${sqlNumber(t)} THEN c.residents ELSE 0 END)::DOUBLE AS r${i}`,
    )
    .join(',\n');
  const covered = await runner.query(
    // Grouping sets roll cells up to community, street and city in one pass (no scope join).
    `SELECT n.profile, n.kind,
       CASE WHEN GROUPING(c.unit_id) = 0 THEN 'community'
            WHEN GROUPING(c.street_id) = 0 THEN 'street' ELSE 'city' END AS scope,
       CASE WHEN GROUPING(c.unit_id) = 0 THEN c.unit_id
            WHEN GROUPING(c.street_id) = 0 THEN c.street_id ELSE '' END AS unit_id,
       ${sums}
     FROM nearest n JOIN population_cells c ON c.idx = n.cell_idx
     WHERE n.profile IN ${sqlStringList(profiles)}
     GROUP BY GROUPING SETS ((n.profile, n.kind), (n.profile, n.kind, c.street_id),
       (n.profile, n.kind, c.unit_id))`,
  );
  const kinds = await runner.query<{ kind: string }>(
    `SELECT 'all' AS kind UNION ALL SELECT * FROM (SELECT DISTINCT type FROM facilities ORDER BY type)`,
  );
  const coveredBy = new Map(
    covered.map((r) => [`${r.profile}|${r.kind}|${r.scope}|${r.unit_id}`, r]),
  );
  const out: CoverageRow[] = [];
  for (const profile of profiles) {
    for (const { kind } of kinds) {
      for (const total of totals) {
        const hit = coveredBy.get(`${profile}|${kind}|${total.scope}|${total.unit_id}`);
        thresholds.forEach((minutes, i) => {
          const e = hit === undefined ? 0 : (hit[`e${i}`] as number);
          const r = hit === undefined ? 0 : (hit[`r${i}`] as number);
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
    }
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
    `WITH straight AS (SELECT DISTINCT cell_idx FROM radius_pairs
                    WHERE distance_m <= ${sqlNumber(radiusM)}),
     network AS (SELECT cell_idx FROM nearest WHERE profile = 'walk-elderly' AND kind = 'all'
                   AND minutes <= ${sqlNumber(networkMinutes)})
     SELECT s.scope, s.unit_id, coalesce(sum(c.elders60), 0)::DOUBLE AS elders60,
       coalesce(sum(CASE WHEN st.cell_idx IS NOT NULL THEN c.elders60 ELSE 0 END), 0)::DOUBLE AS straight,
       coalesce(sum(CASE WHEN nw.cell_idx IS NOT NULL THEN c.elders60 ELSE 0 END), 0)::DOUBLE AS network
     FROM scopes s LEFT JOIN cell_scope cs ON cs.scope = s.scope AND cs.unit_id = s.unit_id
     LEFT JOIN population_cells c ON c.idx = cs.cell_idx
     LEFT JOIN straight st ON st.cell_idx = cs.cell_idx
     LEFT JOIN network nw ON nw.cell_idx = cs.cell_idx
     GROUP BY s.scope, s.unit_id ORDER BY s.scope, s.unit_id`,
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
    `WITH pop AS (
       SELECT s.scope, s.unit_id, coalesce(sum(c.residents), 0)::DOUBLE AS residents,
         coalesce(sum(c.elders60), 0)::DOUBLE AS elders60,
         coalesce(sum(${householdsExpr}), 0)::DOUBLE AS households
       FROM scopes s LEFT JOIN cell_scope cs ON cs.scope = s.scope AND cs.unit_id = s.unit_id
       LEFT JOIN population_cells c ON c.idx = cs.cell_idx GROUP BY s.scope, s.unit_id),
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
