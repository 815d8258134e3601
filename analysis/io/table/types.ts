/**
 * The importers' common currency: every input format (CSV, XLSX, GeoJSON, zipped Shapefile) is
 * read into a RawTable of strings first, so that column mapping, CRS detection and validation are
 * written once. Everything here is plain data (structured-cloneable) so that a Web Worker can
 * hand it to the page and back unchanged.
 */

export type SourceFormat = 'csv' | 'xlsx' | 'geojson' | 'shapefile';

/** How the bytes were decoded; 'binary' for formats that carry their own encoding (XLSX). */
export type TextEncodingName =
  | 'utf-8'
  | 'utf-8-bom'
  | 'gb18030'
  | 'utf-16le'
  | 'utf-16be'
  | 'binary';

/** Why a cell or row was refused, in both UI languages. */
export interface Reason {
  /** Stable machine code, e.g. E_BAD_NUMBER. */
  code: string;
  zh: string;
  en: string;
}

/** One problem with one cell (or a whole row, then column names the row-level field). */
export interface Rejection {
  /** 1-based row as the user sees it: header = row 1 for tables; feature number for GeoJSON/Shapefile. */
  row: number;
  /** Column name as in the file (or a synthetic name such as "geometry" or "(row)"). */
  column: string;
  value: string;
  reason: Reason;
}

export interface RawRow {
  /** See Rejection.row. */
  row: number;
  /** One string per table column (same order as RawTable.columns); missing cells are ''. */
  cells: string[];
  /** Row-level problems found while reading (bad geometry, too many fields, broken quotes). */
  problems?: Rejection[];
  /** Notes that do not reject the row (W_ codes): a value read not exactly as written. */
  warnings?: Rejection[];
  /**
   * Cells whose text is not their value (a formula without a saved result, an error value such as
   * #DIV/0!): by column index. A field mapped to such a column rejects the row.
   */
  cellIssues?: { column: number; value: string; reason: Reason }[];
}

export interface RawTable {
  format: SourceFormat;
  /** The text encoding detected (CSV) or read from .cpg/.dbf (Shapefile); 'binary' for XLSX. */
  encoding: TextEncodingName | string;
  /** How the encoding was decided, for the summary ("BOM", "strict UTF-8 decode failed", ".cpg"). */
  encodingEvidence: string;
  /** Field delimiter that was sniffed (CSV only). */
  delimiter?: string;
  /** Sheets of a workbook or layers of a zipped Shapefile; [] for single-table formats. */
  sheetNames: string[];
  /** The sheet/layer that was read. */
  sheet?: string;
  /** Column names, made unique and non-empty (duplicates get "_2", blanks "column_N"). */
  columns: string[];
  /** Names exactly as in the file, same order as columns (for the rejected-rows export). */
  originalColumns: string[];
  /** The header's row number (1 unless title rows precede it). */
  headerRow: number;
  rows: RawRow[];
  /** Rows that were entirely empty: skipped, never rejected, but counted. */
  emptyRows: number[];
  /** Non-fatal notes for the summary (polygon centroids used, duplicate headers renamed...). */
  warnings: string[];
}

/** Columns synthesised from geometry for GeoJSON/Shapefile rows. */
export const GEOMETRY_LON_COLUMN = 'geometry_lon';
export const GEOMETRY_LAT_COLUMN = 'geometry_lat';
