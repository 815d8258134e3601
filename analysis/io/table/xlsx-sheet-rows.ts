import { SaxesParser } from 'saxes';
import { reasons } from '../import/reasons.ts';
import type { SourceRecord } from './build-table.ts';
import type { Reason } from './types.ts';
import { local, type XlsxWorkbook } from './xlsx-workbook.ts';
import { entryChunks, type ZipEntry } from './zip-entries.ts';

/**
 * A worksheet's rows, parsed as its XML inflates (a slice at a time), so that a sheet of a
 * million rows is never held whole. Every row number from 1 to the last row is given (rows the
 * sheet skips are empty), and every cell becomes the text a person would type: numbers in
 * JavaScript's shortest exact form (no display rounding), dates as ISO dates, formulas as their
 * cached result, booleans as TRUE/FALSE, error values as written (#DIV/0!) with a cell issue.
 * A merged range shows its top-left cell's text in each of its cells, as Excel displays it
 * (unless `merges` is false: a look at the opening rows needs no pass to find the ranges).
 */
export function* sheetRecords(
  book: XlsxWorkbook,
  entry: ZipEntry,
  options: { merges?: boolean } = {},
): Generator<SourceRecord> {
  const merges: Merges =
    options.merges === false ? { apply() {} } : mergedRanges(book.bytes, entry);
  let ready: SourceRecord[] = [];
  let lastRow = 0;
  let row: Building | undefined;
  let cell: CellState | undefined;
  let textTarget: 'v' | 'f' | 't' | undefined;
  let phonetic = 0;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => {
    throw new Error(`malformed worksheet XML (${error.message})`);
  });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'row') {
      const r = Number(tag.attributes.r);
      row = { row: Number.isInteger(r) && r > lastRow ? r : lastRow + 1, cells: [], issues: [] };
    } else if (name === 'c' && row !== undefined) {
      const ref = tag.attributes.r;
      const column = ref === undefined ? row.cells.length : columnIndex(ref);
      cell = {
        column: column >= 0 ? column : row.cells.length,
        type: tag.attributes.t ?? 'n',
        style: Number(tag.attributes.s ?? 0),
        value: '',
        formula: false,
        text: '',
      };
    } else if (cell !== undefined) {
      if (name === 'v') textTarget = 'v';
      else if (name === 'f') {
        cell.formula = true;
        textTarget = 'f';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) textTarget = 't';
    }
  });
  parser.on('text', (text) => {
    if (cell === undefined) return;
    if (textTarget === 'v') cell.value += text;
    else if (textTarget === 't') cell.text += text;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 'v' || name === 'f' || name === 't') textTarget = undefined;
    else if (name === 'rPh') phonetic--;
    else if (name === 'c' && row !== undefined && cell !== undefined) {
      const { text, issue } = cellText(cell, book);
      // Empty cells stay holes: a styled but empty cell far to the right adds no columns.
      if (text !== '') row.cells[cell.column] = text;
      if (issue !== undefined) row.issues.push({ column: cell.column, issue });
      cell = undefined;
    } else if (name === 'row' && row !== undefined) {
      for (let r = lastRow + 1; r < row.row; r++) ready.push({ row: r, cells: [] });
      ready.push(finish(row, merges));
      lastRow = row.row;
      row = undefined;
    }
  });
  const decoder = new TextDecoder('utf-8');
  for (const chunk of entryChunks(book.bytes, entry)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    const out = ready;
    ready = [];
    yield* out;
  }
  parser.write(decoder.decode()).close();
  yield* ready;
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
  formula: boolean;
  text: string;
}

interface Building {
  row: number;
  cells: string[];
  issues: { column: number; issue: Reason }[];
}

function finish(row: Building, merges: Merges): SourceRecord {
  merges.apply(row);
  const cells = Array.from(row.cells, (c) => c ?? '');
  const record: SourceRecord = { row: row.row, cells };
  if (row.issues.length > 0)
    record.cellIssues = row.issues.map(({ column, issue }) => ({
      column,
      value: cells[column] ?? '',
      reason: issue,
    }));
  return record;
}

/** "AB12" → 27 (0-based column), or -1. */
function columnIndex(ref: string): number {
  const letters = /^\$?([A-Za-z]{1,3})/.exec(ref)?.[1];
  if (letters === undefined) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellText(cell: CellState, book: XlsxWorkbook): { text: string; issue?: Reason } {
  const { type, value } = cell;
  if (cell.formula && value === '') return { text: '', issue: reasons.formulaWithoutValue() };
  switch (type) {
    case 's': {
      const text = book.strings[Number.parseInt(value, 10)];
      return { text: text ?? '' };
    }
    case 'inlineStr':
      return { text: cell.text };
    case 'str':
      return { text: value };
    case 'b':
      return { text: Number.parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE' };
    case 'e':
      return { text: value, issue: reasons.cellError(value) };
    default: {
      if (value === '') return { text: '' };
      const number = Number.parseFloat(value);
      if (book.dateStyles[cell.style] === true && Number.isFinite(number))
        return { text: dateText(number, book.date1904) };
      return { text: String(number) };
    }
  }
}

/** Excel dates carry no zone: the serial day read as UTC. A midnight date prints as YYYY-MM-DD. */
function dateText(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

interface Merges {
  apply(row: Building): void;
}

interface MergedRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Each sheet's merged ranges, found once: every later pass over the sheet reuses them. */
const mergeCache = new WeakMap<ZipEntry, MergedRange[]>();

/**
 * The sheet's merged ranges are listed after its rows, so they are found in a first pass over
 * the XML that only looks for them. As rows pass, each range's top-left text (and its cell
 * issue, if any) is copied into its other cells.
 */
function mergedRanges(bytes: Uint8Array, entry: ZipEntry): Merges {
  let ranges = mergeCache.get(entry);
  if (ranges === undefined) {
    ranges = findMergedRanges(bytes, entry);
    mergeCache.set(entry, ranges);
  }
  if (ranges.length === 0) return { apply() {} };
  const masters = new Map<MergedRange, { text: string; issue?: Reason }>();
  const list = ranges;
  return {
    apply(row) {
      for (const range of list) {
        if (row.row < range.r1 || row.row > range.r2) continue;
        if (row.row === range.r1)
          masters.set(range, {
            text: row.cells[range.c1] ?? '',
            issue: row.issues.find((i) => i.column === range.c1)?.issue,
          });
        const master = masters.get(range);
        for (let c = range.c1; c <= range.c2; c++) {
          if (row.row === range.r1 && c === range.c1) continue;
          row.cells[c] = master?.text ?? '';
          row.issues = row.issues.filter((i) => i.column !== c);
          if (master?.issue !== undefined) row.issues.push({ column: c, issue: master.issue });
        }
      }
    },
  };
}

function findMergedRanges(bytes: Uint8Array, entry: ZipEntry): MergedRange[] {
  const ranges: MergedRange[] = [];
  const decoder = new TextDecoder('utf-8');
  let tail = '';
  const pattern = /<(?:\w+:)?mergeCell\s[^>]*ref="\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)"/g;
  for (const chunk of entryChunks(bytes, entry)) {
    const text = tail + decoder.decode(chunk, { stream: true });
    let end = 0;
    for (const m of text.matchAll(pattern)) {
      ranges.push({
        r1: Number(m[2]),
        c1: columnIndex(m[1]),
        r2: Number(m[4]),
        c2: columnIndex(m[3]),
      });
      end = (m.index ?? 0) + m[0].length;
    }
    // Keep the end of this slice: a tag may be cut between two slices.
    tail = text.slice(Math.max(end, text.length - 200));
  }
  return ranges;
}
