import Papa from 'papaparse';
import { reasons } from '../import/reasons.ts';
import { type BuildTableOptions, buildTable, type SourceRecord } from './build-table.ts';
import { decodeText } from './decode-text.ts';
import { sniffDelimiter } from './sniff-delimiter.ts';
import type { RawTable } from './types.ts';

/**
 * Reads a delimited text file: encoding detected (decodeText), delimiter sniffed among comma,
 * tab, semicolon and bar (sniffDelimiter), quoted fields (with embedded delimiters and newlines) honoured.
 * Row numbers count records, as Excel shows them (header = row 1).
 */
export function readCsv(bytes: Uint8Array, options: BuildTableOptions = {}): RawTable {
  const decoded = decodeText(bytes, options.fileName);
  const parsed = Papa.parse<string[]>(decoded.text, {
    delimiter: sniffDelimiter(decoded.text),
    header: false,
    skipEmptyLines: false,
  });
  const broken = new Set<number>();
  for (const error of parsed.errors) {
    if (
      (error.code === 'MissingQuotes' || error.code === 'InvalidQuotes') &&
      error.row !== undefined
    ) {
      broken.add(error.row);
    }
  }
  const records: SourceRecord[] = parsed.data.map((cells, index) => {
    const row = index + 1;
    if (!broken.has(index)) return { row, cells };
    const value = cells.join(parsed.meta.delimiter).slice(0, 200);
    return { row, cells, problems: [{ row, column: '(row)', value, reason: reasons.badQuotes() }] };
  });
  // A final newline yields one empty record: not a row of the file.
  const last = records.at(-1);
  if (
    last !== undefined &&
    last.cells.length === 1 &&
    last.cells[0] === '' &&
    decoded.text.endsWith('\n')
  ) {
    records.pop();
  }
  const table = buildTable(
    records,
    {
      format: 'csv',
      encoding: decoded.encoding,
      encodingEvidence: decoded.evidence,
      sheetNames: [],
    },
    options,
  );
  return { ...table, delimiter: parsed.meta.delimiter };
}
