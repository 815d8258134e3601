import ExcelJS from 'exceljs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { readTable, sniffFormat } from '../../../analysis/io/table/read-table.ts';
import { utf8 } from './helpers.ts';
import { dbf, GBK, pointShp, zip } from './shapefile-builder.ts';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSX', () => {
  it('reads the first sheet with exact numbers, dates, formulas and rich text', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('设施');
      ws.addRow(['名称', '经度', '纬度', '建筑面积', '建成日期', '合计']);
      ws.addRow([
        '新街口站',
        118.7791234567,
        32.0425,
        320.5,
        new Date(Date.UTC(2024, 5, 1)),
        { formula: 'D2*2', result: 641 },
      ]);
      ws.addRow([
        { richText: [{ text: '汉中' }, { text: '路站' }] },
        118.77,
        32.04,
        null,
        null,
        null,
      ]);
      ws.getCell('B2').numFmt = '0.0';
      wb.addWorksheet('其他').addRow(['x']);
    });
    const table = await readTable(bytes, { fileName: 'list.xlsx' });
    expect(table.format).toBe('xlsx');
    expect(table.sheetNames).toEqual(['设施', '其他']);
    expect(table.columns).toEqual(['名称', '经度', '纬度', '建筑面积', '建成日期', '合计']);
    expect(table.rows[0].cells).toEqual([
      '新街口站',
      '118.7791234567',
      '32.0425',
      '320.5',
      '2024-06-01',
      '641',
    ]);
    expect(table.rows[1].cells[0]).toBe('汉中路站');
    expect(table.rows[1].row).toBe(3);
  });

  it('reads a named sheet and refuses an unknown one', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('封面').addRow(['说明']);
      const ws = wb.addWorksheet('名录');
      ws.addRow(['名称', '经度']);
      ws.addRow(['站', 118.1]);
    });
    const table = await readTable(bytes, { sheet: '名录' });
    expect(table.rows[0].cells).toEqual(['站', '118.1']);
    await expect(readTable(bytes, { sheet: '没有' })).rejects.toThrow(InputError);
  });

  it('is recognised by its bytes even when named .csv', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('a').addRow(['名称']));
    expect(sniffFormat(bytes, 'wrong.csv')).toBe('xlsx');
  });
});

describe('GeoJSON', () => {
  it('reads points and takes polygon centroids, keeping all properties', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [118.78, 32.04] },
          properties: { 名称: 'A', 床位: 10, 备注: { a: 1 } },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [118, 32],
                [118.002, 32],
                [118.002, 32.002],
                [118, 32.002],
                [118, 32],
              ],
            ],
          },
          properties: { 名称: 'B', 类型: '驿站' },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [118, 32],
              [118.1, 32],
            ],
          },
          properties: { 名称: 'C' },
        },
        { type: 'Feature', geometry: null, properties: {} },
      ],
    };
    const table = await readTable(utf8(JSON.stringify(geojson)), { fileName: 'a.geojson' });
    expect(table.format).toBe('geojson');
    expect(table.columns).toEqual(['名称', '床位', '备注', '类型', 'geometry_lon', 'geometry_lat']);
    expect(table.rows[0].cells).toEqual(['A', '10', '{"a":1}', '', '118.78', '32.04']);
    expect(Number(table.rows[1].cells[4])).toBeCloseTo(118.001, 9);
    expect(Number(table.rows[1].cells[5])).toBeCloseTo(32.001, 9);
    expect(table.rows[2].problems?.[0]).toMatchObject({
      row: 3,
      column: 'geometry',
      reason: { code: 'E_GEOMETRY_TYPE' },
    });
    expect(table.emptyRows).toEqual([4]);
  });

  it('refuses projected GeoJSON and non-feature JSON', async () => {
    const projected = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:3857' } },
      features: [],
    };
    await expect(
      readTable(utf8(JSON.stringify(projected)), { fileName: 'p.geojson' }),
    ).rejects.toMatchObject({ code: 'E_PROJECTED_CRS' });
    await expect(
      readTable(utf8('{"type":"Point","coordinates":[1,2]}'), { fileName: 'p.json' }),
    ).rejects.toMatchObject({
      code: 'E_NOT_FEATURES',
    });
    await expect(
      readTable(utf8('{"type": broken'), { fileName: 'p.geojson' }),
    ).rejects.toMatchObject({ code: 'E_BAD_JSON' });
  });
});

