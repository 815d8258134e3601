import { cellToLatLng } from 'h3-js';

/** Centres of a list of H3 cells, by position in the list (WGS-84 degrees). */
export interface CellCentres {
  lat: Float64Array;
  lon: Float64Array;
}

const memo = new WeakMap<readonly string[], CellCentres>();

/**
 * Cell centres, computed once per cell list. cellToLatLng costs about a microsecond, so on a
 * metro of a million cells the routing links, the straight-line radius pairs and the cluster
 * centres share one pass instead of each paying it. The list must not change afterwards
 * (memoised by identity).
 */
export function cellCentres(cells: readonly string[]): CellCentres {
  const known = memo.get(cells);
  if (known !== undefined) return known;
  const count = cells.length;
  const lat = new Float64Array(count);
  const lon = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const [cellLat, cellLon] = cellToLatLng(cells[c]);
    lat[c] = cellLat;
    lon[c] = cellLon;
  }
  const centres = { lat, lon };
  memo.set(cells, centres);
  return centres;
}
