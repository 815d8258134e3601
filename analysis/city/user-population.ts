import { cellToParent, getResolution, isValidCell, latLngToCell } from 'h3-js';
import Papa from 'papaparse';
import { InputError } from '../errors.ts';
import {
  type PopulationAssumptions,
  type PopulationCell,
  spreadGroups,
} from './model-population.ts';
import type { PopulationTotals } from './types.ts';

type Row = Record<string, string>;
const GROUPS = ['elders60', 'elders65', 'elders80', 'households'] as const;

function count(row: Row, column: string, where: { file: string; row: number }): number {
  const text = (row[column] ?? '').trim();
  const value = Number(text);
  if (text === '' || !Number.isInteger(value) || value < 0) {
    throw new InputError('E_BAD_NUMBER', `"${row[column] ?? ''}" is not a whole number ≥ 0`, {
      ...where,
      column,
    });
  }
  return value;
}

/**
 * Reads user-supplied population (`--population FILE`): a CSV with either an `h3` column (cells at
 * the city resolution or finer; finer ones are summed into their parent) or `lon`,`lat` columns,
 * plus `residents`. Either all of elders60, elders65, elders80, households are given, or none:
 * then they are spread from residents with the census shares, as for modelled population.
 */
export function readUserPopulation(
  text: string,
  file: string,
  a: PopulationAssumptions,
): { totals: PopulationTotals; cells: PopulationCell[] } {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  const byH3 = fields.includes('h3');
  if (!byH3 && !(fields.includes('lon') && fields.includes('lat'))) {
    throw new InputError('E_POPULATION_COLUMNS', 'need an "h3" column or "lon" and "lat" columns', {
      file,
      column: 'h3',
    });
  }
  if (!fields.includes('residents'))
    throw new InputError('E_POPULATION_COLUMNS', 'missing column "residents"', {
      file,
      column: 'residents',
    });
  const given = GROUPS.filter((g) => fields.includes(g));
  if (given.length > 0 && given.length < GROUPS.length) {
    const missing = GROUPS.filter((g) => !given.includes(g));
    throw new InputError(
      'E_POPULATION_COLUMNS',
      `give all of ${GROUPS.join(', ')} or none (missing ${missing.join(', ')})`,
      { file, column: missing[0] },
    );
  }
  const sums = new Map<string, PopulationTotals>();
  parsed.data.forEach((row, i) => {
    const where = { file, row: i + 2 };
    let cell: string;
    if (byH3) {
      const h3 = (row.h3 ?? '').trim().toLowerCase();
      if (!isValidCell(h3) || getResolution(h3) < a.h3Resolution) {
        throw new InputError(
          'E_BAD_H3',
          `"${row.h3}" is not an H3 cell of resolution ≥ ${a.h3Resolution}`,
          { ...where, column: 'h3' },
        );
      }
      cell = cellToParent(h3, a.h3Resolution);
    } else {
      const lon = Number(row.lon);
      const lat = Number(row.lat);
      if (
        !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90) ||
        row.lon.trim() === '' ||
        row.lat.trim() === ''
      ) {
        throw new InputError('E_BAD_COORD', `(${row.lon}, ${row.lat}) is not a WGS-84 coordinate`, {
          ...where,
          column: 'lon',
        });
      }
      cell = latLngToCell(lat, lon, a.h3Resolution);
    }
    const residents = count(row, 'residents', where);
    const groups = given.length > 0 ? GROUPS.map((g) => count(row, g, where)) : [0, 0, 0, 0];
    const [e60, e65, e80] = groups;
    if (given.length > 0 && !(e80 <= e65 && e65 <= e60 && e60 <= residents)) {
      throw new InputError(
        'E_POPULATION_ORDER',
        'need elders80 ≤ elders65 ≤ elders60 ≤ residents',
        { ...where, column: 'elders60' },
      );
    }
    const s = sums.get(cell) ?? {
      residents: 0,
      elders60: 0,
      elders65: 0,
      elders80: 0,
      households: 0,
    };
    s.residents += residents;
    s.elders60 += groups[0];
    s.elders65 += groups[1];
    s.elders80 += groups[2];
    s.households += groups[3];
    sums.set(cell, s);
  });
  const h3 = [...sums.keys()].sort();
  if (given.length === 0)
    return spreadGroups(
      h3,
      h3.map((c) => (sums.get(c) as PopulationTotals).residents),
      a,
    );
  const cells = h3.map((c) => ({ h3: c, ...(sums.get(c) as PopulationTotals) }));
  const total = (k: keyof PopulationTotals) => cells.reduce((s, c) => s + c[k], 0);
  return {
    cells,
    totals: {
      residents: total('residents'),
      elders60: total('elders60'),
      elders65: total('elders65'),
      elders80: total('elders80'),
      households: total('households'),
    },
  };
}
