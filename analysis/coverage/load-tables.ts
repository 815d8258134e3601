import { SCOPE_STATEMENTS, TABLE_STATEMENTS } from '../db/schema.ts';
import { execAll, type SqlRunner, sqlString } from '../db/sql-runner.ts';
import type { TravelProfile } from '../standards/types.ts';
import { assignFacilityUnits } from './assign-units.ts';
import { cityCells } from './city-cells.ts';
import type { RadiusPairs } from './radius.ts';
import type { CityInput, IndexedReachTable, ReachTable } from './types.ts';

/** 0, 1, … n-1 as INTEGER column values. */
function positions(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function column(
  cells: CityInput['cells'],
  key: 'residents' | 'elders60' | 'elders65' | 'elders80' | 'households',
): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = cells[i][key];
  return out;
}

/** Creates the tables and loads the city (cells, units, facilities with their units). */
export async function loadCity(runner: SqlRunner, input: CityInput): Promise<void> {
  await execAll(runner, TABLE_STATEMENTS);
  const cells = input.cells;
  await runner.insertColumns('population_cells', [
    { name: 'idx', type: 'INTEGER', values: positions(cells.length) },
    { name: 'h3', type: 'VARCHAR', values: cityCells(cells).h3 },
    { name: 'residents', type: 'DOUBLE', values: column(cells, 'residents') },
    { name: 'elders60', type: 'DOUBLE', values: column(cells, 'elders60') },
    { name: 'elders65', type: 'DOUBLE', values: column(cells, 'elders65') },
    { name: 'elders80', type: 'DOUBLE', values: column(cells, 'elders80') },
    { name: 'households', type: 'DOUBLE', values: column(cells, 'households') },
    { name: 'unit_id', type: 'VARCHAR', values: cells.map((c) => c.unit_id ?? '') },
    { name: 'street_id', type: 'VARCHAR', values: cells.map((c) => c.street_id ?? '') },
  ]);
  const units = input.units;
  await runner.insertColumns('units', [
    { name: 'id', type: 'VARCHAR', values: units.map((u) => u.id) },
    { name: 'name', type: 'VARCHAR', values: units.map((u) => u.name) },
    { name: 'level', type: 'VARCHAR', values: units.map((u) => u.level) },
    { name: 'parent_id', type: 'VARCHAR', values: units.map((u) => u.parentId ?? null) },
  ]);
  const assigned = assignFacilityUnits(input);
  const fs = input.facilities;
  await runner.insertColumns('facilities', [
    { name: 'idx', type: 'INTEGER', values: positions(fs.length) },
    { name: 'id', type: 'VARCHAR', values: fs.map((f) => f.id) },
    { name: 'name', type: 'VARCHAR', values: fs.map((f) => f.name) },
    { name: 'type', type: 'VARCHAR', values: fs.map((f) => f.type) },
    { name: 'floor_area_m2', type: 'DOUBLE', values: fs.map((f) => f.floorAreaM2) },
    { name: 'land_area_m2', type: 'DOUBLE', values: fs.map((f) => f.landAreaM2 ?? null) },
    { name: 'beds', type: 'DOUBLE', values: fs.map((f) => f.beds) },
    { name: 'floor_level', type: 'INTEGER', values: fs.map((f) => f.floorLevel) },
    { name: 'has_lift', type: 'BOOLEAN', values: fs.map((f) => f.hasLift ?? false) },
    { name: 'lon', type: 'DOUBLE', values: fs.map((f) => f.lon) },
    { name: 'lat', type: 'DOUBLE', values: fs.map((f) => f.lat) },
    { name: 'unit_id', type: 'VARCHAR', values: fs.map((f, i) => assigned[i].unitId) },
    { name: 'street_id', type: 'VARCHAR', values: fs.map((f, i) => assigned[i].streetId) },
  ]);
  await execAll(runner, SCOPE_STATEMENTS);
}

export function isIndexedReach(table: ReachTable | IndexedReachTable): table is IndexedReachTable {
  return 'cell' in table;
}

/**
 * Hand-made rows keyed by H3 and facility id → positions. A row whose cell has no population
 * row or whose facility is not in the register cannot count in any metric and is dropped.
 */
export function indexReachTable(input: CityInput, reach: ReachTable): IndexedReachTable {
  const cells = cityCells(input.cells);
  const facilityOf = new Map<string, number[]>();
  input.facilities.forEach((f, i) => {
    facilityOf.set(f.id, [...(facilityOf.get(f.id) ?? []), i]);
  });
  const facility: number[] = [];
  const cell: number[] = [];
  const minutes: number[] = [];
  for (let k = 0; k < reach.h3.length; k++) {
    for (const f of facilityOf.get(reach.facilityId[k]) ?? []) {
      for (const c of cells.positionsOf(reach.h3[k])) {
        facility.push(f);
        cell.push(c);
        minutes.push(reach.minutes[k]);
      }
    }
  }
  return {
    facility: Int32Array.from(facility),
    cell: Int32Array.from(cell),
    minutes: Float64Array.from(minutes),
  };
}

