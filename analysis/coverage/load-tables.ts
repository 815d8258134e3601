import { SCOPE_STATEMENTS, TABLE_STATEMENTS } from '../db/schema.ts';
import { execAll, type SqlRunner, sqlString } from '../db/sql-runner.ts';
import { h3Halves } from '../routing/cell-centres.ts';
import { FACILITY_TYPES, type TravelProfile } from '../standards/types.ts';
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
  await loadPopulation(runner, input.cells);
  const units = input.units;
  await runner.insertColumns('units', [
    { name: 'id', type: 'VARCHAR', values: units.map((u) => u.id) },
    { name: 'name', type: 'VARCHAR', values: units.map((u) => u.name) },
    { name: 'level', type: 'VARCHAR', values: units.map((u) => u.level) },
    { name: 'parent_id', type: 'VARCHAR', values: units.map((u) => u.parentId ?? null) },
    { name: 'area_type', type: 'VARCHAR', values: units.map((u) => u.areaType ?? null) },
    {
      name: 'new_residential',
      type: 'BOOLEAN',
      values: units.map((u) => u.newResidential ?? null),
    },
  ]);
  const fs = input.facilities;
  for (const f of fs) checkFacilityType(f.type);
  const assigned = assignFacilityUnits(input);
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
    { name: 'unit_id', type: 'VARCHAR', values: assigned.map((a) => a.unitId) },
    { name: 'street_id', type: 'VARCHAR', values: assigned.map((a) => a.streetId) },
    {
      name: 'social_operation',
      type: 'BOOLEAN',
      values: fs.map((f) => f.socialOperation ?? null),
    },
    {
      name: 'medical_integration',
      type: 'BOOLEAN',
      values: fs.map((f) => f.medicalIntegration ?? null),
    },
  ]);
  await execAll(runner, SCOPE_STATEMENTS);
}

/**
 * Population cells go through a staging table of numbers only: the H3 index as two int32
 * halves (formatted back to hex in SQL) and unit ids as codes into a small dictionary, so that
 * a million-cell city sends no string per cell across the binding.
 */
