import { Inflate } from 'fflate';
import { InputError, type InputLocation } from '../../errors.ts';

/** One entry of a zip's central directory (the sizes there are trusted for nothing but slicing). */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

/** Compressed bytes handed to the inflater at a time: one push can yield at most ~1,000 times this. */
const PUSH_BYTES = 64 * 1024;

/**
 * Inflates the entries `keep` selects, counting the bytes actually produced (the sizes a zip
 * declares can lie) and stopping with E_TOO_LARGE as soon as the total passes `maxBytes`, so
 * that an archive built to inflate without end fails before memory runs out. With `keep`
 * returning 'count', an entry is inflated and counted but not kept (a workbook checked before
 * its own reader opens it).
 *
 * @throws InputError E_TOO_LARGE; Error for a malformed archive (the caller names it E_BAD_ZIP)
 */
export function unzipCapped(
  bytes: Uint8Array,
  keep: (name: string) => boolean | 'count',
  maxBytes: number,
  location: InputLocation,
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  let total = 0;
  const count = (n: number) => {
    total += n;
    if (total > maxBytes) {
      throw new InputError(
        'E_TOO_LARGE',
        `the archive inflates to more than ${maxBytes} bytes (the limit); 压缩包解压后过大`,
        location,
      );
    }
  };
  for (const entry of listZip(bytes)) {
    const wanted = keep(entry.name);
    if (wanted === false) continue;
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const parts: Uint8Array[] = [];
    if (entry.method === 0) {
      count(data.length);
      parts.push(data);
    } else if (entry.method === 8) {
      const inflater = new Inflate((chunk) => {
        count(chunk.length);
        if (wanted === true) parts.push(chunk);
      });
      for (let at = 0; at < data.length; at += PUSH_BYTES) {
        inflater.push(data.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= data.length);
      }
    } else {
      throw new Error(`entry ${entry.name} uses compression method ${entry.method}`);
    }
    if (wanted === true) out[entry.name] = concat(parts);
  }
  return out;
}

function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  const stop = Math.max(0, end - 65_535);
  while (end >= stop && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < stop) throw new Error('no end of central directory');
  const entries: ZipEntry[] = [];
  let at = view.getUint32(end + 16, true);
  const count = view.getUint16(end + 10, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw new Error('broken central directory');
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const compressedSize = view.getUint32(at + 20, true);
    if (compressedSize === 0xffffffff || local === 0xffffffff)
      throw new Error('zip64 archives are not supported');
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      throw new Error('broken local header');
    const dataStart =
      local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new Error('entry runs past the end');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize,
      dataStart,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
