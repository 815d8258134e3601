import {
  cellsToMultiPolygon,
  cellToLatLng,
  cellToParent,
  latLngToCell,
  polygonToCells,
} from 'h3-js';
import { type BBox, round7 } from './geometry.ts';
import {
  type BarrierLine,
  mergeSmallBlocks,
  type RasterBlocks,
  rasterBlocks,
} from './raster-blocks.ts';
import type { UnitLevel, UnitProperties } from './types.ts';

/**
 * Derived planning units (METHOD.md §4). No open 街道/社区 boundaries exist, so units are blocks
 * bounded by main roads: community-level (社区级) blocks by trunk/primary/secondary/tertiary roads,
 * street-level (街道级) blocks by trunk/primary roads. Roads are rasterised onto fine H3 cells and
 * the rest flood-filled; tiny blocks are merged into neighbours. With fewer than two blocks the
 * units fall back to H3 res-8 (community) and res-7 (street) cells.
 */
export const COMMUNITY_BARRIERS = new Set([
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
]);
export const STREET_BARRIERS = new Set(['motorway', 'trunk', 'primary']);

export interface UnitOptions {
  /** Raster resolution (11 ≈ 25 m edge). */
  rasterResolution: number;
  /** Blocks below these areas (m²) are merged into a neighbour. */
  minCommunityM2: number;
  minStreetM2: number;
}

/** Above this many raster cells the raster resolution is lowered (res 11 → 10 → 9). */
const MAX_RASTER_CELLS = 300_000;

export const DEFAULT_UNIT_OPTIONS: UnitOptions = {
  rasterResolution: 11,
  minCommunityM2: 40_000,
  minStreetM2: 400_000,
};

/** Mean hexagon area (m²) per H3 resolution 7..12 (h3geo.org tables). */
const CELL_AREA_M2: Record<number, number> = {
  7: 5_161_293,
  8: 737_327,
  9: 105_332,
  10: 15_047,
  11: 2_150,
  12: 307,
};
const EDGE_M: Record<number, number> = { 7: 1_406, 8: 531, 9: 201, 10: 76, 11: 29, 12: 11 };

export interface RoadLine extends BarrierLine {
  highway: string;
}

export interface UnitFeature {
  properties: UnitProperties;
  /** GeoJSON MultiPolygon coordinates. */
  coordinates: number[][][][];
  cells: string[];
}

export interface DerivedUnits {
  units: UnitFeature[];
  /** Community and street unit of a point (via its raster cell). */
  locate(lon: number, lat: number): { unitId: string; streetId: string } | null;
}

/** Domain = the bbox (padded) as raster cells. */
function domainCells(bbox: BBox, res: number): string[] {
  const [w, s, e, n] = bbox;
  return polygonToCells(
    [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
    res,
    true,
  );
}

function fallbackBlocks(cells: string[], parentRes: number): RasterBlocks {
  const parents = [...new Set(cells.map((c) => cellToParent(c, parentRes)))].sort();
  const index = new Map(parents.map((p, i) => [p, i]));
  const blockOf = new Map(cells.map((c) => [c, index.get(cellToParent(c, parentRes)) as number]));
  return { blockOf, blockCount: parents.length, roadNames: parents.map(() => new Map()) };
}

function groups(blocks: RasterBlocks): string[][] {
  const byBlock = new Map<number, string[]>();
  for (const [cell, block] of blocks.blockOf) {
    const list = byBlock.get(block);
    if (list === undefined) byBlock.set(block, [cell]);
    else list.push(cell);
  }
  return [...byBlock.values()].map((cells) => cells.sort());
}

function levelBlocks(
  cells: string[],
  roads: RoadLine[],
  kinds: Set<string>,
  minM2: number,
  fallbackRes: number,
  o: UnitOptions,
): { cells: string[][]; names: Map<string, number>[]; derivedFrom: 'roads' | 'h3' } {
  const lines = roads.filter((r) => kinds.has(r.highway));
  const minCells = Math.max(1, Math.round(minM2 / CELL_AREA_M2[o.rasterResolution]));
  const merged = mergeSmallBlocks(
    rasterBlocks(cells, lines, o.rasterResolution, EDGE_M[o.rasterResolution] / 3),
    minCells,
  );
  const blockCells = groups(merged);
  if (blockCells.length >= 2) {
    const names = blockCells.map((list) => merged.roadNames[merged.blockOf.get(list[0]) as number]);
    return { cells: blockCells, names, derivedFrom: 'roads' };
  }
  const fallback = groups(fallbackBlocks(cells, fallbackRes));
  return { cells: fallback, names: fallback.map(() => new Map()), derivedFrom: 'h3' };
}

function centreOf(cells: string[]): [number, number] {
  let lat = 0;
  let lng = 0;
  for (const cell of cells) {
    const [a, b] = cellToLatLng(cell);
    lat += a;
    lng += b;
  }
  return [lng / cells.length, lat / cells.length];
}

/** North to south in 500 m bands, west to east within a band: reads like a map. */
function mapOrder(a: string[], b: string[]): number {
  const [ax, ay] = centreOf(a);
  const [bx, by] = centreOf(b);
  const band = (y: number) => Math.floor(-y / 0.0045);
  return band(ay) - band(by) || ax - bx || (a[0] < b[0] ? -1 : 1);
}

function unitName(level: UnitLevel, n: number, names: Map<string, number>): string {
  const label =
    level === 'street'
      ? `派生街道单元 S${String(n).padStart(2, '0')}`
      : `派生社区单元 C${String(n).padStart(2, '0')}`;
  const roads = [...names]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([name]) => name);
  return roads.length > 0 ? `${label}（${roads.join('–')}）` : label;
}

