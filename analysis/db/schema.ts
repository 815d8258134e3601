/**
 * Tables every metric is computed from. Geometry and H3 are computed in TypeScript (DuckDB
 * extensions are not available offline) and loaded as plain columns.
 *
 * Keys: `population_cells.idx` is the cell's position in the city's cell list and
 * `facilities.idx` the facility's position in the register. The big tables (`reach`, `nearest`,
 * `radius_pairs`, `cell_scope`) refer to them by these integers instead of H3 strings and ids:
 * on a metro with a million cells, integer joins and integer bulk loads are an order of
 * magnitude cheaper than strings.
 *
 * Scope tables give each cell and each facility one row per scope it belongs to:
 * ('city', ''), ('street', street_id), ('community', unit_id). Every per-unit metric is then one
 * GROUP BY scope, unit_id.
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
   * Minutes from each cell to the nearest facility of a kind ('all' = any kind), per travel
   * profile; only cells reached within the largest threshold have a row.
   */
  `CREATE OR REPLACE TABLE nearest (
    profile VARCHAR, kind VARCHAR, cell_idx INTEGER, minutes DOUBLE)`,
  /** Straight-line pairs: cell centroid within the radius of a facility (haversine, in TS). */
  `CREATE OR REPLACE TABLE radius_pairs (
    facility_idx INTEGER, cell_idx INTEGER, distance_m DOUBLE)`,
  `CREATE OR REPLACE TABLE findings (
    rule_id VARCHAR, kind VARCHAR, scope VARCHAR, unit_id VARCHAR, site_id VARCHAR,
    pass BOOLEAN, value DOUBLE, required DOUBLE, shortfall DOUBLE, note VARCHAR)`,
];

/** Built after loading; see the header comment. */
export const SCOPE_STATEMENTS: string[] = [
  `CREATE OR REPLACE TABLE cell_scope AS
    SELECT idx AS cell_idx, 'city' AS scope, '' AS unit_id FROM population_cells
    UNION ALL SELECT idx, 'street', street_id FROM population_cells WHERE street_id <> ''
    UNION ALL SELECT idx, 'community', unit_id FROM population_cells WHERE unit_id <> ''`,
  `CREATE OR REPLACE TABLE facility_scope AS
    SELECT id AS facility_id, 'city' AS scope, '' AS unit_id FROM facilities
    UNION ALL SELECT id, 'street', street_id FROM facilities WHERE street_id <> ''
    UNION ALL SELECT id, 'community', unit_id FROM facilities WHERE unit_id <> ''`,
  /** Every scope that exists, with its population, so units without cells still report. */
  `CREATE OR REPLACE TABLE scopes AS
    SELECT 'city' AS scope, '' AS unit_id
    UNION ALL SELECT level, id FROM units WHERE level IN ('street', 'community')`,
];
