import {
  type BuildTableOptions,
  collectTable,
  type SourceRecord,
  scanRecords,
  type TableScan,
} from './build-table.ts';
import { csvRecords } from './csv-records.ts';
import { decodeChunks, detectEncoding } from './decode-text.ts';
import { sniffDelimiter } from './sniff-delimiter.ts';
import type { RawTable } from './types.ts';

/**
 * Reads a delimited text file: encoding detected (detectEncoding), delimiter sniffed among comma,
 * tab, semicolon and bar (sniffDelimiter), quoted fields (with embedded delimiters and newlines)
 * honoured, any mix of line endings. Row numbers count records, as Excel shows them (header = row 1).
 */
export function readCsv(
  bytes: Uint8Array,
  options: BuildTableOptions & { onBytes?: (done: number) => void } = {},
): RawTable {
  return collectTable(scanCsv(bytes, options, options.onBytes));
}

/**
 * The same as a lazy scan: each pass decodes and splits the bytes again, a megabyte at a time;
 * onBytes hears how far each pass has gone (bytes consumed).
 */
export function scanCsv(
  bytes: Uint8Array,
  options: BuildTableOptions = {},
  onBytes?: (done: number) => void,
): TableScan {
  const found = detectEncoding(bytes, options.fileName);
  const first = decodeChunks(bytes, found).next().value ?? '';
  const delimiter = sniffDelimiter(first);
  const records = (): Iterable<SourceRecord> =>
    csvRecords(decodeChunks(bytes, found, onBytes), delimiter);
  return scanRecords(
    records,
    {
      format: 'csv',
      encoding: found.encoding,
      encodingEvidence: found.evidence,
      sheetNames: [],
      delimiter,
    },
    options,
  );
}
