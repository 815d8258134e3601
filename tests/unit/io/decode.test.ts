import { describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { decodeText } from '../../../analysis/io/table/decode-text.ts';
import { readCsv } from '../../../analysis/io/table/read-csv.ts';
import { fixture, utf8 } from './helpers.ts';

describe('decodeText', () => {
  it('reads GBK bytes (made by iconv) as GB18030', () => {
    const decoded = decodeText(fixture('facilities-gcj02-gbk.csv'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('新街口街道综合养老服务中心');
  });

  it('reads four-byte GB18030 characters outside GBK', () => {
    const decoded = decodeText(fixture('gb18030-four-byte.csv'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('𠮷祥睦邻点');
  });

  it('recognises UTF-8 with and without BOM, and drops the BOM', () => {
    const bom = decodeText(fixture('facilities-gcj02-utf8-bom.csv'));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.text.startsWith('编号')).toBe(true);
    const plain = decodeText(utf8('名称,经度\n站,118.1\n'));
    expect(plain.encoding).toBe('utf-8');
    expect(plain.text).toBe('名称,经度\n站,118.1\n');
  });

  it('reads UTF-16LE as Excel "Unicode text" saves it', () => {
    const text = '名称\t经度\n站\t118.1\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const table = readCsv(bytes);
    expect(table.encoding).toBe('utf-16le');
    expect(table.delimiter).toBe('\t');
    expect(table.rows[0].cells).toEqual(['站', '118.1']);
  });

  it('refuses binary data and bytes that are neither UTF-8 nor GB18030', () => {
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toThrow(InputError);
    // 0xFF is never valid in UTF-8 nor as a GB18030 lead byte.
    const bad = new Uint8Array([0x61, 0x2c, 0xff, 0xff, 0x0a]);
    expect(() => decodeText(bad, 'x.csv')).toThrow(/E_ENCODING|neither UTF-8/);
    try {
      decodeText(bad, 'x.csv');
    } catch (error) {
      expect((error as InputError).code).toBe('E_ENCODING');
      expect((error as InputError).location.file).toBe('x.csv');
    }
  });

  it('TextDecoder in this Node has gb18030 (full ICU)', () => {
    expect(new TextDecoder('gbk').encoding).toBe('gbk');
    expect(new TextDecoder('gb18030').decode(new Uint8Array([0xc4, 0xc0]))).toBe('睦');
  });
});
