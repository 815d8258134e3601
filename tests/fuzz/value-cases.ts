/**
 * Cell values people write: coordinates (DMS, full-width digits, swapped, out of range), numbers
 * with units and separators, ids that differ only in width or spaces, missing cells; and a seeded
 * mutation fuzz that mixes them over random encodings, line endings and quoting.
 */
import { delimited, type Line } from './csv-cases.ts';
import {
  baseRegister,
  type CorpusFile,
  cellsOf,
  gbk,
  HEADER,
  type MeantFacility,
  utf8,
} from './truth.ts';

const COLUMN = { id: 0, name: 1, type: 2, lon: 3, lat: 4, area: 5, beds: 6, floor: 7 } as const;
type Column = keyof typeof COLUMN;

/** One change to one cell and what the author meant by the result. */
interface Mutation {
  column: Column;
  /** The cell text written, from the correct value. */
  write(meant: MeantFacility, cell: string): string;
  /** What the author meant; 'unknowable' when no reading is right. */
  mean(meant: MeantFacility): MeantFacility | 'unknowable';
}

const same = (m: MeantFacility) => m;
const NO = () => 'unknowable' as const;
const fullWidth = (s: string) =>
  s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function dms(value: number, hemisphere: string): string {
  const d = Math.floor(value);
  const m = Math.floor((value - d) * 60);
  const s = ((value - d) * 60 - m) * 60;
  return `${d}°${m}′${s.toFixed(4)}″${hemisphere}`;
}

export const MUTATIONS: Mutation[] = [
  { column: 'area', write: (_, c) => `${c}㎡`, mean: same },
  { column: 'area', write: (_, c) => `${c} 平方米`, mean: same },
  { column: 'area', write: (_, c) => fullWidth(c), mean: same },
  { column: 'area', write: () => '', mean: (m) => ({ ...m, floorAreaM2: null }) },
  { column: 'area', write: () => '1e308', mean: NO },
  { column: 'area', write: () => '250000', mean: NO },
  { column: 'area', write: () => '-40', mean: NO },
  { column: 'area', write: () => '1,234', mean: NO },
  { column: 'area', write: () => '12,5', mean: NO },
  { column: 'area', write: () => '1,234.5', mean: (m) => ({ ...m, floorAreaM2: 1234.5 }) },
  { column: 'area', write: () => '约300', mean: NO },
  { column: 'beds', write: (_, c) => `${c}张`, mean: same },
  { column: 'beds', write: () => '', mean: (m) => ({ ...m, beds: null }) },
  { column: 'beds', write: () => '6000', mean: NO },
  { column: 'beds', write: () => '2.5', mean: NO },
  { column: 'beds', write: () => '#DIV/0!', mean: NO },
  { column: 'floor', write: (_, c) => `${c}层`, mean: same },
  { column: 'floor', write: () => '-1', mean: (m) => ({ ...m, floorLevel: -1 }) },
  { column: 'floor', write: () => '', mean: (m) => ({ ...m, floorLevel: null }) },
  { column: 'floor', write: () => '150', mean: NO },
  { column: 'floor', write: () => '0', mean: NO },
  { column: 'floor', write: () => '二层', mean: NO },
  { column: 'lon', write: (_, c) => fullWidth(c), mean: same },
  { column: 'lat', write: (_, c) => ` ${c} `, mean: same },
  { column: 'lon', write: (m) => dms(m.lon, 'E'), mean: NO },
  { column: 'lon', write: () => '', mean: NO },
  { column: 'lat', write: () => '200', mean: NO },
  { column: 'lat', write: () => 'abc', mean: NO },
  { column: 'lon', write: (m) => String(m.lat), mean: NO },
  { column: 'name', write: () => '', mean: NO },
  { column: 'name', write: (_, c) => `  ${c} `, mean: same },
  { column: 'type', write: () => '敬老院', mean: NO },
  { column: 'type', write: () => '', mean: NO },
  { column: 'id', write: () => '', mean: (m) => ({ ...m, id: undefined }) },
];

