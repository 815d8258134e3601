/**
 * Delimited-text registers: encodings, line endings, quoting, headers, truncation, coordinates,
 * numbers with units and separators, ids, missing cells and empty files — each with the truth of
 * every row.
 */
import {
  baseRegister,
  type CorpusFile,
  cellsOf,
  gbk,
  HEADER,
  type MeantFacility,
  type RowBody,
  type RowTruth,
  utf8,
} from './truth.ts';

/** A line of the file: cells (quoted where needed) and what the author meant by them. */
export interface Line {
  cells: string[];
  truth?: RowBody;
  /** The line ending after this line ('' for none). */
  end?: string;
  /** Write cells exactly as given (no quoting), to build broken quoting on purpose. */
  raw?: boolean;
}

export function quoteCell(cell: string, delimiter = ',', always = false): string {
  return always || cell.includes(delimiter) || /["\r\n]/.test(cell)
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** Joins lines into text and numbers the truths by record (header = row after any titles). */
export function delimited(
  lines: Line[],
  options: { delimiter?: string; end?: string; quoteAll?: boolean } = {},
): { text: string; truths: RowTruth[] } {
  const d = options.delimiter ?? ',';
  let text = '';
  const truths: RowTruth[] = [];
  lines.forEach((line, i) => {
    const row = i + 1;
    const cells = line.raw ? line.cells : line.cells.map((c) => quoteCell(c, d, options.quoteAll));
    text += cells.join(d) + (line.end ?? options.end ?? '\n');
    if (line.truth !== undefined) truths.push({ ...line.truth, row });
  });
  return { text, truths };
}

const row = (meant: MeantFacility, cells = cellsOf(meant)): Line => ({ cells, truth: { meant } });
const unknowable = (cells: string[], why: string): Line => ({ cells, truth: { unknowable: why } });
const headerLine: Line = { cells: HEADER };

function file(
  name: string,
  note: string,
  bytes: Uint8Array,
  truths: RowTruth[] | { error: string[] },
): CorpusFile {
  return {
    name,
    family: 'csv',
    note,
    bytes,
    expect: Array.isArray(truths) ? { rows: truths } : truths,
    options: { crs: 'wgs84' },
  };
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

export function csvCases(random: () => number): CorpusFile[] {
  const base = baseRegister(random, 8);
  const plain = delimited([headerLine, ...base.map((f) => row(f))]);
  const crlf = delimited([headerLine, ...base.map((f) => row(f))], { end: '\r\n' });
  const endings = ['\n', '\r\n', '\r'];
  const mixed = delimited([
    { ...headerLine, end: '\n' },
    ...base.map((f, i) => ({ ...row(f), end: endings[i % 3] })),
  ]);
  const lfOverCrlf = delimited([
    { ...headerLine, end: '\n' },
    ...base.map((f) => ({ ...row(f), end: '\r\n' })),
  ]);
  const tabbed = delimited([headerLine, ...base.map((f) => row(f))], {
    delimiter: '\t',
    end: '\r\n',
  });
  const semicolon = delimited([headerLine, ...base.map((f) => row(f))], { delimiter: ';' });
  const quotedAll = delimited([headerLine, ...base.map((f) => row(f))], { quoteAll: true });
  const tricky = base.map((f, i) => ({
    ...f,
    name: [`${f.name}，"东区"`, `${f.name}, 二楼`, `${f.name}\n(临时)`, f.name][i % 4],
  }));
  const quoted = delimited([headerLine, ...tricky.map((f) => row(f))]);
  const broken = delimited([
    headerLine,
    row(base[0]),
    {
      cells: cellsOf(base[1]).map((c, i) => (i === 1 ? `"${c}` : c)),
      raw: true,
      truth: { unknowable: 'unbalanced quote' },
    },
    ...base.slice(2).map((f) => row(f)),
  ]);
  const titled = delimited([
    { cells: ['鼓楼区养老服务设施名录（2024年）'] },
    { cells: [''] },
    headerLine,
    ...base.map((f) => row(f)),
  ]);
  const english = delimited([
    { cells: ['id', 'name', 'type', 'lng', 'lat', 'floor_area', 'beds', 'floor'] },
    ...base.map((f) => row(f)),
  ]);
  const last = base[base.length - 1];
  const cut = delimited([
    headerLine,
    ...base.slice(0, -1).map((f) => row(f)),
    { ...unknowable(cellsOf(last).slice(0, 5), 'file cut after the latitude'), end: '' },
  ]);
  const cutValue = delimited([
    headerLine,
    ...base.slice(0, -1).map((f) => row(f)),
    {
      cells: cellsOf(last).map((c, i) => (i === 7 ? '1' : c)),
      truth: { meant: { ...last, floorLevel: 12 } },
      end: '',
    },
  ]);
  const latLast = ['编号', '名称', '类型', '建筑面积', '床位', '楼层', '经度', '纬度'];
  const reorder = (c: string[]) => [c[0], c[1], c[2], c[5], c[6], c[7], c[3], c[4]];
  const long = { ...last, lat: 32.0485905 };
  const cutLat = delimited([
    { cells: latLast },
    ...base.slice(0, -1).map((f) => row(f, reorder(cellsOf(f)))),
    { cells: reorder(cellsOf({ ...long, lat: 32.04 })), truth: { meant: long }, end: '' },
  ]);
  // The file ends inside a quoted name: the row is cut, the rows before it are whole.
  const cutQuote = delimited([
    headerLine,
    ...base.slice(0, -1).map((f) => row(f)),
    {
      cells: [...cellsOf(last).slice(0, 1), `"${last.name.slice(0, 3)}`],
      raw: true,
      truth: { unknowable: 'file ends inside a quoted name' },
      end: '',
    },
  ]);
  const noFinalBreak = delimited([
    headerLine,
    ...base.slice(0, -1).map((f) => row(f)),
    { ...row(last), end: '' },
  ]);
  const extra = delimited([
    headerLine,
    row(base[0]),
    unknowable([...cellsOf(base[1]), '多出的一列', 'x'], 'more fields than the header'),
    ...base.slice(2).map((f) => row(f)),
  ]);
  const blanks = delimited([
    headerLine,
    row(base[0]),
    { cells: [''], truth: { empty: true } },
    row(base[1]),
    { cells: ['', '', '', '', '', '', '', ''], truth: { empty: true } },
    { cells: ['  ', ' '], truth: { empty: true } },
    ...base.slice(2).map((f) => row(f)),
  ]);
  const headerOnly = delimited([headerLine]);
  const tail = (text: string) => text.replace(/\n$/, '');
  return [
    file('plain-utf8-lf.csv', 'UTF-8, LF', utf8(plain.text), plain.truths),
    file(
      'bom-crlf.csv',
      'UTF-8 with BOM, CRLF (Excel "CSV UTF-8")',
      utf8(`\uFEFF${crlf.text}`),
      crlf.truths,
    ),
    file('gbk-crlf.csv', 'GBK, CRLF (Excel "CSV" on Chinese Windows)', gbk(crlf.text), crlf.truths),
    file(
      'utf16-tab.txt',
      'UTF-16LE with BOM, tab (Excel "Unicode text")',
      utf16le(tabbed.text),
      tabbed.truths,
    ),
    file('semicolon.csv', 'semicolon-delimited', utf8(semicolon.text), semicolon.truths),
    file('mixed-endings.csv', 'LF, CRLF and lone CR in one file', utf8(mixed.text), mixed.truths),
    file(
      'lf-header-crlf-rows.csv',
      'LF after the header, CRLF after rows',
      utf8(lfOverCrlf.text),
      lfOverCrlf.truths,
    ),
    file('quoted-all.csv', 'every cell quoted', utf8(quotedAll.text), quotedAll.truths),
    file(
      'quoted-tricky.csv',
      'quotes, commas and newlines inside names',
      utf8(quoted.text),
      quoted.truths,
    ),
    file(
      'cut-in-quote.csv',
      'the file ends inside a quoted name',
      utf8(cutQuote.text),
      cutQuote.truths,
    ),
    file(
      'unbalanced-quote.csv',
      'one name opens a quote it never closes',
      utf8(broken.text),
      broken.truths,
    ),
    file(
      'title-row.csv',
      'a title row and a blank line above the header',
      utf8(titled.text),
      titled.truths,
    ),
    file('english-header.csv', 'English column names', utf8(english.text), english.truths),
    file('cut-fields.csv', 'cut in the middle of the last row', utf8(cut.text), cut.truths),
    file(
      'cut-value.csv',
      'cut inside the last value (floor 12 → "1")',
      utf8(cutValue.text),
      cutValue.truths,
    ),
    file(
      'cut-latitude.csv',
      'cut inside the last value (32.0485905 → "32.04")',
      utf8(cutLat.text),
      cutLat.truths,
    ),
    file(
      'no-final-break.csv',
      'complete, but no line break at the end',
      utf8(noFinalBreak.text),
      noFinalBreak.truths,
    ),
    file(
      'extra-fields.csv',
      'a row with more fields than the header',
      utf8(extra.text),
      extra.truths,
    ),
    file('blank-rows.csv', 'empty lines and rows of empty cells', utf8(blanks.text), blanks.truths),
    file('header-only.csv', 'a header and no rows', utf8(tail(headerOnly.text)), []),
    file('empty.csv', 'zero bytes', new Uint8Array(0), { error: ['E_EMPTY_FILE'] }),
    file('whitespace.csv', 'only blank lines', utf8('\r\n  \r\n\t\r\n'), {
      error: ['E_EMPTY_FILE'],
    }),
    file(
      'binary.csv',
      'a binary file renamed .csv',
      Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2),
      { error: ['E_BINARY_FILE'] },
    ),
    file(
      'bad-encoding.csv',
      'neither UTF-8 nor GBK',
      Uint8Array.of(0x41, 0x2c, 0xff, 0xff, 0xff, 0x0a),
      { error: ['E_ENCODING'] },
    ),
    file(
      'bad-bom.csv',
      'a UTF-8 BOM over GBK bytes',
      Uint8Array.of(0xef, 0xbb, 0xbf, ...gbk(crlf.text)),
      { error: ['E_ENCODING'] },
    ),
  ];
}
