// Builds tiny point Shapefiles byte by byte (ESRI Shapefile Technical Description, 1998; dBase III
// table format), so the tests need no committed binaries and show exactly what the bytes are.
import { zipSync } from 'fflate';

export interface DbfField {
  /** Field name bytes (≤ 10), already in the table's encoding. */
  name: Uint8Array;
  type: 'C' | 'N';
  length: number;
}

export function pointShp(points: [number, number][]): Uint8Array {
  const recordBytes = 8 + 20;
  const total = 100 + points.length * recordBytes;
  const view = new DataView(new ArrayBuffer(total));
  view.setInt32(0, 9994, false);
  view.setInt32(24, total / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 1, true);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => {
    view.setFloat64(36 + i * 8, v, true);
  });
  points.forEach(([x, y], i) => {
    const at = 100 + i * recordBytes;
    view.setInt32(at, i + 1, false);
    view.setInt32(at + 4, 10, false);
    view.setInt32(at + 8, 1, true);
    view.setFloat64(at + 12, x, true);
    view.setFloat64(at + 20, y, true);
  });
  return new Uint8Array(view.buffer);
}

export function dbf(fields: DbfField[], rows: Uint8Array[][], languageDriver = 0): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, f) => sum + f.length, 0);
  const bytes = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes.set([124, 1, 1], 1);
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = languageDriver;
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    bytes.set(f.name.subarray(0, 10), at);
    bytes[at + 11] = f.type.charCodeAt(0);
    bytes[at + 16] = f.length;
  });
  bytes[headerLength - 1] = 0x0d;
  rows.forEach((cells, r) => {
    let at = headerLength + r * recordLength;
    bytes[at++] = 0x20;
    fields.forEach((f, i) => {
      const padded = new Uint8Array(f.length).fill(0x20);
      const value = cells[i].subarray(0, f.length);
      padded.set(value, f.type === 'N' ? f.length - value.length : 0);
      bytes.set(padded, at);
      at += f.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

export function zip(files: Record<string, Uint8Array | string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    entries[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }
  return zipSync(entries);
}

/** GBK bytes of a few names, from `printf 名称 | iconv -f UTF-8 -t GBK | xxd -p`. */
export const GBK = {
  名称: hex('c3fbb3c6'),
  类型: hex('c0e0d0cd'),
  睦邻点: hex('c4c0c1dab5e3'),
  驿站: hex('e6e4d5be'),
};

function hex(text: string): Uint8Array {
  return new Uint8Array(text.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? []);
}
