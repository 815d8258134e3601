import { latLngToCell } from 'h3-js';
import type { CityBuilding } from './buildings.ts';
import { largestRemainder } from './largest-remainder.ts';
import type { PopulationTotals } from './types.ts';

/** Assumptions of the dasymetric population model (METHOD.md §3); every one is an option. */
export interface PopulationAssumptions {
  /** m² of housing floor area per resident. 第七次全国人口普查: 城市家庭户人均住房建筑面积 36.52 m². */
  perCapitaFloorAreaM2: number;
  /** Share of residents aged 60+ / 65+ / 80+ (0..1). */
  share60: number;
  share65: number;
  share80: number;
  /** Persons per household (2020 census national mean 2.62). */
  householdSize: number;
  h3Resolution: number;
}

export const DEFAULT_ASSUMPTIONS: PopulationAssumptions = {
  perCapitaFloorAreaM2: 36.52,
  // 玄武区 2020 (第七次全国人口普查公报): 109,075 / 537,825 aged 60+, 78,877 aged 65+.
  share60: 109_075 / 537_825,
  share65: 78_877 / 537_825,
  // 2020 national bulletin: 80+ are 2.54 % of the total population.
  share80: 0.0254,
  householdSize: 2.62,
  h3Resolution: 10,
};

export interface PopulationCell extends PopulationTotals {
  h3: string;
}

export interface PopulationModel {
  totals: PopulationTotals;
  /** One row per populated cell, sorted by h3. */
  cells: PopulationCell[];
  /** Residents per building id (residential buildings only). */
  residentsByBuilding: Map<number, number>;
}

/**
 * Spreads residents over residential floor area, then elders and households over cells.
 * Residents total = round(Σ floor area / per-capita area); each age group total = round(residents
 * × share). Groups are nested (60+ spread by residents, 65+ by 60+, 80+ by 65+), so in every
 * cell 80+ ≤ 65+ ≤ 60+ ≤ residents and all totals add up exactly.
 */
export function modelPopulation(
  buildings: CityBuilding[],
  assumptions: PopulationAssumptions = DEFAULT_ASSUMPTIONS,
): PopulationModel {
  const homes = buildings.filter((b) => b.properties.residential && b.properties.floorAreaM2 > 0);
  const floorArea = homes.map((b) => b.properties.floorAreaM2);
  const residents = Math.round(
    floorArea.reduce((s, a) => s + a, 0) / assumptions.perCapitaFloorAreaM2,
  );
  const perBuilding = largestRemainder(floorArea, residents);
  const residentsByBuilding = new Map<number, number>();
  const byCell = new Map<string, number>();
  homes.forEach((b, i) => {
    residentsByBuilding.set(b.properties.id, perBuilding[i]);
    if (perBuilding[i] === 0) return;
    const cell = latLngToCell(b.centroid[1], b.centroid[0], assumptions.h3Resolution);
    byCell.set(cell, (byCell.get(cell) ?? 0) + perBuilding[i]);
  });
  const h3 = [...byCell.keys()].sort();
  const cellResidents = h3.map((c) => byCell.get(c) ?? 0);
  return { ...spreadGroups(h3, cellResidents, assumptions), residentsByBuilding };
}

/** Age groups and households per cell from residents per cell (also used for user-supplied residents). */
export function spreadGroups(
  h3: string[],
  residents: number[],
  a: PopulationAssumptions,
): { totals: PopulationTotals; cells: PopulationCell[] } {
  const total = residents.reduce((s, r) => s + r, 0);
  const elders60 = largestRemainder(residents, Math.round(total * a.share60));
  const elders65 = largestRemainder(elders60, Math.round(total * a.share65));
  const elders80 = largestRemainder(elders65, Math.round(total * a.share80));
  const households = largestRemainder(residents, Math.round(total / a.householdSize));
  const cells = h3.map((cell, i) => ({
    h3: cell,
    residents: residents[i],
    elders60: elders60[i],
    elders65: elders65[i],
    elders80: elders80[i],
    households: households[i],
  }));
  const sum = (key: keyof PopulationTotals) => cells.reduce((s, c) => s + c[key], 0);
  return {
    cells,
    totals: {
      residents: total,
      elders60: sum('elders60'),
      elders65: sum('elders65'),
      elders80: sum('elders80'),
      households: sum('households'),
    },
  };
}
