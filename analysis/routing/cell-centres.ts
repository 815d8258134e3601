import { cellToLatLng } from 'h3-js';

/** Centres of a list of H3 cells, by position in the list (WGS-84 degrees). */
export interface CellCentres {
  lat: Float64Array;
  lon: Float64Array;
}

/** H3 indexes as h3-js's split-long halves: `lo` holds the lower 32 bits (as int32). */
export interface H3Halves {
  hi: Int32Array;
  lo: Int32Array;
}

const centresMemo = new WeakMap<readonly string[], CellCentres>();
const halvesMemo = new WeakMap<readonly string[], H3Halves | null>();

/**
 * Cell centres, computed once per cell list. On a metro of a million cells the routing links,
 * the straight-line radius pairs and the cluster centres share one pass; h3-js is handed the
 * pre-parsed halves so that it does not re-parse each hex string. The list must not change
 * afterwards (memoised by identity).
 */
export function cellCentres(cells: readonly string[]): CellCentres {
  const known = centresMemo.get(cells);
  if (known !== undefined) return known;
  const centres = emptyCentres(cells.length);
  fillCentres(cells, centres, 0, cells.length);
  centresMemo.set(cells, centres);
  return centres;
}

/**
 * Same as cellCentres, computed in slices with a macrotask yield between them, so that a host
 * can overlap this CPU work with I/O already in flight (the analysis computes the centres of a
 * million-cell metro while DuckDB loads the population on its own threads).
 */
export async function cellCentresInSlices(
  cells: readonly string[],
  sliceSize = 65_536,
): Promise<CellCentres> {
  const known = centresMemo.get(cells);
  if (known !== undefined) return known;
  const centres = emptyCentres(cells.length);
  for (let start = 0; start < cells.length; start += sliceSize) {
    fillCentres(cells, centres, start, Math.min(cells.length, start + sliceSize));
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  // A synchronous call may have finished first: keep one object so callers share it.
  const first = centresMemo.get(cells);
  if (first !== undefined) return first;
  centresMemo.set(cells, centres);
  return centres;
}

function emptyCentres(count: number): CellCentres {
  return { lat: new Float64Array(count), lon: new Float64Array(count) };
}

function fillCentres(cells: readonly string[], centres: CellCentres, start: number, end: number) {
  const halves = h3Halves(cells);
  const pair: [number, number] = [0, 0];
  for (let c = start; c < end; c++) {
    if (halves !== null) {
      pair[0] = halves.lo[c];
      pair[1] = halves.hi[c];
    }
    const [cellLat, cellLon] = cellToLatLng(halves === null ? cells[c] : pair);
    centres.lat[c] = cellLat;
    centres.lon[c] = cellLon;
  }
}

/**
 * The 64-bit indexes of canonical H3 strings (15 lower-case hex digits, as every valid cell
 * prints) split into halves, or null when any string is not canonical (callers then fall back
 * to the strings). Parsed by hand: slicing and parseInt cost several times more per cell.
 */
export function h3Halves(cells: readonly string[]): H3Halves | null {
  if (halvesMemo.has(cells)) return halvesMemo.get(cells) ?? null;
  const hi = new Int32Array(cells.length);
  const lo = new Int32Array(cells.length);
  let result: H3Halves | null = { hi, lo };
  for (let c = 0; c < cells.length && result !== null; c++) {
    const cell = cells[c];
    if (cell.length !== 15) result = null;
    else {
      let high = 0;
      let low = 0;
      for (let k = 0; k < 15; k++) {
        const code = cell.charCodeAt(k);
        const digit =
          code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1;
        if (digit < 0 || (k === 0 && digit === 0)) {
          result = null;
          break;
        }
        if (k < 7) high = high * 16 + digit;
        else low = low * 16 + digit;
      }
      hi[c] = high;
      lo[c] = low | 0;
    }
  }
  halvesMemo.set(cells, result);
  return result;
}
