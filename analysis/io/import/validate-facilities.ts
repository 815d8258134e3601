import type { FacilityProperties } from '../../facility.ts';
import type { FacilityType } from '../../vocabulary.ts';
import { type Crs, toWgs84 } from '../crs/convert.ts';
import type { RawTable, Rejection } from '../table/types.ts';
import type { FacilityField } from './column-synonyms.ts';
import {
  type ColumnFill,
  emptyColumnWarnings,
  type FileWarning,
  optionalColumnFill,
} from './empty-columns.ts';
import { facilityTypeOf } from './facility-type-names.ts';
import type { ColumnMapping } from './guess-columns.ts';
import { isAmbiguousNumber, parseBoolean, parseNumber } from './parse-values.ts';
import { type OnImportProgress, rowProgress } from './progress.ts';
import { AREA_MAX_M2, BEDS_MAX, FLOOR_RANGE, reasons, warnings as warningsOf } from './reasons.ts';
import {
  type RowContext,
  readCoordinates,
  requireCoordinateMapping,
  requireMapping,
} from './row-checks.ts';
import { checkStudyArea, type StudyArea, type StudyAreaOutcome } from './study-area.ts';

/** FacilityProperties plus where each value came from, so nothing is altered unseen. */
export interface ImportedFacilityProperties extends FacilityProperties {
  /** The type as written in the file (e.g. 社区养老服务站). */
  typeName: string;
  /** Row of the source file (see Rejection.row). */
  source_row: number;
  /** Coordinates as read, before conversion, and the CRS they were read in. */
  source_lon: number;
  source_lat: number;
  crs: Crs;
  /** Fields absent or empty in the file that got a default: id → "row-N". */
  defaulted?: (keyof FacilityProperties)[];
  /**
   * Fields the file leaves empty (or has no column for): not known, so null in the field (never 0
   * or the ground floor); the row carries W_UNKNOWN_VALUE when the file has the column.
   */
  unknown?: UnknownField[];
  /** Every unmapped column, verbatim (programme status, year, dates, remarks...). */
  extra: Record<string, string>;
}

export type UnknownField = 'floorAreaM2' | 'beds' | 'floorLevel';

const UNKNOWN_FIELD_COLUMN: Record<UnknownField, FacilityField> = {
  floorAreaM2: 'floorArea',
  beds: 'beds',
  floorLevel: 'floorLevel',
};
const M2 = { zh: '平方米', en: 'm²' };
const BEDS = { zh: '张', en: 'beds' };

export interface FacilityFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: ImportedFacilityProperties;
}

export interface FacilityCollection {
  type: 'FeatureCollection';
  features: FacilityFeature[];
}

export interface ValidateFacilitiesOptions {
  crs: Crs;
  /** Type for every row when the file has no type column (e.g. a list of 睦邻点 only). */
  defaultType?: FacilityType;
  /** Accept points outside China (they are still range-checked). Default false. */
  allowOutsideChina?: boolean;
  fileName?: string;
  /** The city's study area: rows outside it are rejected with E_OUTSIDE_STUDY_AREA. */
  studyArea?: StudyArea;
  /** Keep rows outside the study area (each with a W_OUTSIDE_STUDY_AREA_KEPT warning). */
  keepOutsideStudyArea?: boolean;
  /**
   * Rows of every id found more than once in the whole file (idKey → rows), when the table is
   * one batch of a file read in parts; otherwise the table's own ids are compared.
   */
  duplicateIds?: ReadonlyMap<string, number[]>;
  /**
   * Which optional columns hold a value anywhere in the file, when the table is one batch of a
   * file read in parts (optionalColumnFill over every row); otherwise the table's own rows.
   */
  columnFill?: ColumnFill;
  /** Rows checked so far, every PROGRESS_EVERY_ROWS rows (a host's progress bar). */
  onProgress?: OnImportProgress;
}

export interface FacilityImport {
  collection: FacilityCollection;
  /** Every problem, in row order; a row may have several. */
  rejections: Rejection[];
  /** Row numbers of rejected rows, ascending. */
  rejectedRows: number[];
  /** Notes on accepted rows (W_ codes, e.g. a last line without a line break). */
  warnings: Rejection[];
  /** Notes on the whole file: an optional field no row fills (W_EMPTY_COLUMN, W_NO_COLUMN). */
  fileWarnings: FileWarning[];
  counts: { rows: number; accepted: number; rejected: number; emptyRows: number };
  /** What the study-area check did (absent when no study area was given). */
  studyArea?: StudyAreaOutcome;
}

/**
 * Checks every row of a facility table, then builds the accepted ones ("check everything, then
 * apply"). Accepted values are the parsed cells; the only change is the stated CRS conversion,
 * and the original coordinates stay in source_lon / source_lat.
 */
