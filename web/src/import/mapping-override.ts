import type { ColumnMapping } from '../../../analysis/io/import/guess-columns.ts';

/**
 * The user's choice for one field. A column feeds one field only (as in the guess), so a column
 * taken by this field is released by any other field that had it.
 */
export function override(
  mapping: ColumnMapping,
  overrides: Record<string, string | null>,
  field: string,
  column: string | null,
): Record<string, string | null> {
  const next: Record<string, string | null> = { ...overrides, [field]: column };
  if (column === null) return next;
  for (const [other, used] of Object.entries(mapping)) {
    if (other !== field && used === column) next[other] = null;
  }
  return next;
}
