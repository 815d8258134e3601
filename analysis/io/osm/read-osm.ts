import { gunzipSync } from 'fflate';
import { InputError } from '../../errors.ts';
import { parsePbf } from './parse-pbf.ts';
import { parseXml } from './parse-xml.ts';
import type { OsmData } from './types.ts';

export type OsmFormat = 'pbf' | 'xml' | 'gzip';

/**
 * Reads an OSM extract, PBF or XML (optionally gzip-compressed XML), recognised by its content,
 * never by its file name: Overpass downloads are often saved with the wrong extension.
 *
 * @param file the name used in error messages
 * @throws InputError E_NOT_OSM when the bytes are not OSM at all, E_BAD_OSM when they are OSM
 *   but truncated or corrupt
 */
export function readOsm(bytes: Uint8Array, file: string): OsmData {
  const format = detectOsmFormat(bytes);
  if (format === 'pbf') return parsePbf(bytes, file);
  if (format === 'xml') return parseXml(bytes, file);
  if (format === 'gzip') {
    let inflated: Uint8Array;
    try {
      inflated = gunzipSync(bytes);
    } catch (error) {
      throw new InputError('E_BAD_OSM', `corrupt gzip data (${(error as Error).message})`, {
        file,
      });
    }
    if (detectOsmFormat(inflated) === 'gzip') {
      throw new InputError('E_NOT_OSM', 'not an OSM file: gzip inside gzip', { file });
    }
    return readOsm(inflated, file);
  }
  const what = bytes.length === 0 ? 'the file is empty' : whatItIs(bytes);
  throw new InputError(
    'E_NOT_OSM',
    `not an OSM file (${what}); expected OSM PBF (.osm.pbf) or OSM XML (.osm)`,
    { file },
  );
}

/** Recognises the format from the first bytes; undefined when it is none of them. */
export function detectOsmFormat(bytes: Uint8Array): OsmFormat | undefined {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (isPbf(bytes)) return 'pbf';
  if (isXml(bytes)) return 'xml';
  return undefined;
}

/** A PBF starts with a big-endian BlobHeader length, then field 1 (type) = "OSMHeader". */
function isPbf(bytes: Uint8Array): boolean {
  if (bytes.length < 4 + 2 + 9) return false;
  const length = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  if (length < 11 || length > 64 * 1024) return false;
  // 0x0a = field 1, length-delimited; 9 = length of "OSMHeader".
  return bytes[4] === 0x0a && bytes[5] === 9 && ascii(bytes, 6, 9) === 'OSMHeader';
}

function isXml(bytes: Uint8Array): boolean {
  let at = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) at = 3; // UTF-8 BOM
  while (at < bytes.length && (bytes[at] === 0x20 || (bytes[at] >= 0x09 && bytes[at] <= 0x0d))) {
    at++;
  }
  const start = ascii(bytes, at, 5);
  return start === '<?xml' || start.startsWith('<osm');
}

function ascii(bytes: Uint8Array, from: number, count: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + count));
}

/** A hint at what the file is instead, for the error message. */
function whatItIs(bytes: Uint8Array): string {
  const head = ascii(bytes, 0, 8);
  if (head.startsWith('\x89PNG')) return 'it is a PNG image';
  if (head.startsWith('PK\x03\x04')) return 'it is a ZIP archive (unzip it first)';
  if (head.startsWith('BZh')) return 'it is bzip2-compressed (decompress it first)';
  if (head.startsWith('%PDF')) return 'it is a PDF';
  const text = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'it looks like JSON';
  if (text.startsWith('<')) return 'it looks like HTML or other markup';
  return `it starts with bytes ${[...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}
