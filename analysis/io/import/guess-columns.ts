import type { RawTable } from '../table/types.ts';
import {
  type FacilityField,
  headerScore,
  type ImportField,
  type PopulationField,
} from './column-synonyms.ts';
import { parseCoordinatePair, parseNumber } from './parse-values.ts';

export type ImportKind = 'facilities' | 'population';

/** Field → column name as in RawTable.columns. Unmapped columns go to properties.extra. */
export type ColumnMapping<F extends ImportField = ImportField> = Partial<Record<F, string>>;

export interface FieldGuess {
  column: string | null;
  /** 0–1: header match × how plausible the sample values are for the field. */
  confidence: number;
  /** Every column with any match, best first, so the UI can offer them in a drop-down. */
  candidates: { column: string; confidence: number }[];
}

export interface ColumnGuess<F extends ImportField = ImportField> {
  kind: ImportKind;
  fields: Record<F, FieldGuess>;
  mapping: ColumnMapping<F>;
  /** Columns no field uses: kept under properties.extra. */
  unmapped: string[];
}

export const FACILITY_FIELDS: FacilityField[] = [
  'id',
  'name',
  'type',
  'lon',
  'lat',
  'lonlat',
  'floorArea',
  'beds',
  'floorLevel',
  'lift',
];
export const POPULATION_FIELDS: PopulationField[] = [
  'id',
  'name',
  'h3',
  'lon',
  'lat',
  'lonlat',
  'residents',
  'elders60',
  'elders65',
  'elders80',
  'households',
];

const SAMPLE_ROWS = 50;
const NUMERIC_FIELDS = new Set<ImportField>([
  'lon',
  'lat',
  'floorArea',
  'beds',
  'floorLevel',
  'residents',
  'elders60',
  'elders65',
  'elders80',
  'households',
]);

/**
 * Guesses which column holds which field from the header names, checked against the first rows'
 * values (a column called "x" full of text is a poor longitude). Each column serves at most one
 * field; the caller shows the guess and may override any of it (see withOverrides).
 */
export function guessColumns(table: RawTable, kind: 'facilities'): ColumnGuess<FacilityField>;
export function guessColumns(table: RawTable, kind: 'population'): ColumnGuess<PopulationField>;
export function guessColumns(table: RawTable, kind: ImportKind): ColumnGuess {
  const fields: ImportField[] = kind === 'facilities' ? FACILITY_FIELDS : POPULATION_FIELDS;
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  const scored: { field: ImportField; column: string; confidence: number }[] = [];
  for (const field of fields) {
    table.columns.forEach((column, index) => {
      const header = headerScore(field, column);
      if (header === 0) return;
      const values = sample.map((r) => r.cells[index]).filter((v) => v.trim() !== '');
      const confidence = round2(header * plausibility(field, values));
      scored.push({ field, column, confidence });
    });
  }
  scored.sort((a, b) => b.confidence - a.confidence);
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const { field, column } of scored) {
    if (mapping[field] !== undefined || used.has(column)) continue;
    if (field === 'lonlat' && mapping.lon !== undefined && mapping.lat !== undefined) continue;
    mapping[field] = column;
    used.add(column);
  }
  // Either two coordinate columns or one combined one, never a mixture.
  if (mapping.lonlat !== undefined && (mapping.lon === undefined || mapping.lat === undefined)) {
    delete mapping.lon;
    delete mapping.lat;
  } else {
    delete mapping.lonlat;
  }
  const result = {} as Record<ImportField, FieldGuess>;
  for (const field of fields) {
    const candidates = scored
      .filter((c) => c.field === field)
      .map(({ column, confidence }) => ({ column, confidence }));
    const column = mapping[field] ?? null;
    const confidence = candidates.find((c) => c.column === column)?.confidence ?? 0;
    result[field] = { column, confidence, candidates };
  }
  const mapped = new Set(Object.values(mapping));
  return { kind, fields: result, mapping, unmapped: table.columns.filter((c) => !mapped.has(c)) };
}

/** Applies the user's choices on top of a guess; null unmaps a field. */
export function withOverrides<F extends ImportField>(
  mapping: ColumnMapping<F>,
  overrides: Partial<Record<F, string | null>>,
): ColumnMapping<F> {
  const out: ColumnMapping<F> = { ...mapping };
  for (const [field, column] of Object.entries(overrides) as [F, string | null][]) {
    if (column === null) delete out[field];
    else out[field] = column;
  }
  return out;
}

/** Share of sample values that make sense for the field, mapped to a 0.4–1 factor. */
function plausibility(field: ImportField, values: string[]): number {
  if (values.length === 0) return 0.8;
  let ok = 0;
  for (const v of values) {
    if (field === 'lonlat') ok += parseCoordinatePair(v) === undefined ? 0 : 1;
    else if (field === 'lon' || field === 'lat') {
      const n = parseNumber(v);
      const limit = field === 'lon' ? 180 : 90;
      ok += n !== undefined && Math.abs(n) <= limit ? 1 : 0;
    } else if (NUMERIC_FIELDS.has(field)) {
      ok += parseNumber(v, 'area') !== undefined || parseNumber(v, 'floor') !== undefined ? 1 : 0;
    } else ok += 1;
  }
  return 0.4 + 0.6 * (ok / values.length);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
