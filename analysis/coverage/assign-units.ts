import { booleanPointInPolygon } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { unitTier } from '../vocabulary.ts';
import { cityCells } from './city-cells.ts';
import type { CityInput } from './types.ts';

export interface UnitAssignment {
  unitId: string;
  streetId: string;
}

/**
 * The community and street a facility lies in. Cells are assigned to units by their centre, so a
 * facility takes its cell's units first (facility and the elders next to it always agree); when
 * its cell has no population row it falls back to point-in-polygon against the unit boundaries.
 * Empty strings when it lies in no unit (it still counts citywide). One entry per facility, by
 * position in the register.
 */
export function assignFacilityUnits(input: CityInput): UnitAssignment[] {
  const cells = cityCells(input.cells);
  const streets = input.units.filter(
    (u) => unitTier(u.level) === 'street' && u.geometry !== undefined,
  );
  const communities = input.units.filter(
    (u) => unitTier(u.level) === 'community' && u.geometry !== undefined,
  );
  return input.facilities.map((facility) => {
    const at = cells.indexOf(latLngToCell(facility.lat, facility.lon, input.h3Resolution));
    if (at !== undefined) {
      const cell = input.cells[at];
      return { unitId: cell.unit_id, streetId: cell.street_id };
    }
    const point: [number, number] = [facility.lon, facility.lat];
    const inside = (unit: (typeof streets)[number]) =>
      unit.geometry !== undefined &&
      booleanPointInPolygon(point, { type: 'Feature', properties: {}, geometry: unit.geometry });
    const community = communities.find(inside);
    const street =
      streets.find((s) => s.id === community?.parentId) ?? streets.find(inside) ?? undefined;
    return { unitId: community?.id ?? '', streetId: street?.id ?? '' };
  });
}