function toFeature(cells: string[], properties: UnitProperties): UnitFeature {
  const coordinates = cellsToMultiPolygon(cells, true).map((polygon) =>
    polygon.map((ring) => ring.map(([x, y]) => [round7(x), round7(y)])),
  );
  return { properties, coordinates, cells };
}

/** Derives street and community units over `bbox` (already padded by the caller). */
export function deriveUnits(
  bbox: BBox,
  roads: RoadLine[],
  options: Partial<UnitOptions> = {},
): DerivedUnits & { derivedFrom: 'roads' | 'h3' } {
  const o = { ...DEFAULT_UNIT_OPTIONS, ...options };
  // A metro-sized extract would need millions of res-11 cells: coarsen the raster instead.
  const [w, s, e, n] = bbox;
  const areaM2 = (e - w) * 111_000 * Math.cos((((s + n) / 2) * Math.PI) / 180) * (n - s) * 111_000;
  while (o.rasterResolution > 9 && areaM2 / CELL_AREA_M2[o.rasterResolution] > MAX_RASTER_CELLS) {
    o.rasterResolution--;
  }
  const cells = domainCells(bbox, o.rasterResolution);
  const street = levelBlocks(cells, roads, STREET_BARRIERS, o.minStreetM2, 7, o);
  const community = levelBlocks(cells, roads, COMMUNITY_BARRIERS, o.minCommunityM2, 8, o);
  const streetOfCell = new Map<string, string>();
  const streetOrder = street.cells
    .map((_, i) => i)
    .sort((a, b) => mapOrder(street.cells[a], street.cells[b]));
  const streetIds = street.cells.map((list) => `S-${list[0]}`);
  street.cells.forEach((list, i) => {
    for (const cell of list) streetOfCell.set(cell, streetIds[i]);
  });
  // Community parent = the street block holding most of its cells; the street's final shape is
  // the union of its communities, so the two levels nest exactly.
  const parentOf = community.cells.map((list) => {
    const votes = new Map<string, number>();
    for (const cell of list)
      votes.set(
        streetOfCell.get(cell) as string,
        (votes.get(streetOfCell.get(cell) as string) ?? 0) + 1,
      );
    return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  });
  const communityOrder = community.cells
    .map((_, i) => i)
    .sort((a, b) => mapOrder(community.cells[a], community.cells[b]));
  const units: UnitFeature[] = [];
  const unitOfCell = new Map<string, { unitId: string; streetId: string }>();
  streetOrder.forEach((i, n) => {
    const children = community.cells
      .filter((_, k) => parentOf[k] === streetIds[i])
      .flat()
      .sort();
    if (children.length === 0) return;
    units.push(
      toFeature(children, {
        id: streetIds[i],
        name: unitName('street', n + 1, street.names[i]),
        level: 'street',
        derived: true,
      }),
    );
  });
  communityOrder.forEach((i, n) => {
    const id = `C-${community.cells[i][0]}`;
    units.push(
      toFeature(community.cells[i], {
        id,
        name: unitName('community', n + 1, community.names[i]),
        level: 'community',
        parentId: parentOf[i],
        derived: true,
      }),
    );
    for (const cell of community.cells[i])
      unitOfCell.set(cell, { unitId: id, streetId: parentOf[i] });
  });
  return {
    units,
    derivedFrom: community.derivedFrom,
    locate: (lon, lat) => unitOfCell.get(latLngToCell(lat, lon, o.rasterResolution)) ?? null,
  };
}
