import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../analysis/errors.ts';
import { guessColumns } from '../../../analysis/io/import/guess-columns.ts';
import { validatePopulation } from '../../../analysis/io/import/validate-population.ts';
import { readCsv } from '../../../analysis/io/table/read-csv.ts';
import { utf8 } from './helpers.ts';

const cell = latLngToCell(32.04, 118.78, 10);

describe('validatePopulation', () => {
  it('accepts H3 rows, rejects bad cells, negative and inconsistent counts', () => {
    const table = readCsv(
      utf8(
        [
          'h3,常住人口,60岁以上,65岁以上,80岁以上,户数,社区',
          `${cell},1000,250,180,40,380,丰富路`,
          'zzz,10,1,1,0,4,x',
          `${cell},-3,1,1,0,1,y`,
          `${cell},100,120,10,1,40,z`,
          `${cell},,,,,,w`,
        ].join('\n'),
      ),
    );
    const guess = guessColumns(table, 'population');
    const result = validatePopulation(table, guess.mapping, { crs: 'wgs84' });
    expect(result.rows).toEqual([
      {
        source_row: 2,
        h3: cell,
        residents: 1000,
        elders60: 250,
        elders65: 180,
        elders80: 40,
        households: 380,
        extra: { 社区: '丰富路' },
      },
    ]);
    expect(result.rejections.map((r) => [r.row, r.column, r.reason.code])).toEqual([
      [3, 'h3', 'E_BAD_H3'],
      [4, '常住人口', 'E_NEGATIVE'],
      [5, '60岁以上', 'E_INCONSISTENT'],
      [6, '常住人口', 'E_MISSING_VALUE'],
    ]);
  });

  it('converts point rows to WGS-84 and keeps the source coordinates', () => {
    const table = readCsv(utf8('经度,纬度,常住人口\n118.784308,32.040451,500\n'));
    const result = validatePopulation(table, guessColumns(table, 'population').mapping, {
      crs: 'gcj02',
    });
    expect(result.rows[0]).toMatchObject({
      source_lon: 118.784308,
      source_lat: 32.040451,
      crs: 'gcj02',
      residents: 500,
    });
    expect(result.rows[0].lon).toBeCloseTo(118.7791, 4);
  });

  it('needs a location and at least one count column', () => {
    const noCounts = readCsv(utf8('h3,名称\nx,y\n'));
    expect(() =>
      validatePopulation(noCounts, guessColumns(noCounts, 'population').mapping, { crs: 'wgs84' }),
    ).toThrow(InputError);
    const noPlace = readCsv(utf8('常住人口\n5\n'));
    expect(() =>
      validatePopulation(noPlace, guessColumns(noPlace, 'population').mapping, { crs: 'wgs84' }),
    ).toThrow(/H3/);
  });
});
