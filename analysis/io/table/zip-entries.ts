import { Inflate } from 'fflate';

/** One entry of a zip's central directory (the sizes there are trusted for nothing but slicing). */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

/** Compressed bytes handed to the inflater at a time: one push can yield at most ~1,000 times this. */
const PUSH_BYTES = 64 * 1024;

/** The entries of a zip, from its central directory. @throws Error for a malformed archive */
export function listZip(bytes: Uint8Array): ZipEntry[] {
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

/**
 * An entry's inflated bytes, a slice at a time, so that a reader can parse a large part (a
 * worksheet) without holding it whole, or count what it inflates to (unzipCapped).
 */
export function* entryChunks(bytes: Uint8Array, entry: ZipEntry): Generator<Uint8Array> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += PUSH_BYTES) yield data.subarray(at, at + PUSH_BYTES);
    return;
  }
  if (entry.method !== 8)
    throw new Error(`entry ${entry.name} uses compression method ${entry.method}`);
  let ready: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    ready.push(chunk);
  });
  for (let at = 0; at < data.length; at += PUSH_BYTES) {
    inflater.push(data.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= data.length);
    const out = ready;
    ready = [];
    yield* out;
  }
}
