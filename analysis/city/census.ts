import Papa from 'papaparse';
import { InputError } from '../errors.ts';

/** Age shares of one census row (METHOD.md §3). */
export interface CensusShares {
  area: string;
  adcode: string;
  share60: number;
  share65: number;
  /** Present only when the row states it. */
  share80?: number;
  source?: string;
}

type Row = Record<string, string>;

function share(row: Row, countKey: string, pctKey: string): number | undefined {
  const total = Number(row.total_pop_2020);
  const count = Number(row[countKey]);
  // Counts are more precise than the bulletin's rounded percentages; prefer them.
  if (row[countKey] && row.total_pop_2020 && total > 0 && Number.isFinite(count))
    return count / total;
  const pct = Number(row[pctKey]);
  if (row[pctKey] && Number.isFinite(pct)) return pct / 100;
  return undefined;
}

/**
 * Finds the census row for `area` (an adcode such as 320102, an exact area name, or the area
 * name without its parenthesised city, e.g. 玄武区) and returns its age shares.
 */
export function readCensusShares(text: string, area: string, file: string): CensusShares {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  for (const column of ['area', 'adcode']) {
    if (!fields.includes(column)) {
      throw new InputError(
        'E_CENSUS_COLUMNS',
        `missing column "${column}" (need area, adcode, total_pop_2020, age60plus[_pct], age65plus[_pct])`,
        { file, column },
      );
    }
  }
  const rows = parsed.data;
  const index = rows.findIndex(
    (r) => r.adcode === area || r.area === area || r.area.replace(/[（(].*$/, '') === area,
  );
  if (index < 0) {
    throw new InputError(
      'E_CENSUS_AREA',
      `no row for census area "${area}" (known: ${rows.map((r) => `${r.area} ${r.adcode}`).join(', ')})`,
      { file },
    );
  }
  const row = rows[index];
  const where = { file, row: index + 2 };
  const share60 = share(row, 'age60plus', 'age60plus_pct');
  const share65 = share(row, 'age65plus', 'age65plus_pct');
  if (share60 === undefined || share65 === undefined) {
    throw new InputError('E_CENSUS_SHARES', `row "${row.area}" has no 60+/65+ shares`, {
      ...where,
      column: share60 === undefined ? 'age60plus_pct' : 'age65plus_pct',
    });
  }
  const share80 = share(row, 'age80plus', 'age80plus_pct');
  if (
    !(
      share60 <= 1 &&
      share65 <= share60 &&
      share65 >= 0 &&
      (share80 === undefined || (share80 >= 0 && share80 <= share65))
    )
  ) {
    throw new InputError(
      'E_CENSUS_SHARES',
      'age shares must satisfy 0 ≤ 80+ ≤ 65+ ≤ 60+ ≤ 100 %',
      where,
    );
  }
  return {
    area: row.area,
    adcode: row.adcode,
    share60,
    share65,
    share80,
    source: row.source_url || undefined,
  };
}
