import { InputError } from '../../errors.ts';
import { isInChinaBox } from '../crs/convert.ts';
import type { RawRow, RawTable, Rejection } from '../table/types.ts';
import type { ImportField } from './column-synonyms.ts';
import type { ColumnMapping } from './guess-columns.ts';
import { parseCoordinatePair, parseNumber } from './parse-values.ts';
import { reasons } from './reasons.ts';

/** One row being checked; checks append to problems instead of stopping at the first. */
export interface RowContext {
  row: RawRow;
  table: RawTable;
  problems: Rejection[];
}

const FIELD_LABELS: Partial<Record<ImportField, string>> = {
  name: '名称 name',
  type: '类型 type',
  lon: '经度 longitude',
  lat: '纬度 latitude',
  h3: 'H3',
};

/**
 * Mapping-level checks (the user's problem, reported before any row): every mapped column
 * exists, the required fields are mapped, and coordinates come from two columns or one.
 */
export function requireMapping(
  table: RawTable,
  mapping: ColumnMapping,
  required: ImportField[],
  fileName?: string,
): void {
  const file = fileName === undefined ? {} : { file: fileName };
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== undefined && !table.columns.includes(column)) {
      throw new InputError(
        'E_NO_COLUMN',
        `column "${column}" (for ${field}) is not in the file; 文件中没有该列`,
        { ...file, column },
      );
    }
  }
  for (const field of required) {
    if (mapping[field] === undefined) {
      const label = FIELD_LABELS[field] ?? field;
      throw new InputError(
        'E_MISSING_COLUMN',
        `no column is mapped to ${label}; 请指定对应的列`,
        file,
      );
    }
  }
}

export function requireCoordinateMapping(
  table: RawTable,
  mapping: ColumnMapping,
  fileName?: string,
): void {
  requireMapping(
    table,
    mapping,
    mapping.lonlat !== undefined ? ['lonlat'] : ['lon', 'lat'],
    fileName,
  );
}

/**
 * Reads and checks one row's coordinates as written (before any CRS conversion). Swapped
 * longitude/latitude is detected and rejected, never silently swapped.
 */
export function readCoordinates(
  ctx: RowContext,
  mapping: ColumnMapping,
  options: { allowOutsideChina: boolean },
): [number, number] | undefined {
  const cellOf = (column: string) => ctx.row.cells[ctx.table.columns.indexOf(column)];
  const fail = (column: string, value: string, reason: Rejection['reason']) => {
    ctx.problems.push({ row: ctx.row.row, column, value, reason });
    return undefined;
  };
  let lon: number | undefined;
  let lat: number | undefined;
  let column: string;
  let written: string;
  if (mapping.lonlat !== undefined) {
    column = mapping.lonlat;
    written = cellOf(column);
    if (written.trim() === '') return fail(column, written, reasons.missingValue());
    const pair = parseCoordinatePair(written);
    if (pair === undefined) return fail(column, written, reasons.badCoordPair());
    [lon, lat] = pair;
  } else {
    const lonColumn = mapping.lon as string;
    const latColumn = mapping.lat as string;
    const lonText = cellOf(lonColumn);
    const latText = cellOf(latColumn);
    for (const [c, text] of [
      [lonColumn, lonText],
      [latColumn, latText],
    ]) {
      if (text.trim() === '') fail(c, text, reasons.missingValue());
      else if (parseNumber(text) === undefined) fail(c, text, reasons.badNumber());
    }
    lon = parseNumber(lonText);
    lat = parseNumber(latText);
    if (lon === undefined || lat === undefined) return undefined;
    column = lonColumn;
    written = `${lonText}, ${latText}`;
  }
  if (looksSwapped(lon, lat)) return fail(column, written, reasons.swapped());
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return fail(column, written, reasons.coordRange());
  if (!options.allowOutsideChina && !isInChinaBox(lon, lat))
    return fail(column, written, reasons.outsideChina());
  return [lon, lat];
}

/** A latitude beyond ±90 with a longitude that would be a valid latitude, or a pair that only lands in China swapped. */
function looksSwapped(lon: number, lat: number): boolean {
  if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) return true;
  return !isInChinaBox(lon, lat) && isInChinaBox(lat, lon);
}
