import { FACILITY_TYPES } from '../standards/types.ts';

/**
 * Tables every metric is computed from. Geometry and H3 are computed in TypeScript (DuckDB
 * extensions are not available offline) and loaded as plain columns.
 *
 * Keys: `population_cells.idx` is the cell's position in the city's cell list and
 * `facilities.idx` the facility's position in the register. The big tables (`reach`, `nearest`,
 * `radius_pairs`) refer to them by these integers instead of H3 strings and ids: on a metro with
 * a million cells, integer joins and integer bulk loads are an order of magnitude cheaper.
 *
 * Scopes: `scopes` lists ('city', ''), ('street', id), ('community', id) for every unit;
 * `facility_scope` gives each facility one row per scope it lies in. Cells are rolled up to
 * scopes by GROUPING SETS over their unit_id/street_id (see scope-sums.ts).
 */
export const TABLE_STATEMENTS: string[] = [
  `CREATE OR REPLACE TABLE facilities (
    idx INTEGER, id VARCHAR, name VARCHAR, type VARCHAR, floor_area_m2 DOUBLE, land_area_m2 DOUBLE,
    beds DOUBLE, floor_level INTEGER, has_lift BOOLEAN, lon DOUBLE, lat DOUBLE,
    unit_id VARCHAR, street_id VARCHAR)`,
  `CREATE OR REPLACE TABLE population_cells (
    idx INTEGER, h3 VARCHAR, residents DOUBLE, elders60 DOUBLE, elders65 DOUBLE, elders80 DOUBLE,
    households DOUBLE, unit_id VARCHAR, street_id VARCHAR)`,
  `CREATE OR REPLACE TABLE units (
    id VARCHAR, name VARCHAR, level VARCHAR, parent_id VARCHAR)`,
  /** Per-facility reach: facility `facility_idx` reaches cell `cell_idx` in `minutes`. */
  `CREATE OR REPLACE TABLE reach (
    facility_idx INTEGER, cell_idx INTEGER, minutes DOUBLE, profile VARCHAR)`,
  /**
   * Per travel profile and cell: minutes to the nearest facility of any kind (`minutes`) and of
   * each kind (one column per facility type, NULL when none is within reach). Only cells some
   * facility reaches within the largest threshold have a row.
   */
  `CREATE OR REPLACE TABLE nearest (
    profile VARCHAR, cell_idx INTEGER, minutes DOUBLE,
    ${FACILITY_TYPES.map((t) => `${t} DOUBLE`).join(', ')})`,
  /** Straight-line pairs: cell centroid within the radius of a facility (haversine, in TS). */
  `CREATE OR REPLACE TABLE radius_pairs (
    facility_idx INTEGER, cell_idx INTEGER, distance_m DOUBLE)`,
  `CREATE OR REPLACE TABLE findings (
    rule_id VARCHAR, kind VARCHAR, scope VARCHAR, unit_id VARCHAR, site_id VARCHAR,
    pass BOOLEAN, value DOUBLE, required DOUBLE, shortfall DOUBLE, note VARCHAR)`,
];

/** Built after loading; see the header comment. */
export const SCOPE_STATEMENTS: string[] = [
  `CREATE OR REPLACE TABLE facility_scope AS
    SELECT id AS facility_id, 'city' AS scope, '' AS unit_id FROM facilities
    UNION ALL SELECT id, 'street', street_id FROM facilities WHERE street_id <> ''
    UNION ALL SELECT id, 'community', unit_id FROM facilities WHERE unit_id <> ''`,
  /** Every scope that exists, so units without cells still report. */
  `CREATE OR REPLACE TABLE scopes AS
    SELECT 'city' AS scope, '' AS unit_id
    UNION ALL SELECT level, id FROM units WHERE level IN ('street', 'community')`,
];
