import { InputError } from '../../errors.ts';
import type { TextEncodingName } from './types.ts';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Why this encoding was chosen, for the import summary. */
  evidence: string;
}

/**
 * Decodes a text file as Chinese offices produce them: UTF-8 (with or without BOM), or GBK /
 * GB18030 (what Excel's "CSV" saves on a Chinese Windows), or UTF-16 (Excel's "Unicode text").
 *
 * Strict UTF-8 is tried first because GBK text is almost never valid UTF-8 (lead bytes 0x81–0xFE
 * followed by 0x40–0xFE rarely form valid UTF-8 sequences), while UTF-8 text is always invalid
 * GB18030 somewhere once it holds a few Chinese characters. GB18030 is a superset of GBK and
 * GB2312, so one decoder covers all three. Both decoders exist in browsers and in Node with full ICU.
 */
export function decodeText(bytes: Uint8Array, fileName?: string): DecodedText {
  const found = detectEncoding(bytes, fileName);
  return {
    text: [...decodeChunks(bytes, found)].join(''),
    encoding: found.encoding,
    evidence: found.evidence,
  };
}

export interface DetectedEncoding {
  encoding: TextEncodingName;
  evidence: string;
  /** TextDecoder label and the length of the byte-order mark to skip. */
  label: string;
  skip: number;
}

/** Decides the encoding by strict trial decodes whose output is thrown away (no full copy kept). */
export function detectEncoding(bytes: Uint8Array, fileName?: string): DetectedEncoding {
  const where = fileName === undefined ? {} : { file: fileName };
  const bom: [number[], TextEncodingName, string][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8-bom', 'utf-8'],
    [[0xff, 0xfe], 'utf-16le', 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be', 'utf-16be'],
  ];
  for (const [prefix, encoding, label] of bom) {
    if (!startsWith(bytes, prefix)) continue;
    if (!isValid(label, bytes.subarray(prefix.length))) {
      throw new InputError(
        'E_ENCODING',
        `the file starts with a ${label} byte-order mark but is not valid ${label}; 文件编码与 BOM 不符`,
        where,
      );
    }
    return { encoding, evidence: `${label.toUpperCase()} BOM`, label, skip: prefix.length };
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) {
    throw new InputError(
      'E_BINARY_FILE',
      `not a text file (NUL byte at offset ${nul}); 不是文本文件`,
      where,
    );
  }
  if (isValid('utf-8', bytes)) {
    const ascii = bytes.every((b) => b < 0x80);
    return {
      encoding: 'utf-8',
      evidence: ascii ? 'ASCII only' : 'valid UTF-8',
      label: 'utf-8',
      skip: 0,
    };
  }
  if (isValid('gb18030', bytes)) {
    return {
      encoding: 'gb18030',
      evidence: 'not valid UTF-8; valid GBK/GB18030',
      label: 'gb18030',
      skip: 0,
    };
  }
  throw new InputError(
    'E_ENCODING',
    `text is neither UTF-8 nor GBK/GB18030 (invalid byte near offset ${firstInvalidUtf8(bytes)}); 无法识别文件编码，请另存为 UTF-8 CSV`,
    where,
  );
}

const CHUNK_BYTES = 1 << 20;

/** The text in pieces of about a megabyte, decoded with the detected encoding (onBytes: bytes consumed so far). */
export function* decodeChunks(
  bytes: Uint8Array,
  found: DetectedEncoding,
  onBytes?: (done: number) => void,
): Generator<string> {
  function* pieces(): Generator<Uint8Array> {
    for (let at = found.skip; at < bytes.length; at += CHUNK_BYTES) {
      // Reported when the next piece is asked for: the reader has split the previous one.
      if (at > found.skip) onBytes?.(at);
      yield bytes.subarray(at, Math.min(at + CHUNK_BYTES, bytes.length));
    }
  }
  yield* decodeByteChunks(pieces(), found.label);
  if (bytes.length <= found.skip) yield '';
}

/**
 * Text of byte chunks cut anywhere (inside a UTF-8 or GBK character too): the decoder carries an
 * incomplete character over to the next chunk. The chunks follow any byte-order mark.
 */
export function* decodeByteChunks(chunks: Iterable<Uint8Array>, label: string): Generator<string> {
  const decoder = new TextDecoder(label);
  for (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function isValid(label: string, bytes: Uint8Array): boolean {
  const decoder = new TextDecoder(label, { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      const end = Math.min(at + CHUNK_BYTES, bytes.length);
      decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefixes; a prefix cut inside a multi-byte char is allowed via stream mode.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
