/**
 * The fuzz corpus's vocabulary: a file, what its author meant by every data row, and a seeded
 * random source so that the corpus is the same on every run.
 */
import type { FacilityType } from '../../analysis/city/types.ts';
import type { ImportFacilitiesOptions } from '../../analysis/io/import/import-facilities.ts';

/** What the author meant by one facility row; null = deliberately left unknown. */
export interface MeantFacility {
  id?: string;
  name: string;
  type: FacilityType;
  /** WGS-84. */
  lon: number;
  lat: number;
  floorAreaM2: number | null;
  beds: number | null;
  floorLevel: number | null;
}

/** What a row is, without its number. */
export type RowBody =
  | { meant: MeantFacility }
  | { empty: true }
  /** No reading of the cells is what the author meant: must be rejected, or accepted with a warning. */
  | { unknowable: string };

export type RowTruth = RowBody & { row: number };

export type Expectation =
  /** The whole file is refused with one of these codes. */
  | { error: string[] }
  /** Rows are read; every listed row must be accounted for. */
  | { rows: RowTruth[] }
  /** An OSM extract that reads, with these node names decoded as written. */
  | { osm: { names: string[] } }
  /** A scenario file that must be accepted ('valid'), or may be either way but never crash. */
  | { scenario: 'valid' | 'any' };

export interface CorpusFile {
  name: string;
  family: 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'osm' | 'scenario';
  note: string;
  bytes: Uint8Array;
  expect: Expectation;
  /** Text the table's warnings must contain (what the wizard shows beside the mapping). */
  mustNote?: string;
  options?: Pick<
    ImportFacilitiesOptions,
    'crs' | 'sheet' | 'allowOutsideChina' | 'maxInflatedBytes' | 'severalSheets'
  >;
}

/** mulberry32: small, fast and good enough to vary a corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TYPE_NAMES: [string, FacilityType][] = [
  ['社区养老服务站', 'community_station'],
  ['日间照料中心', 'day_care'],
  ['街道综合养老服务中心', 'street_center'],
  ['睦邻点', 'neighbourhood_point'],
  ['养老驿站', 'care_post'],
  ['嵌入式养老机构', 'embedded_institution'],
];

/** A plausible register of n sites around Xinjiekou, Nanjing, with every value known. */
export function baseRegister(random: () => number, n: number, prefix = 'F'): MeantFacility[] {
  return Array.from({ length: n }, (_, i) => {
    const [typeName, type] = TYPE_NAMES[Math.floor(random() * TYPE_NAMES.length)];
    return {
      id: `${prefix}${String(i + 1).padStart(3, '0')}`,
      name: `鼓楼区第${i + 1}${typeName}`,
      type,
      lon: round(118.77 + random() * 0.03, 7),
      lat: round(32.03 + random() * 0.025, 7),
      floorAreaM2: Math.round(50 + random() * 2000),
      beds: Math.floor(random() * 60),
      floorLevel: 1 + Math.floor(random() * 4),
    };
  });
}

export function typeNameOf(type: FacilityType): string {
  return (TYPE_NAMES.find(([, t]) => t === type) ?? TYPE_NAMES[0])[0];
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const HEADER = ['编号', '名称', '类型', '经度', '纬度', '建筑面积', '床位', '楼层'];

/** One register row as text cells in HEADER order. */
export function cellsOf(f: MeantFacility): string[] {
  const text = (v: number | null) => (v === null ? '' : String(v));
  return [
    f.id ?? '',
    f.name,
    typeNameOf(f.type),
    String(f.lon),
    String(f.lat),
    text(f.floorAreaM2),
    text(f.beds),
    text(f.floorLevel),
  ];
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

let gbkTable: Map<string, number[]> | undefined;

/** Encodes text as GBK (no encoder ships with TextEncoder): a reverse map of the GBK decoder. */
export function gbk(text: string): Uint8Array {
  if (gbkTable === undefined) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch))
          gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (bytes === undefined) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