export function validateFacilities(
  table: RawTable,
  mapping: ColumnMapping<FacilityField>,
  options: ValidateFacilitiesOptions,
): FacilityImport {
  requireCoordinateMapping(table, mapping, options.fileName);
  requireMapping(table, mapping, ['name'], options.fileName);
  if (mapping.type === undefined && options.defaultType === undefined)
    requireMapping(table, mapping, ['type'], options.fileName);
  const index = (field: FacilityField) =>
    mapping[field] === undefined ? -1 : table.columns.indexOf(mapping[field] as string);
  const mappedColumns = new Set(Object.values(mapping));
  const extraColumns = table.columns
    .map((c, i) => [c, i] as const)
    .filter(([c]) => !mappedColumns.has(c));
  const rejections: Rejection[] = [];
  const candidates: FacilityFeature[] = [];
  const unknownWarnings: Rejection[] = [];
  const mappedIndexes = new Set([...mappedColumns].map((c) => table.columns.indexOf(c as string)));
  const progress = rowProgress(table.rows.length, options.onProgress);
  let checked = 0;
  for (const row of table.rows) {
    progress(++checked);
    const ctx: RowContext = { row, table, problems: [...(row.problems ?? [])] };
    for (const issue of row.cellIssues ?? []) {
      if (!mappedIndexes.has(issue.column)) continue;
      const column = table.columns[issue.column];
      ctx.problems.push({ row: row.row, column, value: issue.value, reason: issue.reason });
    }
    const point = readCoordinates(ctx, mapping, {
      allowOutsideChina: options.allowOutsideChina ?? false,
    });
    const properties = readProperties(ctx, index, options);
    if (ctx.problems.length > 0 || point === undefined || properties === undefined) {
      rejections.push(...ctx.problems);
      continue;
    }
    for (const key of properties.unknown ?? []) {
      const column = mapping[UNKNOWN_FIELD_COLUMN[key]];
      if (column === undefined) continue;
      unknownWarnings.push({ row: row.row, column, value: '', reason: warningsOf.unknownValue() });
    }
    const [lon, lat] = toWgs84(point[0], point[1], options.crs);
    properties.source_lon = point[0];
    properties.source_lat = point[1];
    properties.extra = Object.fromEntries(extraColumns.map(([c, i]) => [c, row.cells[i]]));
    candidates.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties,
    });
  }
  const located = inStudyAreaOnly(candidates, mapping, options);
  rejections.push(...located.rejections);
  const accepted = rejectDuplicateIds(
    located.inside,
    mapping.id,
    rejections,
    table,
    options.duplicateIds,
  );
  rejections.sort((a, b) => a.row - b.row);
  const rejectedRows = [...new Set(rejections.map((r) => r.row))];
  const acceptedRows = new Set(accepted.map((f) => f.properties.source_row));
  const warnings = [
    ...table.rows.flatMap((r) => (acceptedRows.has(r.row) ? (r.warnings ?? []) : [])),
    ...located.warnings.filter((w) => acceptedRows.has(w.row)),
    ...unknownWarnings.filter((w) => acceptedRows.has(w.row)),
  ].sort((a, b) => a.row - b.row);
  return {
    collection: { type: 'FeatureCollection', features: accepted },
    rejections,
    rejectedRows,
    warnings,
    fileWarnings: emptyColumnWarnings(
      mapping,
      options.columnFill ?? optionalColumnFill(table.columns, table.rows, mapping),
    ),
    counts: {
      rows: table.rows.length,
      accepted: accepted.length,
      rejected: rejectedRows.length,
      emptyRows: table.emptyRows.length,
    },
    ...(located.outcome === undefined ? {} : { studyArea: located.outcome }),
  };
}

/** The study-area check on converted points (skipped when the caller gives no study area). */
function inStudyAreaOnly(
  candidates: FacilityFeature[],
  mapping: ColumnMapping<FacilityField>,
  options: ValidateFacilitiesOptions,
): {
  inside: FacilityFeature[];
  rejections: Rejection[];
  warnings: Rejection[];
  outcome?: StudyAreaOutcome;
} {
  if (options.studyArea === undefined) return { inside: candidates, rejections: [], warnings: [] };
  const rows = candidates.map((feature) => ({
    feature,
    row: feature.properties.source_row,
    lon: feature.geometry.coordinates[0],
    lat: feature.geometry.coordinates[1],
  }));
  const checked = checkStudyArea(rows, options.studyArea, {
    keepOutside: options.keepOutsideStudyArea ?? false,
    column: mapping.lonlat ?? [mapping.lon, mapping.lat].filter(Boolean).join(' / '),
    sourceValue: (r) => `${r.feature.properties.source_lon}, ${r.feature.properties.source_lat}`,
  });
  return { ...checked, inside: checked.inside.map((r) => r.feature) };
}

