import { InputError, type InputLocation } from '../../errors.ts';
import { entryChunks, listZip } from './zip-entries.ts';

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
    const parts: Uint8Array[] = [];
    for (const chunk of entryChunks(bytes, entry)) {
      count(chunk.length);
      if (wanted === true) parts.push(chunk);
    }
    if (wanted === true) out[entry.name] = concat(parts);
  }
  return out;
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
