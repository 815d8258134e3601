import { describe, expect, it } from 'vitest';
import { importFacilities } from '../../../analysis/io/import/import-facilities.ts';
import { importFacilitiesStreamed } from '../../../analysis/io/import/import-facilities-streamed.ts';
import { csvRecords } from '../../../analysis/io/table/csv-records.ts';
import { decodeByteChunks } from '../../../analysis/io/table/decode-text.ts';
import { fixture, utf8 } from './helpers.ts';

/** Quotes with delimiters, CRLF, lone CR, "" escapes, text after a quote, Chinese, an open quote. */
const TRICKY =
  'id,名称,备注\r\n1,"养老, 服务站","第一行\r\n第二行"\r\n2,驿站,"说 ""好"""\r3,"ab"c,x\n\n4,睦邻点,末尾\r\n5,"未闭合,y\r\n6,z,w';

const whole = (text: string) => [...csvRecords([text], ',')];

describe('incremental CSV splitting', () => {
  it('gives the same records for every cut of the text into two chunks', () => {
    const expected = whole(TRICKY);
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      const parts = [TRICKY.slice(0, cut), TRICKY.slice(cut)];
      expect([...csvRecords(parts, ',')], `cut at ${cut}`).toEqual(expected);
    }
  });

  it('gives the same records when every character is its own chunk', () => {
    expect([...csvRecords([...TRICKY], ',')]).toEqual(whole(TRICKY));
  });

  it('a CRLF split between chunks ends one record, not two', () => {
    const records = [...csvRecords(['a,b\r', '\n1,2\r', '\n'], ',')];
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('decoding byte chunks cut inside characters', () => {
  const cuts = (bytes: Uint8Array, size: number) =>
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    );

  it('UTF-8: any chunk size decodes to the whole text', () => {
    const bytes = utf8(TRICKY);
    for (const size of [1, 2, 3, 5, 7]) {
      expect([...decodeByteChunks(cuts(bytes, size), 'utf-8')].join('')).toBe(TRICKY);
    }
  });

  it('GBK / GB18030 (two- and four-byte characters): any chunk size decodes to the whole text', () => {
    for (const name of ['facilities-gcj02-gbk.csv', 'gb18030-four-byte.csv']) {
      const bytes = fixture(name);
      const text = new TextDecoder('gb18030').decode(bytes);
      for (const size of [1, 2, 3]) {
        expect([...decodeByteChunks(cuts(bytes, size), 'gb18030')].join(''), name).toBe(text);
      }
    }
  });
});

describe('streamed facility import', () => {
  const register = [
    'id,名称,类型,经度,纬度,建筑面积',
    'A1,甲站,社区养老服务站,118.78,32.04,300',
    'A2,乙站,社区养老服务站,118.77,32.05,abc',
    'A1,丙站,养老驿站,118.76,32.05,80',
    '',
    'A4,丁站,未知,118.79,32.04,100',
    'a1 ,戊站,养老驿站,118.78,32.05,90',
    'A6,己站,养老驿站,118.78,32.045,',
  ].join('\n');

  it('batches of two rows give the same features, rejections and counts as the whole table', async () => {
    const options = { crs: 'wgs84' as const, fileName: 'r.csv' };
    const all = await importFacilities(utf8(register), options);
    const streamed = importFacilitiesStreamed(utf8(register), options, 2);
    if (streamed === undefined) throw new Error('a CSV must stream');
    const batches = [...streamed.batches()];
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.flatMap((b) => b.collection.features)).toEqual(all.collection.features);
    expect(batches.flatMap((b) => b.rejections)).toEqual(all.rejections);
    expect(batches.flatMap((b) => b.warnings)).toEqual(all.warnings);
    const sum = (key: 'rows' | 'accepted' | 'rejected' | 'emptyRows') =>
      batches.reduce((s, b) => s + b.counts[key], 0);
    expect(['rows', 'accepted', 'rejected', 'emptyRows'].map((k) => sum(k as 'rows'))).toEqual([
      all.counts.rows,
      all.counts.accepted,
      all.counts.rejected,
      all.counts.emptyRows,
    ]);
    expect(streamed.mapping).toEqual(all.mapping);
  });

  it('leaves other formats to the whole-table path', () => {
    expect(importFacilitiesStreamed(utf8('{"type":"FeatureCollection","features":[]}'))).toBe(
      undefined,
    );
  });
});
