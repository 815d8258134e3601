import type { Feature, FeatureCollection, Point } from 'geojson';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { FacilityProperties } from '../../../analysis/city/types.ts';
import type { FacilityFeature as ImportedFeature } from '../../../analysis/io/import/validate-facilities.ts';
import type { PopulationImportRow } from '../../../analysis/io/import/validate-population.ts';
import { cityWarningKey } from '../../../web/src/import/city-warnings.ts';
import { rejectedFileName } from '../../../web/src/import/download.ts';
import { encodingKey, evidenceKey } from '../../../web/src/import/encoding-label.ts';
import { registerView } from '../../../web/src/import/facility-register.ts';
import { override } from '../../../web/src/import/mapping-override.ts';
import { populationCells } from '../../../web/src/import/population-cells.ts';

const baseProps = (id: string): FacilityProperties => ({
  id,
  name: `site ${id}`,
  type: 'care_post',
  floorAreaM2: 60,
  beds: 0,
  floorLevel: 1,
  illustrative: true,
});

const baseline: FeatureCollection<Point, FacilityProperties> = {
  type: 'FeatureCollection',
  features: ['F1', 'F2'].map(
    (id, i): Feature<Point, FacilityProperties> => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [118.77 + i / 100, 32.04] },
      properties: baseProps(id),
    }),
  ),
};

const imported = (id: string, row: number): ImportedFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [118.78, 32.05] },
  properties: {
    ...baseProps(id),
    illustrative: false,
    typeName: '养老驿站',
    source_row: row,
    source_lon: 118.7852,
    source_lat: 32.048,
    crs: 'gcj02',
    extra: {},
  },
});

describe('registerView', () => {
  const snapshot = JSON.stringify(baseline);

  it('shows the baseline when nothing is imported', () => {
    expect(registerView(baseline, null)).toEqual({ collection: baseline, clashingIds: [] });
  });

  it('replaces or extends without touching the baseline', () => {
    const features = [imported('N1', 2), imported('F2', 3)];
    const replaced = registerView(baseline, {
      fileName: 'a.csv',
      mode: 'replace',
      crs: 'gcj02',
      features,
      rejected: 0,
      outsideStudyArea: 0,
    });
    expect(replaced.collection.features.map((f) => f.properties.id)).toEqual(['N1', 'F2']);
    expect(replaced.clashingIds).toEqual([]);
    const extended = registerView(baseline, {
      fileName: 'a.csv',
      mode: 'extend',
      crs: 'gcj02',
      features,
      rejected: 0,
      outsideStudyArea: 0,
    });
    expect(extended.collection.features.map((f) => f.properties.id)).toEqual([
      'F1',
      'F2',
      'N1',
      'F2',
    ]);
    // A clash is reported, never resolved by renaming (nothing accepted is altered).
    expect(extended.clashingIds).toEqual(['F2']);
    expect(JSON.stringify(baseline)).toBe(snapshot);
    expect(extended.collection.features[3]).toBe(features[1]);
  });
});

describe('populationCells', () => {
  const res = 10;
  const point = (row: number, lon: number, lat: number, counts: Partial<PopulationImportRow>) =>
    ({ source_row: row, lon, lat, extra: {}, ...counts }) as PopulationImportRow;

  it('sums points falling into the same cell and reports absent count columns', () => {
    const rows = [
      point(2, 118.7801, 32.0441, { residents: 100, elders60: 20 }),
      point(3, 118.78011, 32.04411, { residents: 50, elders60: 5 }),
      point(4, 118.79, 32.05, { residents: 10, elders60: 1 }),
    ];
    const out = populationCells(rows, res);
    const cellA = latLngToCell(32.0441, 118.7801, res);
    expect(latLngToCell(32.04411, 118.78011, res)).toBe(cellA);
    expect(out.cells).toHaveLength(2);
    const a = out.cells.find((c) => c.h3 === cellA);
    expect(a?.residents).toBe(150);
    expect(a?.elders60).toBe(25);
    expect(out.totals.residents).toBe(160);
    expect(out.totals.elders60).toBe(26);
    expect(out.absentCounts).toEqual(['elders65', 'elders80', 'households']);
    expect(out.coarserRows).toEqual([]);
  });

  it('takes the parent of finer cells and refuses coarser ones', () => {
    const fine = latLngToCell(32.04, 118.78, 11);
    const coarse = latLngToCell(32.04, 118.78, 8);
    const rows: PopulationImportRow[] = [
      { source_row: 2, h3: fine, residents: 7, extra: {} },
      { source_row: 3, h3: coarse, residents: 900, extra: {} },
    ];
    const out = populationCells(rows, res);
    expect(out.cells.map((c) => c.h3)).toEqual([cellToParent(fine, res)]);
    expect(getResolution(out.cells[0].h3)).toBe(res);
    expect(out.totals.residents).toBe(7);
    expect(out.coarserRows).toEqual([3]);
  });
});

describe('labels', () => {
  it('names the encodings and the evidence the readers report', () => {
    expect(encodingKey('gb18030')).toBe('import.encoding.gbk');
    expect(encodingKey('UTF-8')).toBe('import.encoding.utf8');
    expect(encodingKey('shift_jis')).toBeUndefined();
    expect(evidenceKey('not valid UTF-8; valid GBK/GB18030')).toBe('import.evidence.gbk');
    expect(evidenceKey('UTF-8 BOM')).toBe('import.evidence.bom');
    expect(evidenceKey('something new')).toBeUndefined();
  });

  it('translates the city builder warnings it knows', () => {
    expect(
      cityWarningKey(
        'the extract has no buildings: population must be supplied (--population FILE) before coverage can be computed',
      ),
    ).toBe('osmCity.warn.noBuildings');
    expect(cityWarningKey('no drive network in the extract')).toBe('osmCity.warn.noDrive');
    expect(
      cityWarningKey('12 residents live in cells outside every supplied unit'),
    ).toBeUndefined();
  });

  it('names the rejected-rows file after the source', () => {
    expect(rejectedFileName('C:\\data\\机构名录.xlsx')).toBe('机构名录-rejected.csv');
    expect(rejectedFileName('register.csv')).toBe('register-rejected.csv');
    expect(rejectedFileName('.csv')).toBe('import-rejected.csv');
  });
});

describe('override', () => {
  it('moves a column to the chosen field and releases it elsewhere', () => {
    const mapping = { id: 'H3编号', residents: '常住人口' };
    expect(override(mapping, {}, 'h3', 'H3编号')).toEqual({ h3: 'H3编号', id: null });
    expect(override(mapping, { lon: 'x' }, 'residents', null)).toEqual({
      lon: 'x',
      residents: null,
    });
    expect(override(mapping, {}, 'residents', '常住人口')).toEqual({ residents: '常住人口' });
  });
});
