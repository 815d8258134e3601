/**
 * Workbooks, GeoJSON and zipped Shapefiles: sheets, formulas without cached values, error cells,
 * dates; null, multi and polygon geometries, deep nesting, declared CRS; projected .prj, missing
 * .dbf/.cpg, a truncated .shp and an archive that inflates past the cap.
 */
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import proj4 from 'proj4';
import { dbf, pointShp, zip } from '../unit/io/shapefile-builder.ts';
import {
  baseRegister,
  type CorpusFile,
  cellsOf,
  gbk,
  HEADER,
  type MeantFacility,
  type RowTruth,
  typeNameOf,
  utf8,
} from './truth.ts';

const meant = (row: number, m: MeantFacility): RowTruth => ({ row, meant: m });

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Sheet rows as typed values: numbers as numbers, as Excel stores them. */
function sheetRow(m: MeantFacility): ExcelJS.CellValue[] {
  return [
    m.id ?? '',
    m.name,
    typeNameOf(m.type),
    m.lon,
    m.lat,
    m.floorAreaM2,
    m.beds,
    m.floorLevel,
  ];
}

export async function xlsxCases(random: () => number): Promise<CorpusFile[]> {
  const a = baseRegister(random, 6, 'A');
  const b = baseRegister(random, 5, 'B');
  const xlsx = (
    name: string,
    note: string,
    bytes: Uint8Array,
    expect: CorpusFile['expect'],
  ): CorpusFile => ({
    name,
    family: 'xlsx',
    note,
    bytes,
    expect,
    options: { crs: 'wgs84' },
  });
  const simple = await workbook((wb) => {
    const ws = wb.addWorksheet('名录');
    ws.addRow(HEADER);
    for (const m of a) ws.addRow(sheetRow(m));
    wb.addWorksheet('说明').addRow(['本表由民政局提供']);
  });
  const split = await workbook((wb) => {
    for (const [sheet, part] of [
      ['鼓楼', a],
      ['玄武', b],
    ] as const) {
      const ws = wb.addWorksheet(sheet);
      ws.addRow(HEADER);
      for (const m of part) ws.addRow(sheetRow(m));
    }
  });
  // Formulas whose result was never computed (written by a script, not by Excel), an error cell,
  // a formula with its cached result, and a date in an extra column.
  const formulas = await workbook((wb) => {
    const ws = wb.addWorksheet('名录');
    ws.addRow([...HEADER, '开业日期']);
    a.forEach((m, i) => {
      const r = ws.addRow([...sheetRow(m), new Date(Date.UTC(2020, i, 15))]);
      if (i === 1) r.getCell(6).value = { formula: 'B9*2' } as ExcelJS.CellFormulaValue;
      if (i === 2) r.getCell(7).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      if (i === 3)
        r.getCell(6).value = {
          formula: `${m.floorAreaM2}*1`,
          result: m.floorAreaM2,
        } as ExcelJS.CellFormulaValue;
    });
  });
  // One type written once for three rows in a merged cell, as district lists often do.
  const merged = await workbook((wb) => {
    const ws = wb.addWorksheet('名录');
    ws.addRow(HEADER);
    const group = a.slice(0, 3).map((m) => ({ ...m, type: a[0].type }));
    for (const m of [...group, ...a.slice(3)]) ws.addRow(sheetRow(m));
    ws.mergeCells('C2:C4');
  });
  const mergedTruth: RowTruth[] = a.map((m, i) =>
    meant(i + 2, i < 3 ? { ...m, type: a[0].type } : m),
  );
  const formulaTruth: RowTruth[] = a.map((m, i) =>
    i === 1 || i === 2
      ? { row: i + 2, unknowable: 'formula without value / #DIV/0!' }
      : meant(i + 2, m),
  );
  return [
    xlsx('simple.xlsx', 'one data sheet and a notes sheet', simple, {
      rows: a.map((m, i) => meant(i + 2, m)),
    }),
    // The CLI refuses until a sheet is named; the wizard reads the first and says so beside
    // its sheet picker.
    {
      ...xlsx('split-sheets.xlsx', 'the register split over two sheets (CLI)', split, {
        error: ['E_MULTIPLE_SHEETS'],
      }),
      options: { crs: 'wgs84', severalSheets: 'error' },
    },
    {
      ...xlsx('split-sheets-wizard.xlsx', 'the register split over two sheets (wizard)', split, {
        rows: a.map((m, i) => meant(i + 2, m)),
      }),
      mustNote: '"鼓楼", "玄武" all hold register rows',
    },
    xlsx('formulas.xlsx', 'formulas without cached values, #DIV/0!, dates', formulas, {
      rows: formulaTruth,
    }),
    xlsx('merged.xlsx', 'a type cell merged over three rows', merged, { rows: mergedTruth }),
    xlsx('corrupt.xlsx', 'a workbook cut in half', simple.subarray(0, simple.length >> 1), {
      error: ['E_BAD_XLSX', 'E_BAD_ZIP'],
    }),
  ];
}

