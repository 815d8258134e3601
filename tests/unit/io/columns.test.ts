import { describe, expect, it } from 'vitest';
import { facilityTypeOf } from '../../../analysis/io/import/facility-type-names.ts';
import { guessColumns, withOverrides } from '../../../analysis/io/import/guess-columns.ts';
import { parseCoordinatePair, parseNumber } from '../../../analysis/io/import/parse-values.ts';
import { readCsv } from '../../../analysis/io/table/read-csv.ts';
import { utf8 } from './helpers.ts';

const table = (csv: string) => readCsv(utf8(csv));

describe('guessColumns', () => {
  it('maps the usual Chinese headers with full confidence', () => {
    const guess = guessColumns(
      table(
        '序号,机构名称,机构类型,经度,纬度,建筑面积（㎡）,床位数,所在楼层,有无电梯,年度\n1,站,养老服务站,118.1,32.1,300,0,1,有,2024\n',
      ),
      'facilities',
    );
    expect(guess.mapping).toEqual({
      id: '序号',
      name: '机构名称',
      type: '机构类型',
      lon: '经度',
      lat: '纬度',
      floorArea: '建筑面积（㎡）',
      beds: '床位数',
      floorLevel: '所在楼层',
      lift: '有无电梯',
    });
    expect(guess.fields.lon.confidence).toBe(1);
    expect(guess.fields.id.confidence).toBeLessThan(1);
    expect(guess.unmapped).toEqual(['年度']);
  });

  it('maps English and x/y headers, with lower confidence for x/y', () => {
    const guess = guessColumns(
      table('ID,Name,Type,X,Y,floor_area\nA,n,day_care,118.1,32.1,100\n'),
      'facilities',
    );
    expect(guess.mapping).toMatchObject({
      id: 'ID',
      name: 'Name',
      type: 'Type',
      lon: 'X',
      lat: 'Y',
      floorArea: 'floor_area',
    });
    expect(guess.fields.lon.confidence).toBeLessThan(0.7);
  });

  it('prefers 建筑面积 over 使用面积 and keeps the other as extra', () => {
    const guess = guessColumns(
      table('名称,使用面积,建筑面积,lng,lat\na,80,100,118,32\n'),
      'facilities',
    );
    expect(guess.mapping.floorArea).toBe('建筑面积');
    expect(guess.unmapped).toEqual(['使用面积']);
  });

  it('uses one combined 坐标 column when there are no separate ones', () => {
    const guess = guessColumns(table('名称,类型,坐标\na,驿站,"118.1,32.1"\n'), 'facilities');
    expect(guess.mapping.lonlat).toBe('坐标');
    expect(guess.mapping.lon).toBeUndefined();
  });

  it('recognises CRS-tagged coordinate headers (bd_lng, 经度(高德))', () => {
    const guess = guessColumns(table('name,bd_lng,bd_lat\na,118,32\n'), 'facilities');
    expect(guess.mapping).toMatchObject({ lon: 'bd_lng', lat: 'bd_lat' });
    const amap = guessColumns(table('名称,经度(高德),纬度(高德)\na,118,32\n'), 'facilities');
    expect(amap.mapping).toMatchObject({ lon: '经度(高德)', lat: '纬度(高德)' });
  });

  it('distrusts a coordinate header whose values are text', () => {
    const guess = guessColumns(table('名称,x,y\na,东边,北边\n'), 'facilities');
    expect(guess.fields.lon.confidence).toBeLessThan(0.3);
  });

  it('maps population headers', () => {
    const guess = guessColumns(
      table('社区,常住人口,60岁以上,65岁及以上,80岁以上人口,户数,h3\n'),
      'population',
    );
    expect(guess.mapping).toMatchObject({
      residents: '常住人口',
      elders60: '60岁以上',
      elders65: '65岁及以上',
      elders80: '80岁以上人口',
      households: '户数',
      h3: 'h3',
    });
  });

  it('finds the header below a title row', () => {
    const t = table('玄武区养老服务设施名录,,,\n名称,类型,经度,纬度\n站,驿站,118.1,32.1\n');
    expect(t.headerRow).toBe(2);
    expect(t.rows[0].row).toBe(3);
    expect(guessColumns(t, 'facilities').mapping.name).toBe('名称');
  });

  it('lets the user override and unmap', () => {
    const guess = guessColumns(table('名称,备注,经度,纬度\n'), 'facilities');
    expect(withOverrides(guess.mapping, { name: '备注', lat: null })).toEqual({
      name: '备注',
      lon: '经度',
    });
  });

  it('renames duplicate and blank headers', () => {
    const t = table('名称,名称,,经度\n');
    expect(t.columns).toEqual(['名称', '名称_2', 'column_3', '经度']);
    expect(t.originalColumns).toEqual(['名称', '名称', '', '经度']);
  });
});

describe('facilityTypeOf', () => {
  it.each([
    ['街道综合养老服务中心', 'street_center'],
    ['社区养老服务站', 'community_station'],
    ['养老服务站', 'community_station'],
    ['日间照料中心', 'day_care'],
    ['老年人日间照料中心', 'day_care'],
    ['嵌入式养老机构', 'embedded_institution'],
    ['睦邻点', 'neighbourhood_point'],
    ['养老睦邻点', 'neighbourhood_point'],
    ['驿站', 'care_post'],
    ['丰富路养老驿站', 'care_post'],
    ['day_care', 'day_care'],
    [' 社区养老服务站 ', 'community_station'],
  ])('%s → %s', (name, type) => {
    expect(facilityTypeOf(name)).toBe(type);
  });

  it('rejects facilities outside the typology', () => {
    expect(facilityTypeOf('敬老院')).toBeUndefined();
    expect(facilityTypeOf('')).toBeUndefined();
  });
});

describe('value parsers', () => {
  it('parses numbers strictly', () => {
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber(' 350 ')).toBe(350);
    expect(parseNumber('350㎡', 'area')).toBe(350);
    expect(parseNumber('２０', 'beds')).toBe(20);
    expect(parseNumber('3层', 'floor')).toBe(3);
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('12,5')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('1e999')).toBeUndefined();
  });

  it('splits coordinate pairs', () => {
    expect(parseCoordinatePair('118.1,32.2')).toEqual([118.1, 32.2]);
    expect(parseCoordinatePair('118.1，32.2')).toEqual([118.1, 32.2]);
    expect(parseCoordinatePair('118.1 32.2')).toEqual([118.1, 32.2]);
    expect(parseCoordinatePair('118.1')).toBeUndefined();
  });
});
