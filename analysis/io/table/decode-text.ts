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
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return {
      text: strictDecode('utf-8', bytes.subarray(3), fileName),
      encoding: 'utf-8-bom',
      evidence: 'UTF-8 BOM',
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return {
      text: strictDecode('utf-16le', bytes.subarray(2), fileName),
      encoding: 'utf-16le',
      evidence: 'UTF-16LE BOM',
    };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return {
      text: strictDecode('utf-16be', bytes.subarray(2), fileName),
      encoding: 'utf-16be',
      evidence: 'UTF-16BE BOM',
    };
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) {
    throw new InputError(
      'E_BINARY_FILE',
      `not a text file (NUL byte at offset ${nul}); 不是文本文件`,
      fileName === undefined ? {} : { file: fileName },
    );
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) {
    const ascii = bytes.every((b) => b < 0x80);
    return { text: utf8, encoding: 'utf-8', evidence: ascii ? 'ASCII only' : 'valid UTF-8' };
  }
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined) {
    return { text: gb, encoding: 'gb18030', evidence: 'not valid UTF-8; valid GBK/GB18030' };
  }
  throw new InputError(
    'E_ENCODING',
    `text is neither UTF-8 nor GBK/GB18030 (invalid byte near offset ${firstInvalidUtf8(bytes)}); 无法识别文件编码，请另存为 UTF-8 CSV`,
    fileName === undefined ? {} : { file: fileName },
  );
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function strictDecode(label: string, bytes: Uint8Array, fileName?: string): string {
  const text = tryDecode(label, bytes);
  if (text === undefined) {
    throw new InputError(
      'E_ENCODING',
      `the file starts with a ${label} byte-order mark but is not valid ${label}; 文件编码与 BOM 不符`,
      fileName === undefined ? {} : { file: fileName },
    );
  }
  return text;
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
