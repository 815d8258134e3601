import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { readTable } from '../../../analysis/io/table/read-table.ts';
import { dbf, pointShp, zip } from './shapefile-builder.ts';

async function refused(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

const text = (s: string) => new TextEncoder().encode(s);
const points: [number, number][] = Array.from({ length: 10 }, (_, i) => [118.78 + i / 1000, 32.04]);
const attributes = dbf(
  [{ name: text('name'), type: 'C', length: 12 }],
  points.map((_, i) => [text(`site ${i + 1}`)]),
);

/** A zip whose single entry claims 1,000 bytes but inflates to `size` zero bytes. */
function lyingZip(size: number): Uint8Array {
  const honest = zipSync({ 'a.shp': new Uint8Array(16) });
  const data = deflateRawSync(Buffer.alloc(size), { level: 1 });
  const name = text('a.shp');
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, 1000, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, 1000, true);
  cv.setUint16(28, name.length, true);
  central.set(name, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  expect(honest.length).toBeGreaterThan(0);
  return new Uint8Array([...local, ...data, ...central, ...end]);
}

describe('zipped inputs are inflated under a cap', () => {
  it('an entry that lies about its size stops at the cap with E_TOO_LARGE', async () => {
    const bomb = lyingZip(12 * 1024 * 1024);
    const error = await refused(() =>
      readTable(bomb, { fileName: 'bomb.zip', maxInflatedBytes: 4 * 1024 * 1024 }),
    );
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.location.file).toBe('bomb.zip');
  });

  it('the same archive under a cap it fits reads on (and fails only as a Shapefile)', async () => {
    const error = await refused(() =>
      readTable(lyingZip(64 * 1024), { fileName: 'zeros.zip', maxInflatedBytes: 1024 * 1024 }),
    );
    expect(error.code).not.toBe('E_TOO_LARGE');
  });
});

describe('Shapefile rows are never dropped', () => {
  it('a .shp cut after 5 of 10 points keeps the other 5 rows, rejected for their geometry', async () => {
    const shp = pointShp(points).subarray(0, 100 + 5 * 28 + 10);
    const table = await readTable(zip({ 'a.shp': shp, 'a.dbf': attributes, 'a.cpg': 'UTF-8' }), {
      fileName: 'cut.zip',
    });
    expect(table.rows).toHaveLength(10);
    expect(
      table.rows.slice(5).every((r) => r.problems?.[0].reason.code === 'E_MISSING_GEOMETRY'),
    ).toBe(true);
  });

  it('a zip without the .dbf says so', async () => {
    const table = await readTable(zip({ 'a.shp': pointShp(points) }), { fileName: 'bare.zip' });
    expect(table.warnings.join()).toMatch(/no a\.dbf/);
  });
});
