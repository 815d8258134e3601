import { FACILITY_TYPES } from '../vocabulary.ts';

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
    unit_id VARCHAR, street_id VARCHAR, social_operation BOOLEAN, medical_integration BOOLEAN)`,
  `CREATE OR REPLACE TABLE population_cells (
    idx INTEGER, h3 VARCHAR, residents DOUBLE, elders60 DOUBLE, elders65 DOUBLE, elders80 DOUBLE,
    households DOUBLE, unit_id VARCHAR, street_id VARCHAR)`,
  `CREATE OR REPLACE TABLE units (
    id VARCHAR, name VARCHAR, level VARCHAR, parent_id VARCHAR, area_type VARCHAR,
    new_residential BOOLEAN)`,
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
  /**
   * One row per finding. status: pass | fail | not_evaluable; reason: a code (why not evaluable,
   * analysis/standards/rules/reasons.ts); binding false = a benchmark (标杆对照); note: a code.
   */
  `CREATE OR REPLACE TABLE findings (
    rule_id VARCHAR, kind VARCHAR, scope VARCHAR, unit_id VARCHAR, site_id VARCHAR,
    status VARCHAR, reason VARCHAR, binding BOOLEAN, value DOUBLE, required DOUBLE,
    shortfall DOUBLE, note VARCHAR)`,
];

/** Built after loading; see the header comment. */
export const SCOPE_STATEMENTS: string[] = [
  `CREATE OR REPLACE TABLE facility_scope AS
    SELECT id AS facility_id, 'city' AS scope, '' AS unit_id FROM facilities
    UNION ALL SELECT id, 'street', street_id FROM facilities WHERE street_id <> ''
    UNION ALL SELECT id, 'community', unit_id FROM facilities WHERE unit_id <> ''`,
  /**
   * Every scope that exists, so units without cells still report. Townships roll up at the
   * street tier and villages at the community tier; counties are not a scope.
   */
  `CREATE OR REPLACE TABLE scopes AS
    SELECT 'city' AS scope, '' AS unit_id
    UNION ALL SELECT CASE level WHEN 'township' THEN 'street' WHEN 'village' THEN 'community'
      ELSE level END, id FROM units WHERE level IN ('street', 'township', 'community', 'village')`,
  /**
   * Area type and new-residential flag of every unit (absent: the street's, else urban / not
   * new), of every cell (its community's, else its street's) and of every facility (its unit's).
   */
  `CREATE OR REPLACE TABLE unit_flags AS
    SELECT u.id AS unit_id, u.level,
      coalesce(u.area_type, p.area_type, 'urban') = 'rural' AS rural,
      coalesce(u.new_residential, p.new_residential, false) AS new_res
    FROM units u LEFT JOIN units p ON p.id = u.parent_id`,
  `CREATE OR REPLACE TABLE cell_flags AS
    SELECT c.idx AS cell_idx, coalesce(cu.rural, su.rural, false) AS rural,
      coalesce(cu.new_res, su.new_res, false) AS new_res
    FROM population_cells c LEFT JOIN unit_flags cu ON cu.unit_id = c.unit_id
      LEFT JOIN unit_flags su ON su.unit_id = c.street_id`,
  `CREATE OR REPLACE TABLE facility_flags AS
    SELECT f.id AS facility_id, coalesce(cu.rural, su.rural, false) AS rural,
      coalesce(cu.new_res, su.new_res, false) AS new_res
    FROM facilities f LEFT JOIN unit_flags cu ON cu.unit_id = f.unit_id
      LEFT JOIN unit_flags su ON su.unit_id = f.street_id`,
];
