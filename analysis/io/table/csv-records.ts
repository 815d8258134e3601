import { reasons } from '../import/reasons.ts';
import type { Rejection } from './types.ts';

/** One record of a delimited text, as split (before the header is known). */
export interface CsvRecord {
  /** 1-based record number (a quoted cell may span lines; Excel counts records). */
  row: number;
  cells: string[];
  /** False for the file's last record when the file does not end with a line break. */
  terminated: boolean;
  problems?: Rejection[];
}

/**
 * An RFC 4180 splitter fed chunk by chunk, so that a large register is never one string.
 * Every line ending (LF, CRLF, lone CR) ends a record, in any mix within one file. A quote opens
 * a quoted cell only at the start of a cell; elsewhere it is literal. A quoted cell still open at
 * the end of the file cannot be split reliably: its first line is reported (E_TRUNCATED when it is
 * the file's last line, E_CSV_QUOTES otherwise) and the lines after it are split again, so that an
 * unbalanced quote never swallows the rest of the file.
 */
export function* csvRecords(chunks: Iterable<string>, delimiter: string): Generator<CsvRecord> {
  const splitter = new Splitter(delimiter);
  for (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

class Splitter {
  private cells: string[] = [];
  private cell = '';
  private state: 'start' | 'plain' | 'quoted' | 'quote' = 'start';
  private afterCr = false;
  /** Raw text of the current record (kept only while a quoted cell is open, for recovery). */
  private raw = '';
  private badQuote = false;
  private row = 0;
  private readonly out: CsvRecord[] = [];

  constructor(private readonly delimiter: string) {}

  *push(text: string): Generator<CsvRecord> {
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      if (this.afterCr) {
        this.afterCr = false;
        if (text[i] === '\n') continue;
      }
      // Runs of ordinary characters are taken as one slice: a cell built character by character
      // is a rope of one-character strings, which costs tens of bytes per character.
      const run = this.runEnd(text, i);
      if (run > i) {
        const piece = text.slice(i, run);
        if (this.state === 'quoted' || this.raw !== '') this.raw += piece;
        this.cell += piece;
        if (this.state === 'start') this.state = 'plain';
        i = run;
        if (i >= text.length) break;
      }
      const ch = text[i];
      if (this.state === 'quoted' || this.state === 'quote' || this.raw !== '') this.raw += ch;
      switch (this.state) {
        case 'quoted':
          if (ch === '"') this.state = 'quote';
          else this.cell += ch;
          break;
        case 'quote':
          if (ch === '"') {
            this.cell += '"';
            this.state = 'quoted';
          } else if (ch === d) this.endCell();
          else if (ch === '\n' || ch === '\r') this.endRecord(ch === '\r', true);
          else {
            // "ab"c: text after a closing quote. Kept literally, the row flagged.
            this.badQuote = true;
            this.cell += ch;
            this.state = 'plain';
          }
          break;
        default:
          if (ch === d) this.endCell();
          else if (ch === '\n' || ch === '\r') this.endRecord(ch === '\r', true);
          else if (ch === '"' && this.state === 'start') {
            this.state = 'quoted';
            this.raw = this.raw === '' ? rawSoFar(this.cells, d, ch) : this.raw;
          } else {
            this.cell += ch;
            this.state = 'plain';
          }
      }
      if (this.out.length > 0) yield* this.out.splice(0);
    }
  }

  /** End of the run of characters from `at` that only extend the current cell. */
  private runEnd(text: string, at: number): number {
    if (this.state === 'quoted') {
      const quote = text.indexOf('"', at);
      return quote < 0 ? text.length : quote;
    }
    if (this.state === 'quote') return at;
    const d = this.delimiter.charCodeAt(0);
    let j = at;
    // A quote opens a quoted cell only as the cell's first character.
    if (this.state === 'start' && text.charCodeAt(j) === 34) return at;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === d || c === 10 || c === 13) break;
      j++;
    }
    return j;
  }

  *end(): Generator<CsvRecord> {
    if (this.state === 'quoted' || this.state === 'quote') {
      if (this.state === 'quote') {
        this.endRecord(false, false);
      } else {
        yield* this.recover();
        return;
      }
    } else if (this.cells.length > 0 || this.cell !== '' || this.state !== 'start') {
      this.endRecord(false, false);
    }
    yield* this.out.splice(0);
  }

  private endCell(): void {
    this.cells.push(this.cell);
    this.cell = '';
    this.state = 'start';
  }

  private endRecord(cr: boolean, terminated: boolean): void {
    this.endCell();
    this.afterCr = cr;
    this.row++;
    const record: CsvRecord = { row: this.row, cells: this.cells, terminated };
    if (this.badQuote) {
      record.problems = [problem(this.row, this.cells.join(this.delimiter), reasons.badQuotes())];
    }
    this.out.push(record);
    this.cells = [];
    this.raw = '';
    this.badQuote = false;
  }

  /** The open quote ran to the end of the file: report its line, split the rest again. */
  private *recover(): Generator<CsvRecord> {
    const raw = this.raw;
    const lineEnd = raw.search(/\r\n|\n|\r/);
    const first = lineEnd < 0 ? raw : raw.slice(0, lineEnd);
    const rest = lineEnd < 0 ? '' : raw.slice(lineEnd + (raw.startsWith('\r\n', lineEnd) ? 2 : 1));
    this.row++;
    const row = this.row;
    const cells = first.split(this.delimiter);
    const reason = lineEnd < 0 ? reasons.truncated() : reasons.badQuotes();
    yield { row, cells, terminated: lineEnd >= 0, problems: [problem(row, first, reason)] };
    if (rest === '') return;
    const again = new Splitter(this.delimiter);
    again.row = this.row;
    yield* again.push(rest);
    yield* again.end();
  }
}

/** The record's text before the opening quote (cells already split, plus the quote itself). */
function rawSoFar(cells: string[], delimiter: string, quote: string): string {
  return cells.length === 0 ? quote : `${cells.join(delimiter)}${delimiter}${quote}`;
}

function problem(row: number, value: string, reason: Rejection['reason']): Rejection {
  return { row, column: '(row)', value: value.slice(0, 200), reason };
}
