import { cellToLatLng } from 'h3-js';
import type { OsrmClient } from './osrm.ts';
import type { ReachRow } from './reach.ts';
import type { Origin } from './surface.ts';

/**
 * Per-facility reach from a user's OSRM server instead of the local graph (e.g. driving circles
 * over a whole county): one table request per block of facilities × cell centres. OSRM snaps
 * points itself (its own radius rules); cells it cannot route to are simply absent.
 */
export async function osrmFacilityReach(
  client: OsrmClient,
  facilities: readonly Origin[],
  cells: readonly string[],
  options: { maxMinutes: number },
): Promise<ReachRow[]> {
  const destinations = cells.map((cell): [number, number] => {
    const [lat, lon] = cellToLatLng(cell);
    return [lon, lat];
  });
  const table = await client.table(
    facilities.map((f): [number, number] => [f.lon, f.lat]),
    destinations,
  );
  const rows: ReachRow[] = [];
  facilities.forEach((facility, i) => {
    table.durationsS[i].forEach((seconds, j) => {
      if (seconds !== null && seconds / 60 <= options.maxMinutes) {
        rows.push({ facilityId: facility.id, h3: cells[j], minutes: seconds / 60 });
      }
    });
  });
  return rows;
}
