import Papa from 'papaparse';
import type { PopulationCellRow } from '../../../analysis/city/types.ts';
import { InputError } from '../../../analysis/errors.ts';

const NUMBER_COLUMNS = ['residents', 'elders60', 'elders65', 'elders80', 'households'] as const;
/** In the order the city builder writes them, so the first missing one is reported. */
const COLUMNS = ['h3', ...NUMBER_COLUMNS, 'unit_id', 'street_id'] as const;

/**
 * Parses a city's population.csv (one row per H3 cell). Rejects the whole file on the first
 * malformed row: the file is machine-written, so a bad row means a broken build, not user data.
 * Row numbers are 1-based file lines (the header is line 1).
 */
export function parsePopulationCsv(text: string, file = 'population.csv'): PopulationCellRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  for (const column of COLUMNS) {
    if (!fields.includes(column)) {
      throw new InputError('E_MISSING_COLUMN', `missing column "${column}"`, { file, column });
    }
  }
  const firstError = parsed.errors[0];
  if (firstError !== undefined) {
    const row = firstError.row === undefined ? undefined : firstError.row + 2;
    throw new InputError('E_BAD_CSV', firstError.message, { file, row });
  }
  return parsed.data.map((record, index) => toRow(record, index + 2, file));
}

function toRow(record: Record<string, string>, row: number, file: string): PopulationCellRow {
  const numbers = {} as Record<(typeof NUMBER_COLUMNS)[number], number>;
  for (const column of NUMBER_COLUMNS) {
    const value = Number(record[column]);
    if (record[column] === '' || !Number.isFinite(value) || value < 0) {
      throw new InputError('E_BAD_NUMBER', `"${record[column]}" is not a count`, {
        file,
        row,
        column,
      });
    }
    numbers[column] = value;
  }
  const h3 = record.h3 ?? '';
  if (!/^[0-9a-f]{15}$/.test(h3)) {
    throw new InputError('E_BAD_H3', `"${h3}" is not an H3 cell index`, {
      file,
      row,
      column: 'h3',
    });
  }
  return { h3, unit_id: record.unit_id ?? '', street_id: record.street_id ?? '', ...numbers };
}
