import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkOsmExtent } from '../../../analysis/city/osm-extent.ts';
import { buildCity } from '../../../analysis/city/write-city.ts';
import { InputError } from '../../../analysis/errors.ts';
import { readOsm } from '../../../analysis/io/osm/read-osm.ts';
import { cityWarningNotes } from '../../../web/src/import/city-warnings.ts';
import { writeTestPbf } from './write-pbf.ts';

const text = (s: string) => new TextEncoder().encode(s);

function thrown(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** A short street of n nodes from (118.78, 32.04) eastwards, plus extra nodes and way refs. */
function street(extraNodes: string[] = [], extraRefs: number[] = []): string {
  const nodes = Array.from(
    { length: 20 },
    (_, i) => `<node id="${i + 1}" lat="32.04" lon="${118.78 + i * 0.0005}"/>`,
  );
  const refs = [...nodes.keys()].map((i) => i + 1).concat(extraRefs);
  return `<?xml version="1.0" encoding="UTF-8"?><osm version="0.6">${[...nodes, ...extraNodes].join('')}<way id="1">${refs.map((r) => `<nd ref="${r}"/>`).join('')}<tag k="highway" v="residential"/></way></osm>`;
}

describe('duplicated OSM node ids are refused (E_DUPLICATE_ID)', () => {
  it('in XML, naming the line of the second copy', () => {
    const error = thrown(() =>
      readOsm(text(street(['<node id="3" lat="39.9" lon="116.4"/>'])), 'dup.osm'),
    );
    expect(error.code).toBe('E_DUPLICATE_ID');
    expect(error.location.file).toBe('dup.osm');
    expect(error.message).toMatch(/node 3 appears twice/);
  });

  it('in PBF, across blocks', () => {
    const pbf = writeTestPbf([
      { dense: [{ id: 7, lat: 32_040_000_0, lon: 118_780_000_0 }] },
      { nodes: [{ id: 7, lat: 39_900_000_0, lon: 116_400_000_0 }] },
    ]);
    const error = thrown(() => readOsm(pbf, 'dup.osm.pbf'));
    expect(error.code).toBe('E_DUPLICATE_ID');
    expect(error.location.file).toBe('dup.osm.pbf');
  });

  it('but the same node repeated at the same place is read once', () => {
    const osm = readOsm(text(street(['<node id="3" lat="32.04" lon="118.781"/>'])), 'again.osm');
    expect(osm.nodes.get(3)).toEqual({ lon: 118.781, lat: 32.04 });
  });
});

describe('geometry far from the rest of the extract (E_FAR_GEOMETRY)', () => {
  it('a way reaching Beijing stops build-city before any graph is built', () => {
    const osm = readOsm(
      text(street(['<node id="99" lat="39.909" lon="116.397"/>'], [99])),
      'far.osm',
    );
    const error = thrown(() => buildCity({ osm, osmFile: 'far.osm', name: 'x', command: 'test' }));
    expect(error.code).toBe('E_FAR_GEOMETRY');
    expect(error.message).toMatch(/node 99 \(116\.397, 39\.909\) \d+ km/);
  });

  it('a way through Nanjing, Beijing and Sydney lists both far nodes', () => {
    const far = [
      '<node id="98" lat="39.909" lon="116.397"/>',
      '<node id="99" lat="-33.87" lon="151.21"/>',
    ];
    const osm = readOsm(text(street(far, [98, 99])), 'span.osm');
    const error = thrown(() => checkOsmExtent(osm, 'span.osm'));
    expect(error.message).toMatch(/^span\.osm: 2 node\(s\)/);
  });

  it('the demo extract passes', () => {
    const bytes = readFileSync(
      new URL('../../../data/raw/nanjing_xinjiekou_overpass_2021.osm.pbf', import.meta.url),
    );
    expect(() =>
      checkOsmExtent(readOsm(new Uint8Array(bytes), 'demo.osm.pbf'), 'demo'),
    ).not.toThrow();
  });
});

describe('ways using nodes missing from the extract', () => {
  it('build-city says how many road segments it left out, and the app shows it translated', () => {
    // Way 1 runs through nodes 1–20; way 2 from node 20 on to 501 and 502, not in the file.
    const cutWay =
      '<way id="2"><nd ref="20"/><nd ref="501"/><nd ref="502"/><tag k="highway" v="residential"/></way>';
    const osm = readOsm(text(street().replace('</osm>', `${cutWay}</osm>`)), 'cut.osm');
    const city = buildCity({ osm, osmFile: 'cut.osm', name: 'x', command: 'test' });
    const warning = city.manifest.warnings.find((w) => /road segments left out/.test(w));
    // Segments 20→501 and 501→502, in each network the residential street belongs to.
    expect(warning).toMatch(/^2 road segments left out: .*\(walk 2, ebike 2, drive 2\)$/);
    const notes = cityWarningNotes(city.manifest.warnings, city.manifest);
    expect(notes).toContainEqual({ key: 'osmCity.warn.missingNodes', params: { count: 2 } });
  });
});

describe('the XML encoding declaration is honoured', () => {
  it('GBK names read as written', () => {
    // 养老 in GBK: D1F8 C0CF.
    const head = text(
      '<?xml version="1.0" encoding="GBK"?><osm version="0.6"><node id="1" lat="32" lon="118"><tag k="name" v="',
    );
    const tail = text('"/></node></osm>');
    const bytes = new Uint8Array([...head, 0xd1, 0xf8, 0xc0, 0xcf, ...tail]);
    expect(readOsm(bytes, 'gbk.osm').nodeTags.get(1)?.name).toBe('养老');
  });

  it('bytes that are not UTF-8 without a declaration are an error, not U+FFFD', () => {
    const bytes = new Uint8Array([
      ...text('<osm version="0.6"><node id="1" lat="32" lon="118"><tag k="name" v="'),
      0xd1,
      0xf8,
      ...text('"/></node></osm>'),
    ]);
    expect(thrown(() => readOsm(bytes, 'bad.osm')).code).toBe('E_ENCODING');
  });
});
