import { SCOPE_STATEMENTS, TABLE_STATEMENTS } from '../db/schema.ts';
import { execAll, type SqlRunner } from '../db/sql-runner.ts';
import type { TravelProfile } from '../standards/types.ts';
import { assignFacilityUnits } from './assign-units.ts';
import type { RadiusPairs } from './radius.ts';
import type { CityInput, ReachTable } from './types.ts';

/** Creates the tables and loads the city (cells, units, facilities with their units). */
export async function loadCity(runner: SqlRunner, input: CityInput): Promise<void> {
  await execAll(runner, TABLE_STATEMENTS);
  const cells = input.cells;
  await runner.insertColumns('population_cells', [
    { name: 'h3', type: 'VARCHAR', values: cells.map((c) => c.h3) },
    { name: 'residents', type: 'DOUBLE', values: cells.map((c) => c.residents) },
    { name: 'elders60', type: 'DOUBLE', values: cells.map((c) => c.elders60) },
    { name: 'elders65', type: 'DOUBLE', values: cells.map((c) => c.elders65) },
    { name: 'elders80', type: 'DOUBLE', values: cells.map((c) => c.elders80) },
    { name: 'households', type: 'DOUBLE', values: cells.map((c) => c.households) },
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
    { name: 'unit_id', type: 'VARCHAR', values: fs.map((f) => assigned.get(f.id)?.unitId ?? '') },
    {
      name: 'street_id',
      type: 'VARCHAR',
      values: fs.map((f) => assigned.get(f.id)?.streetId ?? ''),
    },
  ]);
  await execAll(runner, SCOPE_STATEMENTS);
}

export async function loadReach(
  runner: SqlRunner,
  profile: TravelProfile,
  reach: ReachTable,
): Promise<void> {
  const n = reach.h3.length;
  await runner.insertColumns('reach', [
    { name: 'facility_id', type: 'VARCHAR', values: reach.facilityId },
    { name: 'h3', type: 'VARCHAR', values: reach.h3 },
    { name: 'minutes', type: 'DOUBLE', values: reach.minutes },
    { name: 'profile', type: 'VARCHAR', values: new Array<string>(n).fill(profile) },
  ]);
}

export async function loadRadiusPairs(runner: SqlRunner, pairs: RadiusPairs): Promise<void> {
  await runner.insertColumns('radius_pairs', [
    { name: 'facility_id', type: 'VARCHAR', values: pairs.facilityId },
    { name: 'h3', type: 'VARCHAR', values: pairs.h3 },
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
