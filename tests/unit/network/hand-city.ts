import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import type { CityInput } from '../../../analysis/coverage/types.ts';
import { graphFromEdgeList } from '../../../analysis/graph/from-edge-list.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { facility } from '../siting/helpers.ts';

/**
 * A hand-made city: graph nodes sit exactly on population-cell centres (so every cell is
 * reached at its node's time, with no off-network walk), and edge costs are chosen by hand
 * (walk: cost = seconds at 1.0 m/s, so 5 minutes of walk-elderly = 300).
 */
export interface HandCity {
  input: CityInput;
  graph: RoadGraph;
  /** [lon, lat] of node i. */
  at: (node: number) => [number, number];
  site: (id: string, node: number) => SiteFacility;
}

/** Cells of a disk around central Nanjing, in a fixed order. */
export function handCells(count: number): string[] {
  const base = latLngToCell(32.04, 118.78, 10);
  const cells = gridDisk(base, 3).sort();
  if (cells.length < count) throw new Error('not enough cells');
  return cells.slice(0, count);
}

export function handCity(
  nodeCells: readonly string[],
  /** [from, to, cost, highway code?] (two-way). */
  edges: readonly (readonly [number, number, number, number?])[],
  elders: readonly number[],
): HandCity {
  const nodes = nodeCells.map((h3) => {
    const [lat, lon] = cellToLatLng(h3);
    return [lon, lat] as [number, number];
  });
  const graph = graphFromEdgeList({
    network: 'walk',
    nodes,
    edges: edges.flatMap(([a, b, cost, highway]) => [
      { from: a, to: b, lengthM: cost, costS: cost, highway },
      { from: b, to: a, lengthM: cost, costS: cost, highway },
    ]),
  });
  const input: CityInput = {
    name: 'hand',
    h3Resolution: 10,
    cells: nodeCells.map((h3, i) => ({
      h3,
      unit_id: 'U1',
      street_id: 'S1',
      residents: elders[i] * 4,
      elders60: elders[i],
      elders65: 0,
      elders80: 0,
      households: 0,
    })),
    units: [],
    facilities: [],
  };
  const at = (node: number) => nodes[node];
  const site = (id: string, node: number) => facility(id, nodes[node][0], nodes[node][1]);
  return { input, graph, at, site };
}