/**
 * Appends one travel profile's reach. The constant profile column is added in SQL from a
 * staging table, so that only typed arrays cross into the engine.
 */
export async function loadReach(
  runner: SqlRunner,
  profile: TravelProfile,
  reach: IndexedReachTable,
): Promise<void> {
  if (reach.cell.length === 0) return;
  await runner.exec(
    'CREATE OR REPLACE TABLE reach_stage (facility_idx INTEGER, cell_idx INTEGER, minutes DOUBLE)',
  );
  await runner.insertColumns('reach_stage', [
    { name: 'facility_idx', type: 'INTEGER', values: reach.facility },
    { name: 'cell_idx', type: 'INTEGER', values: reach.cell },
    { name: 'minutes', type: 'DOUBLE', values: reach.minutes },
  ]);
  await runner.exec(
    `INSERT INTO reach SELECT facility_idx, cell_idx, minutes, ${sqlString(profile)} FROM reach_stage`,
  );
  await runner.exec('DROP TABLE reach_stage');
}

/**
 * Nearest minutes per cell and facility type from the routing's multi-source searches, plus
 * 'all' (the minimum over types), for the cells reached (finite minutes).
 */
export async function loadNearest(
  runner: SqlRunner,
  profile: TravelProfile,
  byType: ReadonlyMap<string, Float64Array>,
  cellCount: number,
): Promise<void> {
  const kinds = ['all', ...[...byType.keys()].sort()];
  const all = new Float64Array(cellCount).fill(Number.POSITIVE_INFINITY);
  for (const minutes of byType.values()) {
    for (let c = 0; c < cellCount; c++) if (minutes[c] < all[c]) all[c] = minutes[c];
  }
  let rows = 0;
  const lists = kinds.map((kind) => (kind === 'all' ? all : (byType.get(kind) as Float64Array)));
  for (const minutes of lists) for (let c = 0; c < cellCount; c++) if (minutes[c] < Infinity) rows++;
  if (rows === 0) return;
  const kindCode = new Int32Array(rows);
  const cell = new Int32Array(rows);
  const value = new Float64Array(rows);
  let k = 0;
  lists.forEach((minutes, code) => {
    for (let c = 0; c < cellCount; c++) {
      if (minutes[c] === Number.POSITIVE_INFINITY) continue;
      kindCode[k] = code;
      cell[k] = c;
      value[k++] = minutes[c];
    }
  });
  await runner.exec(
    'CREATE OR REPLACE TABLE nearest_stage (kind_code INTEGER, cell_idx INTEGER, minutes DOUBLE)',
  );
  await runner.insertColumns('nearest_stage', [
    { name: 'kind_code', type: 'INTEGER', values: kindCode },
    { name: 'cell_idx', type: 'INTEGER', values: cell },
    { name: 'minutes', type: 'DOUBLE', values: value },
  ]);
  const kindList = `[${kinds.map(sqlString).join(', ')}]`;
  await runner.exec(
    `INSERT INTO nearest SELECT ${sqlString(profile)}, ${kindList}[kind_code + 1], cell_idx, minutes
     FROM nearest_stage`,
  );
  await runner.exec('DROP TABLE nearest_stage');
}

/** Nearest minutes from per-facility rows, for sources that give no nearestByType. */
export async function deriveNearest(runner: SqlRunner, profile: TravelProfile): Promise<void> {
  const p = sqlString(profile);
  await runner.exec(`INSERT INTO nearest
    SELECT r.profile, f.type, r.cell_idx, min(r.minutes)
    FROM reach r JOIN facilities f ON f.idx = r.facility_idx WHERE r.profile = ${p}
    GROUP BY r.profile, f.type, r.cell_idx
    UNION ALL
    SELECT profile, 'all', cell_idx, min(minutes) FROM reach WHERE profile = ${p}
    GROUP BY profile, cell_idx`);
}

export async function loadRadiusPairs(runner: SqlRunner, pairs: RadiusPairs): Promise<void> {
  await runner.insertColumns('radius_pairs', [
    { name: 'facility_idx', type: 'INTEGER', values: pairs.facility },
    { name: 'cell_idx', type: 'INTEGER', values: pairs.cell },
    { name: 'distance_m', type: 'DOUBLE', values: pairs.distanceM },
  ]);
}

/** Converts hand-made or routing rows to the columnar form. */
export function reachTableFromRows(
  rows: readonly { facilityId: string; h3: string; minutes: number }[],
): ReachTable {
  return {
    facilityId: rows.map((r) => r.facilityId),
    h3: rows.map((r) => r.h3),
    minutes: rows.map((r) => r.minutes),
  };
}