describe('zipped Shapefile', () => {
  const points: [number, number][] = [
    [118.78, 32.04],
    [118.77, 32.05],
  ];
  const gbkTable = (languageDriver = 0) =>
    dbf(
      [
        { name: GBK.名称, type: 'C', length: 20 },
        { name: GBK.类型, type: 'C', length: 10 },
        { name: utf8('BEDS'), type: 'N', length: 5 },
      ],
      [
        [GBK.睦邻点, GBK.驿站, utf8('3')],
        [GBK.驿站, GBK.睦邻点, utf8('')],
      ],
      languageDriver,
    );

  it('detects GBK attributes without a .cpg', async () => {
    const table = await readTable(zip({ 'sites.shp': pointShp(points), 'sites.dbf': gbkTable() }), {
      fileName: 'sites.zip',
    });
    expect(table.format).toBe('shapefile');
    expect(table.encoding).toBe('gbk');
    expect(table.columns).toEqual(['名称', '类型', 'BEDS', 'geometry_lon', 'geometry_lat']);
    expect(table.rows[0].cells).toEqual(['睦邻点', '驿站', '3', '118.78', '32.04']);
    expect(table.rows[1].cells).toEqual(['驿站', '睦邻点', '', '118.77', '32.05']);
    expect(table.warnings.some((w) => w.includes('.prj'))).toBe(true);
  });

  it('uses the .dbf language driver byte (0x4D = code page 936)', async () => {
    const table = await readTable(
      zip({ 'a/sites.shp': pointShp(points), 'a/sites.dbf': gbkTable(0x4d) }),
    );
    expect(table.encodingEvidence).toContain('936');
    expect(table.rows[0].cells[0]).toBe('睦邻点');
  });

  it('honours a .cpg and a .prj (UTM 50N metres → longitude/latitude)', async () => {
    const utm50 =
      'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    // proj4 (shpjs's own dependency) makes the metres; the importer must undo it from the .prj alone.
    const metres = points.map(
      (p) => proj4('EPSG:4326', '+proj=utm +zone=50 +datum=WGS84 +units=m', p) as [number, number],
    );
    expect(metres[0][0]).toBeGreaterThan(600_000);
    const names = dbf(
      [{ name: utf8('NAME'), type: 'C', length: 20 }],
      [[utf8('睦邻点')], [utf8('驿站')]],
    );
    const bytes = zip({
      's.shp': pointShp(metres),
      's.dbf': names,
      's.cpg': 'UTF-8',
      's.prj': utm50,
    });
    const table = await readTable(bytes);
    expect(table.encoding).toBe('UTF-8');
    expect(table.rows[0].cells[0]).toBe('睦邻点');
    expect(Number(table.rows[0].cells[1])).toBeCloseTo(118.78, 6);
    expect(Number(table.rows[0].cells[2])).toBeCloseTo(32.04, 6);
  });

  it('picks a layer by name and refuses zips without .shp', async () => {
    const bytes = zip({
      'a.shp': pointShp(points),
      'a.dbf': gbkTable(),
      'b.shp': pointShp([[1, 2]]),
    });
    expect((await readTable(bytes, { sheet: 'b' })).rows).toHaveLength(1);
    expect((await readTable(bytes)).sheetNames).toEqual(['a', 'b']);
    await expect(readTable(zip({ 'readme.txt': 'x' }))).rejects.toMatchObject({
      code: 'E_UNKNOWN_ZIP',
    });
  });
});
