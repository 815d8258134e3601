import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { readOsm } from '../../../analysis/io/osm/read-osm.ts';

const demoPbf = new Uint8Array(
  readFileSync(
    new URL('../../../data/raw/nanjing_xinjiekou_overpass_2021.osm.pbf', import.meta.url),
  ),
);
const text = (s: string) => new TextEncoder().encode(s);

/** Runs readOsm and returns the InputError it must throw. */
function failure(bytes: Uint8Array, file: string): InputError {
  try {
    readOsm(bytes, file);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`readOsm accepted ${file}`);
}

describe('readOsm refuses what is not OSM (E_NOT_OSM)', () => {
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['empty.osm', new Uint8Array(0), /empty/],
    [
      'picture.osm.pbf',
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48),
      /PNG/,
    ],
    ['data.osm', text('{"type":"FeatureCollection","features":[]}'), /JSON/],
    ['random.bin', Uint8Array.from({ length: 256 }, (_, i) => (i * 73 + 41) % 256), /bytes/],
    ['map.kml', text('<?xml version="1.0"?><kml><Document/></kml>'), /<kml>/],
    ['page.osm', text('<!DOCTYPE html><html><body>429 Too Many Requests</body></html>'), /markup/],
  ];
  for (const [file, bytes, hint] of cases) {
    it(`${file}`, () => {
      const error = failure(bytes, file);
      expect(error.code).toBe('E_NOT_OSM');
      expect(error.message).toContain(file);
      expect(error.message).toMatch(hint);
    });
  }
});

describe('readOsm refuses truncated or corrupt OSM (E_BAD_OSM)', () => {
  it('a PBF cut in the middle', () => {
    const error = failure(demoPbf.subarray(0, Math.floor(demoPbf.length / 2)), 'cut.osm.pbf');
    expect(error.code).toBe('E_BAD_OSM');
    expect(error.message).toContain('cut.osm.pbf');
    expect(error.message).toMatch(/cut off/);
  });

  it('a PBF cut just after its header blob', () => {
    const headerLength = new DataView(demoPbf.buffer, demoPbf.byteOffset).getUint32(0);
    const error = failure(demoPbf.subarray(0, 4 + headerLength + 2), 'short.osm.pbf');
    expect(error.code).toBe('E_BAD_OSM');
  });

  it('a PBF with a damaged zlib stream', () => {
    const damaged = demoPbf.slice();
    for (let i = 400; i < 600; i++) damaged[i] ^= 0x5a;
    const error = failure(damaged, 'damaged.osm.pbf');
    expect(error.code).toBe('E_BAD_OSM');
    expect(error.message).toContain('damaged.osm.pbf');
  });

  it('an XML cut in the middle, with its row', () => {
    const xml = '<?xml version="1.0"?>\n<osm version="0.6">\n  <node id="1" lat="32" lon="118">\n';
    const error = failure(text(xml), 'cut.osm');
    expect(error.code).toBe('E_BAD_OSM');
    expect(error.message).toContain('cut.osm');
    expect(error.location.row).toBeGreaterThanOrEqual(3);
  });

  it('an XML node with a non-numeric coordinate', () => {
    const xml = '<osm>\n<node id="1" lat="north" lon="118"/>\n</osm>';
    const error = failure(text(xml), 'bad.osm');
    expect(error.code).toBe('E_BAD_OSM');
    expect(error.message).toMatch(/lat="north"/);
    expect(error.location.row).toBe(2);
  });
});
