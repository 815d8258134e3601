import { describe, expect, it } from 'vitest';
import { importFacilities } from '../../../analysis/io/import/import-facilities.ts';
import { inStudyArea, studyAreaOf } from '../../../analysis/io/import/study-area.ts';
import { utf8 } from './helpers.ts';

// A 0.01° × 0.01° city at the equator: 1,000 m of margin is 1000 / 111,320 ≈ 0.008983°.
const equator = studyAreaOf([10, 0, 10.01, 0.01], 1000);

describe('study area', () => {
  it('grows the road network extent by the margin, in metres', () => {
    expect(inStudyArea(equator, 10.005, 0.005)).toBe(true);
    expect(inStudyArea(equator, 10.01 + 0.0089, 0.005)).toBe(true);
    expect(inStudyArea(equator, 10.01 + 0.0091, 0.005)).toBe(false);
    expect(inStudyArea(equator, 10.005, -0.0091)).toBe(false);
    // At 60° N a degree of longitude is half as long: the margin is ≈ 0.01797° of longitude.
    const north = studyAreaOf([10, 60, 10.01, 60.0001], 1000);
    expect(inStudyArea(north, 10.01 + 0.0178, 60)).toBe(true);
    expect(inStudyArea(north, 10.01 + 0.0182, 60)).toBe(false);
  });

  const register = `${[
    'id,name,type,lon,lat',
    'A1,甲,community_station,10.005,0.005',
    'A2,乙,community_station,10.012,0.002',
    'B1,远方,community_station,12.5,0.005',
    'B2,更远,community_station,10.005,2.3',
  ].join('\n')}\n`;

  it('rejects the rows of another city with E_OUTSIDE_STUDY_AREA, listing each', async () => {
    const report = await importFacilities(utf8(register), {
      crs: 'wgs84',
      allowOutsideChina: true,
      studyArea: equator,
    });
    expect(report.collection.features.map((f) => f.properties.id)).toEqual(['A1', 'A2']);
    expect(report.counts).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });
    expect(report.studyArea).toMatchObject({ marginM: 1000, outside: 2, kept: false });
    expect(report.studyArea?.outsidePoints).toEqual([
      [12.5, 0.005],
      [10.005, 2.3],
    ]);
    expect(report.rejections.map((r) => [r.row, r.reason.code, r.value])).toEqual([
      [4, 'E_OUTSIDE_STUDY_AREA', '12.5, 0.005'],
      [5, 'E_OUTSIDE_STUDY_AREA', '10.005, 2.3'],
    ]);
  });

  it('keeps them only when asked, each with a warning', async () => {
    const report = await importFacilities(utf8(register), {
      crs: 'wgs84',
      allowOutsideChina: true,
      studyArea: equator,
      keepOutsideStudyArea: true,
    });
    expect(report.counts).toMatchObject({ accepted: 4, rejected: 0 });
    expect(report.studyArea).toMatchObject({ marginM: 1000, outside: 2, kept: true });
    expect(report.warnings.map((w) => [w.row, w.reason.code])).toEqual([
      [4, 'W_OUTSIDE_STUDY_AREA_KEPT'],
      [5, 'W_OUTSIDE_STUDY_AREA_KEPT'],
    ]);
  });

  it('checks nothing when no study area is given (a register without a city)', async () => {
    const report = await importFacilities(utf8(register), {
      crs: 'wgs84',
      allowOutsideChina: true,
    });
    expect(report.counts.accepted).toBe(4);
    expect(report.studyArea).toBeUndefined();
  });
});
