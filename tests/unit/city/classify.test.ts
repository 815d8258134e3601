import { describe, expect, it } from 'vitest';
import { isResidential } from '../../../analysis/city/classify-buildings.ts';
import type { BuildingProperties } from '../../../analysis/city/types.ts';
import { fixtureCity, geojson } from './helpers.ts';

describe('isResidential', () => {
  it('takes residential kinds as homes and other explicit kinds as not', () => {
    expect(isResidential({ building: 'apartments' }, 500, 'non-residential')).toBe(true);
    expect(isResidential({ building: 'office' }, 500, 'residential')).toBe(false);
    expect(isResidential({ building: 'school' }, 500, null)).toBe(false);
  });
  it('decides building=yes by its tags and land use', () => {
    expect(isResidential({ building: 'yes' }, 500, null)).toBe(true);
    expect(isResidential({ building: 'yes' }, 500, 'residential')).toBe(true);
    expect(isResidential({ building: 'yes' }, 500, 'non-residential')).toBe(false);
    expect(isResidential({ building: 'yes', shop: 'mall' }, 500, 'residential')).toBe(false);
    expect(isResidential({ building: 'yes', amenity: 'bank' }, 500, null)).toBe(false);
  });
  it('never counts sheds under 30 m² as homes', () => {
    expect(isResidential({ building: 'residential' }, 20, 'residential')).toBe(false);
  });
});

describe('classification of the small-town fixture', () => {
  const byId = new Map(
    geojson<BuildingProperties>(fixtureCity('small-town.osm'), 'buildings.geojson').map((f) => [
      f.properties.id,
      f.properties.residential,
    ]),
  );
  it.each([
    [1, true, 'building=residential'],
    [2, true, 'building=yes inside landuse=residential'],
    [3, false, 'building=yes inside landuse=commercial'],
    [4, false, 'building=yes with shop=*'],
    [5, false, 'building=school'],
    [6, false, '16 m² shed'],
    [7, true, 'building=apartments'],
    [8, true, 'building=yes, no land use mapped'],
  ])('building %i → %s (%s)', (id, expected) => {
    expect(byId.get(id)).toBe(expected);
  });
});