function feature(m: MeantFacility, geometry: unknown): unknown {
  return {
    type: 'Feature',
    geometry,
    properties: {
      编号: m.id,
      名称: m.name,
      类型: typeNameOf(m.type),
      建筑面积: m.floorAreaM2,
      床位: m.beds,
      楼层: m.floorLevel,
    },
  };
}

/** A square of side 2·r degrees around a point (its centroid is the point). */
const square = (lon: number, lat: number, r: number) => [
  [
    [lon - r, lat - r],
    [lon + r, lat - r],
    [lon + r, lat + r],
    [lon - r, lat + r],
    [lon - r, lat - r],
  ],
];

export function geojsonCases(random: () => number): CorpusFile[] {
  const g = baseRegister(random, 6, 'G');
  const json = (
    name: string,
    note: string,
    value: unknown,
    expect: CorpusFile['expect'],
  ): CorpusFile => ({
    name,
    family: 'geojson',
    note,
    bytes: utf8(typeof value === 'string' ? value : JSON.stringify(value)),
    expect,
    options: { crs: 'wgs84' },
  });
  const fc = (features: unknown[], extra: object = {}) => ({
    type: 'FeatureCollection',
    ...extra,
    features,
  });
  const mixed = fc([
    feature(g[0], { type: 'Point', coordinates: [g[0].lon, g[0].lat] }),
    feature(g[1], null),
    feature(g[2], { type: 'Polygon', coordinates: square(g[2].lon, g[2].lat, 0.0002) }),
    feature(g[3], {
      type: 'MultiPolygon',
      coordinates: [square(g[3].lon, g[3].lat, 0.0002), square(g[3].lon + 0.01, g[3].lat, 0.0001)],
    }),
    feature(g[4], {
      type: 'LineString',
      coordinates: [
        [g[4].lon, g[4].lat],
        [g[4].lon + 0.001, g[4].lat],
      ],
    }),
    feature(g[5], { type: 'Point', coordinates: ['118.78', '32.04'] }),
    { type: 'Feature', geometry: null, properties: null },
  ]);
  const mixedTruth: RowTruth[] = [
    meant(1, g[0]),
    { row: 2, unknowable: 'no geometry' },
    meant(3, g[2]),
    { row: 4, unknowable: 'a multipolygon: which part is the facility?' },
    { row: 5, unknowable: 'a line' },
    { row: 6, unknowable: 'coordinates as strings' },
    { row: 7, empty: true },
  ];
  let deep = '0';
  for (let i = 0; i < 20000; i++) deep = `[${deep}]`;
  const nested = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[118.78,32.04]},"properties":{"名称":"x","类型":"睦邻点","备注":${deep}}}]}`;
  return [
    json(
      'geometries.geojson',
      'point, null, polygon, multipolygon, line, string coordinates',
      mixed,
      { rows: mixedTruth },
    ),
    json('deep.geojson', '20,000 nested arrays in a property', nested, { error: ['E_TOO_DEEP'] }),
    json(
      'projected.geojson',
      'declares EPSG:3857',
      fc([feature(g[0], { type: 'Point', coordinates: [13222000, 3768000] })], {
        crs: { type: 'name', properties: { name: 'EPSG:3857' } },
      }),
      { error: ['E_PROJECTED_CRS'] },
    ),
    json(
      'not-features.geojson',
      'a bare geometry',
      { type: 'Point', coordinates: [118.78, 32.04] },
      { error: ['E_NOT_FEATURES'] },
    ),
    json('empty-collection.geojson', 'no features', fc([]), { error: ['E_EMPTY_FILE'] }),
    json('broken.geojson', 'cut JSON', JSON.stringify(mixed).slice(0, 300), {
      error: ['E_BAD_JSON'],
    }),
  ];
}

const UTM50N = '+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs';
const UTM50N_WKT =
  'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

function attributes(register: MeantFacility[], encode: (s: string) => Uint8Array): Uint8Array {
  const ascii = (s: string) => utf8(s);
  const fields = [
    { name: ascii('id'), type: 'C' as const, length: 10 },
    { name: ascii('name'), type: 'C' as const, length: 60 },
    { name: ascii('type'), type: 'C' as const, length: 30 },
    { name: ascii('area'), type: 'N' as const, length: 10 },
    { name: ascii('beds'), type: 'N' as const, length: 6 },
    { name: ascii('floor'), type: 'N' as const, length: 4 },
  ];
  const rows = register.map((m) => {
    const c = cellsOf(m);
    return [c[0], c[1], c[2], c[5], c[6], c[7]].map(encode);
  });
  return dbf(fields, rows);
}

/** A zip with one stored entry whose deflated data inflates to `size` zero bytes, header lying small. */
function bomb(size: number): Uint8Array {
  const data = deflateRawSync(Buffer.alloc(size), { level: 1 });
  const name = utf8('sites.shp');
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, 1000, true); // declared inflated size: a lie
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
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
  const out = new Uint8Array(local.length + data.length + central.length + end.length);
  out.set(local, 0);
  out.set(data, local.length);
  out.set(central, local.length + data.length);
  out.set(end, local.length + data.length + central.length);
  return out;
}

export function shapefileCases(random: () => number): CorpusFile[] {
  const s = baseRegister(random, 10, 'S');
  const lonLat = s.map((m): [number, number] => [m.lon, m.lat]);
  const projected = lonLat.map((p) => proj4(UTM50N, p) as [number, number]);
  const truth = s.map((m, i) => meant(i + 1, m));
  const shp = (
    name: string,
    note: string,
    files: Record<string, Uint8Array | string>,
    expect: CorpusFile['expect'],
  ): CorpusFile => ({
    name,
    family: 'shapefile',
    note,
    bytes: name.endsWith('bomb.zip') ? (files.bomb as Uint8Array) : zip(files),
    expect,
    options: { crs: 'wgs84' },
  });
  const full = pointShp(lonLat);
  return [
    shp(
      'utf8.zip',
      'points, UTF-8 .cpg',
      { 'sites.shp': full, 'sites.dbf': attributes(s, utf8), 'sites.cpg': 'UTF-8' },
      { rows: truth },
    ),
    shp(
      'gbk-no-cpg.zip',
      'GBK attributes, no .cpg',
      { 'sites.shp': full, 'sites.dbf': attributes(s, gbk) },
      { rows: truth },
    ),
    shp(
      'projected.zip',
      'UTM zone 50N .prj',
      {
        'sites.shp': pointShp(projected),
        'sites.dbf': attributes(s, utf8),
        'sites.cpg': 'UTF-8',
        'sites.prj': UTM50N_WKT,
      },
      { rows: truth },
    ),
    shp(
      'no-dbf.zip',
      'no attribute table',
      { 'sites.shp': full },
      { error: ['E_MISSING_COLUMN', 'E_NO_DBF'] },
    ),
    shp(
      'truncated-shp.zip',
      '.shp cut after 5 of 10 points',
      {
        'sites.shp': full.subarray(0, 100 + 5 * 28 + 10),
        'sites.dbf': attributes(s, utf8),
        'sites.cpg': 'UTF-8',
      },
      {
        rows: s.map((m, i) =>
          i < 5 ? meant(i + 1, m) : { row: i + 1, unknowable: 'point lost in the cut' },
        ),
      },
    ),
    // The cap is lowered for this file so that the corpus stays small; the mechanism is the same.
    {
      ...shp(
        'bomb.zip',
        'one entry inflating to 40 MB past a 16 MB cap, size field lying',
        { bomb: bomb(40 * 1024 * 1024) },
        { error: ['E_TOO_LARGE'] },
      ),
      options: { crs: 'wgs84', maxInflatedBytes: 16 * 1024 * 1024 },
    },
  ];
}