function readProperties(
  ctx: RowContext,
  index: (f: FacilityField) => number,
  options: ValidateFacilitiesOptions,
): ImportedFacilityProperties | undefined {
  const { row } = ctx;
  const defaulted: (keyof FacilityProperties)[] = [];
  const cell = (f: FacilityField) => (index(f) < 0 ? '' : row.cells[index(f)]);
  const fail = (f: FacilityField, reason: Rejection['reason']) => {
    ctx.problems.push({
      row: row.row,
      column: ctx.table.columns[index(f)],
      value: cell(f),
      reason,
    });
  };
  const name = cell('name');
  if (name.trim() === '') fail('name', reasons.missingValue());
  let type = options.defaultType;
  const typeName = index('type') < 0 ? '' : cell('type');
  if (index('type') >= 0) {
    type = facilityTypeOf(typeName);
    if (type === undefined)
      fail('type', typeName.trim() === '' ? reasons.missingValue() : reasons.unknownType());
  }
  const unknown: UnknownField[] = [];
  const hasIssue = (f: FacilityField) =>
    (row.cellIssues ?? []).some((issue) => issue.column === index(f));
  const number = (f: FacilityField, kind: 'area' | 'beds' | 'floor', key: UnknownField) => {
    const text = cell(f);
    // A cell with an issue rejects the row (its problem is listed); no value is read from it.
    if (hasIssue(f)) return null;
    if (text.trim() === '') {
      // Empty or no column: not known. Never read as 0 m², 0 beds or the ground floor.
      unknown.push(key);
      return null;
    }
    const value = parseNumber(text, kind);
    if (value === undefined)
      fail(f, isAmbiguousNumber(text, kind) ? reasons.ambiguousNumber() : reasons.badNumber());
    else if (kind === 'floor') {
      if (
        !Number.isInteger(value) ||
        value === 0 ||
        value < FLOOR_RANGE[0] ||
        value > FLOOR_RANGE[1]
      )
        fail(f, reasons.badFloor());
    } else if (value < 0) fail(f, reasons.negative());
    else if (kind === 'beds' && !Number.isInteger(value)) fail(f, reasons.notInteger());
    else if (kind === 'area' && value > AREA_MAX_M2) fail(f, reasons.implausible(AREA_MAX_M2, M2));
    else if (kind === 'beds' && value > BEDS_MAX) fail(f, reasons.implausible(BEDS_MAX, BEDS));
    return value ?? null;
  };
  const floorAreaM2 = number('floorArea', 'area', 'floorAreaM2');
  const beds = number('beds', 'beds', 'beds');
  const floorLevel = number('floorLevel', 'floor', 'floorLevel');
  const liftText = cell('lift');
  const hasLift = liftText.trim() === '' ? undefined : parseBoolean(liftText);
  if (liftText.trim() !== '' && hasLift === undefined) fail('lift', reasons.badBoolean());
  // Kept as written (no trimming), like every other accepted value; blank means "none given".
  let id = cell('id');
  if (id.trim() === '') {
    id = `row-${row.row}`;
    defaulted.unshift('id');
  }
  if (ctx.problems.length > 0 || type === undefined) return undefined;
  return {
    id,
    name,
    type,
    typeName,
    floorAreaM2,
    beds,
    floorLevel,
    ...(hasLift === undefined ? {} : { hasLift }),
    illustrative: false,
    source_row: row.row,
    source_lon: Number.NaN,
    source_lat: Number.NaN,
    crs: options.crs,
    ...(defaulted.length > 0 ? { defaulted } : {}),
    ...(unknown.length > 0 ? { unknown } : {}),
    extra: {},
  };
}

/**
 * All rows sharing an id are rejected (which one is right is the user's call, not ours). Ids are
 * compared over every row, rejected ones included, so that the listing is complete at once, and
 * after Unicode normalisation (full-width letters and digits) and trimming.
 */
function rejectDuplicateIds(
  features: FacilityFeature[],
  idColumn: string | undefined,
  rejections: Rejection[],
  table: RawTable,
  known?: ReadonlyMap<string, number[]>,
): FacilityFeature[] {
  if (idColumn === undefined) return features;
  const column = table.columns.indexOf(idColumn);
  if (known !== undefined) {
    for (const row of table.rows) {
      const rows = known.get(idKey(row.cells[column]));
      if (rows === undefined || rows.length < 2) continue;
      const others = rows.filter((r) => r !== row.row);
      const value = idKey(row.cells[column]);
      rejections.push({
        row: row.row,
        column: idColumn,
        value,
        reason: reasons.duplicateId(others),
      });
    }
    return features.filter((f) => (known.get(idKey(f.properties.id))?.length ?? 0) < 2);
  }
  const rowsById = new Map<string, number[]>();
  for (const row of table.rows) {
    const id = idKey(row.cells[column]);
    if (id === '') continue;
    const list = rowsById.get(id) ?? [];
    list.push(row.row);
    rowsById.set(id, list);
  }
  for (const [id, rows] of rowsById) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((r) => r !== row);
      rejections.push({ row, column: idColumn, value: id, reason: reasons.duplicateId(others) });
    }
  }
  return features.filter((f) => (rowsById.get(idKey(f.properties.id))?.length ?? 0) < 2);
}

/** Ids as compared: F003, Ｆ003 and " F003" are one id written three ways (NFKC, trimmed). */
export function idKey(id: string): string {
  return id.normalize('NFKC').trim();
}
