import { isValidCell } from 'h3-js';
import { InputError } from '../../errors.ts';
import { type Crs, toWgs84 } from '../crs/convert.ts';
import type { RawTable, Rejection } from '../table/types.ts';
import type { PopulationField } from './column-synonyms.ts';
import type { ColumnMapping } from './guess-columns.ts';
import { isAmbiguousNumber, parseNumber } from './parse-values.ts';
import { type OnImportProgress, rowProgress } from './progress.ts';
import { reasons } from './reasons.ts';
import { type RowContext, readCoordinates, requireMapping } from './row-checks.ts';

const COUNT_FIELDS = ['residents', 'elders60', 'elders65', 'elders80', 'households'] as const;
type CountField = (typeof COUNT_FIELDS)[number];

/**
 * One accepted population row: an H3 cell or a point (WGS-84 after conversion) with the counts
 * the file gives. Counts absent from the file stay absent (the coverage step decides how to
 * fill them and says so); nothing is estimated here.
 */
export interface PopulationImportRow extends Partial<Record<CountField, number>> {
  source_row: number;
  id?: string;
  name?: string;
  h3?: string;
  lon?: number;
  lat?: number;
  source_lon?: number;
  source_lat?: number;
  crs?: Crs;
  extra: Record<string, string>;
}

export interface PopulationImport {
  rows: PopulationImportRow[];
  rejections: Rejection[];
  rejectedRows: number[];
  counts: { rows: number; accepted: number; rejected: number; emptyRows: number };
}

const inconsistent = (bigger: string) => ({
  code: 'E_INCONSISTENT',
  zh: `不应大于${bigger}`,
  en: `must not exceed ${bigger}`,
});
const badH3 = () => ({
  code: 'E_BAD_H3',
  zh: '不是有效的 H3 网格编号',
  en: 'not a valid H3 cell index',
});

/** Checks a population table (per H3 cell or per point) row by row, like validateFacilities. */
export function validatePopulation(
  table: RawTable,
  mapping: ColumnMapping<PopulationField>,
  options: {
    crs: Crs;
    allowOutsideChina?: boolean;
    fileName?: string;
    onProgress?: OnImportProgress;
  },
): PopulationImport {
  requireMapping(table, mapping, [], options.fileName);
  const hasPoint =
    mapping.lonlat !== undefined || (mapping.lon !== undefined && mapping.lat !== undefined);
  if (mapping.h3 === undefined && !hasPoint)
    requireMapping(table, mapping, ['h3'], options.fileName);
  if (COUNT_FIELDS.every((f) => mapping[f] === undefined)) {
    throw new InputError(
      'E_MISSING_COLUMN',
      'no population count column is mapped (常住人口, 60岁以上…); 请指定人口列',
      {
        ...(options.fileName === undefined ? {} : { file: options.fileName }),
      },
    );
  }
  const col = (f: PopulationField) =>
    mapping[f] === undefined ? -1 : table.columns.indexOf(mapping[f] as string);
  const mapped = new Set(Object.values(mapping));
  const rows: PopulationImportRow[] = [];
  const rejections: Rejection[] = [];
  const progress = rowProgress(table.rows.length, options.onProgress);
  let checked = 0;
  for (const row of table.rows) {
    progress(++checked);
    const ctx: RowContext = { row, table, problems: [...(row.problems ?? [])] };
    // A formula without a saved result or an error value in a mapped column rejects the row.
    for (const issue of row.cellIssues ?? []) {
      if (!mapped.has(table.columns[issue.column])) continue;
      const column = table.columns[issue.column];
      ctx.problems.push({ row: row.row, column, value: issue.value, reason: issue.reason });
    }
    const fail = (f: PopulationField, reason: Rejection['reason']) =>
      ctx.problems.push({
        row: row.row,
        column: mapping[f] as string,
        value: row.cells[col(f)],
        reason,
      });
    const out: PopulationImportRow = { source_row: row.row, extra: {} };
    if (mapping.h3 !== undefined) {
      const h3 = row.cells[col('h3')].trim();
      if (h3 === '') fail('h3', reasons.missingValue());
      else if (!isValidCell(h3)) fail('h3', badH3());
      else out.h3 = h3;
    }
    if (hasPoint) {
      const point = readCoordinates(ctx, mapping, {
        allowOutsideChina: options.allowOutsideChina ?? false,
      });
      if (point !== undefined) {
        [out.lon, out.lat] = toWgs84(point[0], point[1], options.crs);
        [out.source_lon, out.source_lat, out.crs] = [point[0], point[1], options.crs];
      }
    }
    let anyCount = false;
    for (const f of COUNT_FIELDS) {
      if (col(f) < 0 || row.cells[col(f)].trim() === '') continue;
      anyCount = true;
      const text = row.cells[col(f)];
      const value = parseNumber(text);
      if ((row.cellIssues ?? []).some((issue) => issue.column === col(f))) continue;
      if (value === undefined)
        fail(f, isAmbiguousNumber(text) ? reasons.ambiguousNumber() : reasons.badNumber());
      else if (value < 0) fail(f, reasons.negative());
      else out[f] = value;
    }
    if (!anyCount)
      fail(COUNT_FIELDS.find((f) => col(f) >= 0) as CountField, reasons.missingValue());
    const order: [CountField, CountField, string][] = [
      ['elders60', 'residents', '常住人口 residents'],
      ['elders65', 'elders60', '60岁以上 elders 60+'],
      ['elders80', 'elders65', '65岁以上 elders 65+'],
    ];
    for (const [part, whole, label] of order) {
      const p = out[part];
      const w = out[whole];
      if (p !== undefined && w !== undefined && p > w) fail(part, inconsistent(label));
    }
    if (mapping.id !== undefined) out.id = row.cells[col('id')];
    if (mapping.name !== undefined) out.name = row.cells[col('name')];
    out.extra = Object.fromEntries(
      table.columns.flatMap((c, i) => (mapped.has(c) ? [] : [[c, row.cells[i]]])),
    );
    if (ctx.problems.length > 0) rejections.push(...ctx.problems);
    else rows.push(out);
  }
  const rejectedRows = [...new Set(rejections.map((r) => r.row))];
  return {
    rows,
    rejections,
    rejectedRows,
    counts: {
      rows: table.rows.length,
      accepted: rows.length,
      rejected: rejectedRows.length,
      emptyRows: table.emptyRows.length,
    },
  };
}
