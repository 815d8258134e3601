import { haversineM, METRES_PER_DEGREE } from '../geo.ts';
import type { CellCentres } from '../routing/cell-centres.ts';

/** Straight-line pairs by position: facility `facility[k]` is `distanceM[k]` from cell `cell[k]`. */
export interface RadiusPairs {
  facility: Int32Array;
  cell: Int32Array;
  distanceM: Float64Array;
}

export interface RadiusOrigin {
  lon: number;
  lat: number;
}

/** Slack on the bucket search window (the distance test itself is exact). */
const WINDOW_SLACK = 1.02;

/**
 * Every population cell whose centre lies within `radiusM` of a facility, as the crow flies
 * (haversine). Only population cells matter to the metrics (every query joins them), so the
 * candidates come from a uniform lat/lon bucket grid over their centres instead of an H3 disk
 * per facility: typed arrays only, no string per candidate.
 */
export function cellsWithinRadius(
  origins: readonly RadiusOrigin[],
  centres: CellCentres,
  radiusM: number,
): RadiusPairs {
  const { lat, lon } = centres;
  const count = lat.length;
  const facility: number[] = [];
  const cell: number[] = [];
  const distance: number[] = [];
  if (count > 0 && radiusM >= 0) {
    const grid = bucketGrid(centres, radiusM);
    const dLat = (radiusM / METRES_PER_DEGREE) * WINDOW_SLACK;
    origins.forEach((origin, f) => {
      if (!Number.isFinite(origin.lon) || !Number.isFinite(origin.lat)) return;
      const farLat = Math.min(89.9, Math.abs(origin.lat) + dLat);
      const dLon = dLat / Math.cos((farLat * Math.PI) / 180);
      const r0 = Math.max(0, Math.floor((origin.lat - dLat - grid.minLat) / grid.height));
      const r1 = Math.min(
        grid.rows - 1,
        Math.floor((origin.lat + dLat - grid.minLat) / grid.height),
      );
      const c0 = Math.max(0, Math.floor((origin.lon - dLon - grid.minLon) / grid.width));
      const c1 = Math.min(
        grid.cols - 1,
        Math.floor((origin.lon + dLon - grid.minLon) / grid.width),
      );
      for (let r = r0; r <= r1; r++) {
        for (let b = r * grid.cols + c0, end = r * grid.cols + c1; b <= end; b++) {
          for (let k = grid.offsets[b]; k < grid.offsets[b + 1]; k++) {
            const c = grid.cells[k];
            const d = haversineM(origin.lon, origin.lat, lon[c], lat[c]);
            if (d <= radiusM) {
              facility.push(f);
              cell.push(c);
              distance.push(d);
            }
          }
        }
      }
    });
  }
  return {
    facility: Int32Array.from(facility),
    cell: Int32Array.from(cell),
    distanceM: Float64Array.from(distance),
  };
}

interface BucketGrid {
  minLat: number;
  minLon: number;
  height: number;
  width: number;
  rows: number;
  cols: number;
  offsets: Uint32Array;
  cells: Uint32Array;
}

/** Cell centres bucketed (CSR) into lat/lon rectangles about radiusM on a side. */
function bucketGrid(centres: CellCentres, radiusM: number): BucketGrid {
  const { lat, lon } = centres;
  const count = lat.length;
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (let c = 0; c < count; c++) {
    minLat = Math.min(minLat, lat[c]);
    maxLat = Math.max(maxLat, lat[c]);
    minLon = Math.min(minLon, lon[c]);
    maxLon = Math.max(maxLon, lon[c]);
  }
  const cosLat = Math.cos(
    (Math.min(89.9, Math.max(Math.abs(minLat), Math.abs(maxLat))) * Math.PI) / 180,
  );
  let height = Math.max(radiusM, 1) / METRES_PER_DEGREE;
  let width = height / cosLat;
  // Keep the grid at most a few buckets per cell (a small radius over a wide area).
  while (((maxLat - minLat) / height + 1) * ((maxLon - minLon) / width + 1) > 4 * count + 16) {
    height *= 2;
    width *= 2;
  }
  const rows = Math.floor((maxLat - minLat) / height) + 1;
  const cols = Math.floor((maxLon - minLon) / width) + 1;
  const bucketOf = new Uint32Array(count);
  const offsets = new Uint32Array(rows * cols + 1);
  for (let c = 0; c < count; c++) {
    const b = Math.floor((lat[c] - minLat) / height) * cols + Math.floor((lon[c] - minLon) / width);
    bucketOf[c] = b;
    offsets[b + 1]++;
  }
  for (let b = 0; b < rows * cols; b++) offsets[b + 1] += offsets[b];
  const fill = offsets.slice(0, rows * cols);
  const cells = new Uint32Array(count);
  for (let c = 0; c < count; c++) cells[fill[bucketOf[c]]++] = c;
  return { minLat, minLon, height, width, rows, cols, offsets, cells };
}