/** Swaps a row's longitude and latitude cells: the author meant the right place. */
function swapped(m: MeantFacility): Line {
  const cells = cellsOf(m);
  [cells[3], cells[4]] = [cells[4], cells[3]];
  return { cells, truth: { unknowable: 'longitude and latitude swapped' } };
}

function mutate(m: MeantFacility, mutation: Mutation): Line {
  const cells = cellsOf(m);
  const at = COLUMN[mutation.column];
  cells[at] = mutation.write(m, cells[at]);
  const meant = mutation.mean(m);
  return {
    cells,
    truth:
      meant === 'unknowable' ? { unknowable: `${mutation.column}: "${cells[at]}"` } : { meant },
  };
}

function csv(name: string, note: string, lines: Line[], encode = utf8, end = '\n'): CorpusFile {
  const { text, truths } = delimited([{ cells: HEADER }, ...lines], { end });
  return {
    name,
    family: 'csv',
    note,
    bytes: encode(text),
    expect: { rows: truths },
    options: { crs: 'wgs84' },
  };
}

export function valueCases(random: () => number): CorpusFile[] {
  const base = baseRegister(random, 40);
  const files: CorpusFile[] = [];
  // Every mutation once, one per row, in one file.
  files.push(
    csv(
      'every-mutation.csv',
      'each cell mutation once',
      MUTATIONS.map((mu, i) => mutate(base[i % base.length], mu)),
    ),
  );
  const beijing: MeantFacility = { ...base[0], id: 'B001', lon: 116.397, lat: 39.909 };
  files.push(
    csv('coordinates.csv', 'swapped, null island, Beijing, full-width, DMS', [
      swapped(base[1]),
      { cells: cellsOf({ ...base[2], lon: 0, lat: 0 }), truth: { unknowable: '(0, 0)' } },
      { cells: cellsOf(beijing), truth: { meant: beijing } },
      mutate(base[3], MUTATIONS[22]),
      {
        cells: cellsOf(base[4]).map((c, i) =>
          i === 3 ? dms(base[4].lon, 'E') : i === 4 ? dms(base[4].lat, 'N') : c,
        ),
        truth: { unknowable: 'DMS' },
      },
      { cells: cellsOf(base[5]), truth: { meant: base[5] } },
    ]),
  );
  const ids = (id: string, m: MeantFacility): Line => ({
    cells: cellsOf({ ...m, id }),
    truth: { unknowable: `id "${id}" also written another way` },
  });
  files.push(
    csv('ids.csv', 'ids differing only in full-width letters or spaces', [
      ids('F003', base[6]),
      ids('Ｆ003', base[7]),
      ids(' F004', base[8]),
      ids('F004', base[9]),
      ids('F005', base[10]),
      ids('F005', base[11]),
      {
        cells: cellsOf({ ...base[12], id: 'F006' }),
        truth: { meant: { ...base[12], id: 'F006' } },
      },
    ]),
  );
  // Seeded fuzz: random registers, a random mutation on some rows, random encoding and endings.
  for (let k = 0; k < 12; k++) {
    const register = baseRegister(random, 15 + Math.floor(random() * 20), `R${k}-`);
    const lines = register.map((m) =>
      random() < 0.4
        ? mutate(m, MUTATIONS[Math.floor(random() * MUTATIONS.length)])
        : { cells: cellsOf(m), truth: { meant: m } },
    );
    const encodeAs = random() < 0.3 ? 'gbk' : 'utf8';
    const end = ['\n', '\r\n', '\r'][Math.floor(random() * 3)];
    const encode = (text: string) => {
      if (encodeAs === 'utf8') return utf8(text);
      try {
        return gbk(text);
      } catch {
        return utf8(text);
      }
    };
    files.push(
      csv(
        `fuzz-${k}.csv`,
        `seeded mutations (${encodeAs}, ${JSON.stringify(end)})`,
        lines,
        encode,
        end,
      ),
    );
  }
  return files;
}