async function loadPopulation(runner: SqlRunner, cells: CityInput['cells']): Promise<void> {
  const n = cells.length;
  const ids: string[] = [];
  const codes = new Map<string, number>();
  let lastId: string | null = null;
  let lastCode = -1;
  const codeOf = (id: string): number => {
    // Cells in H3 order come in runs of the same unit: skip the map within a run.
    if (id === lastId) return lastCode;
    let code = codes.get(id);
    if (code === undefined) {
      code = ids.length;
      codes.set(id, code);
      ids.push(id);
    }
    lastId = id;
    lastCode = code;
    return code;
  };
  const unitCode = new Int32Array(n);
  const streetCode = new Int32Array(n);
  for (let i = 0; i < n; i++) unitCode[i] = codeOf(cells[i].unit_id ?? '');
  for (let i = 0; i < n; i++) streetCode[i] = codeOf(cells[i].street_id ?? '');
  const h3 = cityCells(cells).h3;
  const halves = h3Halves(h3);
  await runner.exec(
    `CREATE OR REPLACE TABLE population_stage (${halves === null ? 'h3 VARCHAR' : 'h3_hi INTEGER, h3_lo INTEGER'},
      residents DOUBLE, elders60 DOUBLE, elders65 DOUBLE, elders80 DOUBLE, households DOUBLE,
      unit_code INTEGER, street_code INTEGER)`,
  );
  await runner.exec('CREATE OR REPLACE TABLE population_ids (code INTEGER, id VARCHAR)');
  await runner.insertColumns('population_ids', [
    { name: 'code', type: 'INTEGER', values: positions(ids.length) },
    { name: 'id', type: 'VARCHAR', values: ids },
  ]);
  // Appended rows keep their order, so the stage's rowid is the cell's position.
  await runner.insertColumns('population_stage', [
    ...(halves === null
      ? [{ name: 'h3', type: 'VARCHAR' as const, values: h3 }]
      : [
          { name: 'h3_hi', type: 'INTEGER' as const, values: halves.hi },
          { name: 'h3_lo', type: 'INTEGER' as const, values: halves.lo },
        ]),
    { name: 'residents', type: 'DOUBLE', values: column(cells, 'residents') },
    { name: 'elders60', type: 'DOUBLE', values: column(cells, 'elders60') },
    { name: 'elders65', type: 'DOUBLE', values: column(cells, 'elders65') },
    { name: 'elders80', type: 'DOUBLE', values: column(cells, 'elders80') },
    { name: 'households', type: 'DOUBLE', values: column(cells, 'households') },
    { name: 'unit_code', type: 'INTEGER', values: unitCode },
    { name: 'street_code', type: 'INTEGER', values: streetCode },
  ]);
  const h3Sql =
    halves === null
      ? 'p.h3'
      : "printf('%x', (p.h3_hi::UBIGINT << 32) | (p.h3_lo::BIGINT & 4294967295)::UBIGINT)";
  await runner.exec(`INSERT INTO population_cells
    SELECT p.rowid::INTEGER, ${h3Sql}, p.residents, p.elders60, p.elders65, p.elders80, p.households,
      u.id, s.id
    FROM population_stage p JOIN population_ids u ON u.code = p.unit_code
      JOIN population_ids s ON s.code = p.street_code`);
  await runner.exec('DROP TABLE population_stage');
  await runner.exec('DROP TABLE population_ids');
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
 * Nearest minutes per cell from the routing's multi-source searches, per type and any kind
 * (the least), one row per cell some facility reaches. Staged as typed arrays with Infinity
 * for "none within reach", turned into NULL in SQL.
 */
export async function loadNearest(
  runner: SqlRunner,
  profile: TravelProfile,
  byType: ReadonlyMap<string, Float64Array>,
  cellCount: number,
): Promise<void> {
  for (const type of byType.keys()) checkFacilityType(type);
  const types = FACILITY_TYPES.filter((t) => byType.has(t));
  const lists = types.map((t) => byType.get(t) as Float64Array);
  // Rows: cells some facility reaches; the any-kind minutes are the least kind column (SQL).
  const reached = new Uint8Array(cellCount);
  for (const minutes of lists) {
    for (let c = 0; c < cellCount; c++) if (minutes[c] < Number.POSITIVE_INFINITY) reached[c] = 1;
  }
  let rows = 0;
  for (let c = 0; c < cellCount; c++) rows += reached[c];
  if (rows === 0) return;
  const cell = new Int32Array(rows);
  let k = 0;
  for (let c = 0; c < cellCount; c++) if (reached[c] === 1) cell[k++] = c;
  const pick = (minutes: Float64Array) => {
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = minutes[cell[i]];
    return out;
  };
  await runner.exec(
    `CREATE OR REPLACE TABLE nearest_stage (cell_idx INTEGER${types.map((t) => `, ${t} DOUBLE`).join('')})`,
  );
  await runner.insertColumns('nearest_stage', [
    { name: 'cell_idx', type: 'INTEGER', values: cell },
    ...types.map((t, j) => ({ name: t, type: 'DOUBLE' as const, values: pick(lists[j]) })),
  ]);
  const kinds = FACILITY_TYPES.map((t) =>
    types.includes(t) ? `CASE WHEN isinf(${t}) THEN NULL ELSE ${t} END` : 'NULL::DOUBLE',
  );
  await runner.exec(
    `INSERT INTO nearest SELECT ${sqlString(profile)}, cell_idx, least(${types.join(', ')}),
       ${kinds.join(', ')}
     FROM nearest_stage`,
  );
  await runner.exec('DROP TABLE nearest_stage');
}

/** Nearest minutes from per-facility rows, for sources that give no nearestByType. */
export async function deriveNearest(runner: SqlRunner, profile: TravelProfile): Promise<void> {
  const kinds = FACILITY_TYPES.map((t) => `min(r.minutes) FILTER (WHERE f.type = ${sqlString(t)})`);
  await runner.exec(`INSERT INTO nearest
    SELECT r.profile, r.cell_idx, min(r.minutes), ${kinds.join(', ')}
    FROM reach r JOIN facilities f ON f.idx = r.facility_idx WHERE r.profile = ${sqlString(profile)}
    GROUP BY r.profile, r.cell_idx`);
}

/** The nearest table has one column per known type; anything else is a caller's bug. */
function checkFacilityType(type: string): void {
  if (!(FACILITY_TYPES as readonly string[]).includes(type)) {
    throw new Error(`facility type "${type}" is not one of ${FACILITY_TYPES.join(', ')}`);
  }
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
