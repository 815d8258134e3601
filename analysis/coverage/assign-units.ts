import { booleanPointInPolygon } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import type { CityInput } from './types.ts';

export interface UnitAssignment {
  unitId: string;
  streetId: string;
}

/**
 * The community and street a facility lies in. Cells are assigned to units by their centre, so a
 * facility takes its cell's units first (facility and the elders next to it always agree); when
 * its cell has no population row it falls back to point-in-polygon against the unit boundaries.
 * Empty strings when it lies in no unit (it still counts citywide).
 */
export function assignFacilityUnits(input: CityInput): Map<string, UnitAssignment> {
  const byCell = new Map(input.cells.map((c) => [c.h3, c]));
  const streets = input.units.filter((u) => u.level === 'street' && u.geometry !== undefined);
  const communities = input.units.filter(
    (u) => u.level === 'community' && u.geometry !== undefined,
  );
  const out = new Map<string, UnitAssignment>();
  for (const facility of input.facilities) {
    const cell = byCell.get(latLngToCell(facility.lat, facility.lon, input.h3Resolution));
    if (cell !== undefined) {
      out.set(facility.id, { unitId: cell.unit_id, streetId: cell.street_id });
      continue;
    }
    const point: [number, number] = [facility.lon, facility.lat];
    const inside = (unit: (typeof streets)[number]) =>
      unit.geometry !== undefined &&
      booleanPointInPolygon(point, { type: 'Feature', properties: {}, geometry: unit.geometry });
    const community = communities.find(inside);
    const street =
      streets.find((s) => s.id === community?.parentId) ?? streets.find(inside) ?? undefined;
    out.set(facility.id, { unitId: community?.id ?? '', streetId: street?.id ?? '' });
  }
  return out;
}
