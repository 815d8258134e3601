import { unzipSync } from 'fflate';
import { InputError } from '../../errors.ts';
import type { OnImportProgress } from '../import/progress.ts';
import { collectTable, type TableScan } from './build-table.ts';
import { readCsv } from './read-csv.ts';
import { readGeoJson } from './read-geojson.ts';
import { readShapefileZip } from './read-shapefile.ts';
import { scanXlsx } from './scan-xlsx.ts';
import type { RawTable, SourceFormat } from './types.ts';
import { unzipCapped } from './unzip-capped.ts';

export interface ReadTableOptions {
  /** Used for messages, CRS hints and as a format hint (the bytes decide in the end). */
  fileName?: string;
  /** Sheet of a workbook or layer of a zipped Shapefile. */
  sheet?: string;
  /** Force the header row of CSV/XLSX (1-based). */
  headerRow?: number;
  /** Refuse larger inputs before parsing (default 200 MB). */
  maxBytes?: number;
  /** A workbook with register rows on several sheets and none named: see ReadXlsxOptions. */
  severalSheets?: 'warn' | 'error';
  /** Stop inflating a zipped input past this many bytes (default: 512 MB for XLSX, 128 MB for Shapefile). */
  maxInflatedBytes?: number;
  /** Bytes read so far: per megabyte of a delimited text file, at start and end for the others. */
  onProgress?: OnImportProgress;
}

const MAX_XLSX_INFLATED_BYTES = 512 * 1024 * 1024;

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/**
 * Reads any supported file into a RawTable (a File's arrayBuffer() or a buffer transferred from
 * the page works as well as bytes). The format is decided from the bytes (zip magic,
 * JSON opening brace), not trusted from the extension: a .csv that is really an .xlsx still reads.
 */
export async function readTable(
  input: Uint8Array | ArrayBuffer,
  options: ReadTableOptions = {},
): Promise<RawTable> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const report = (done: number) =>
    options.onProgress?.({ stage: 'read', unit: 'bytes', done, total: bytes.length });
  report(0);
  const table = await readAnyTable(bytes, options, report);
  report(bytes.length);
  return table;
}

async function readAnyTable(
  bytes: Uint8Array,
  options: ReadTableOptions,
  onBytes: (done: number) => void,
): Promise<RawTable> {
  const location = options.fileName === undefined ? {} : { file: options.fileName };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputError(
      'E_TOO_LARGE',
      `file is ${bytes.length} bytes, more than the ${maxBytes} allowed; 文件过大`,
      location,
    );
  }
  if (bytes.length === 0)
    throw new InputError('E_EMPTY_FILE', 'the file is empty; 文件为空', location);
  const format = sniffFormat(bytes, options.fileName);
  switch (format) {
    case 'xlsx':
      return collectTable(scanWorkbook(bytes, options));
    case 'shapefile':
      return readShapefileZip(bytes, {
        fileName: options.fileName,
        layer: options.sheet,
        ...(options.maxInflatedBytes === undefined
          ? {}
          : { maxInflatedBytes: options.maxInflatedBytes }),
      });
    case 'geojson':
      return readGeoJson(bytes, { fileName: options.fileName });
    case 'csv':
      return readCsv(bytes, { ...options, onBytes });
  }
}

/**
 * An .xlsx workbook's chosen sheet, read lazily (scanXlsx). The archive is inflated and counted
 * (not kept) first, so that a bomb stops at the cap with E_TOO_LARGE before any sheet is parsed.
 */
export function scanWorkbook(bytes: Uint8Array, options: ReadTableOptions = {}): TableScan {
  const location = options.fileName === undefined ? {} : { file: options.fileName };
  try {
    unzipCapped(
      bytes,
      () => 'count',
      options.maxInflatedBytes ?? MAX_XLSX_INFLATED_BYTES,
      location,
    );
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      'E_BAD_XLSX',
      `not a readable .xlsx workbook (${(error as Error).message}); 无法读取 Excel 文件`,
      location,
    );
  }
  return scanXlsx(bytes, options);
}

export function sniffFormat(bytes: Uint8Array, fileName?: string): SourceFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return zipKind(bytes, fileName);
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (
    head.startsWith('{') &&
    (/\.(geo)?json$/i.test(fileName ?? '') || /"type"/.test(head) || head.length < 64)
  ) {
    return 'geojson';
  }
  return 'csv';
}

function zipKind(bytes: Uint8Array, fileName?: string): SourceFormat {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch (error) {
    throw new InputError(
      'E_BAD_ZIP',
      `not a readable zip/xlsx (${(error as Error).message}); 压缩包损坏`,
      fileName === undefined ? {} : { file: fileName },
    );
  }
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => /\.shp$/i.test(n))) return 'shapefile';
  throw new InputError(
    'E_UNKNOWN_ZIP',
    'zip holds neither an Excel workbook nor a Shapefile (.shp); 压缩包中既无 Excel 也无 Shapefile',
    fileName === undefined ? {} : { file: fileName },
  );
}
