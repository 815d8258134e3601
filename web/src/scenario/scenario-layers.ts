import type { Layer } from '@deck.gl/core';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { ScatterplotLayer } from '@deck.gl/layers';
import { applyScenario } from '../../../analysis/siting/scenario-apply.ts';
import type { Scenario, SiteFacility } from '../../../analysis/siting/scenario-types.ts';

export const SCENARIO_LAYER_IDS = {
  changed: 'scenario-changed-cells',
  closed: 'scenario-closed-sites',
  sites: 'scenario-sites',
} as const;

/** A cell whose best time changed: gained (reached within the threshold now) or lost. */
export interface ChangedCell {
  h3: string;
  before: number | null;
  after: number | null;
  gained: boolean;
}

export interface ScenarioSites {
  /** Sites added or moved by the scenario, at their scenario position. */
  edited: (SiteFacility & { added: boolean })[];
  /** Baseline sites the scenario closes. */
  closed: SiteFacility[];
}

/** Which sites a scenario adds, moves or closes (for the map and the list). */
export function scenarioSites(
  baseline: readonly SiteFacility[],
  scenario: Pick<Scenario, 'modifications'>,
): ScenarioSites {
  let after: SiteFacility[];
  try {
    after = applyScenario(baseline, scenario);
  } catch {
    return { edited: [], closed: [] };
  }
  const before = new Map(baseline.map((f) => [f.id, f]));
  const open = new Set(after.map((f) => f.id));
  const edited = after
    .filter((f) => before.get(f.id) !== f)
    .map((f) => ({ ...f, added: !before.has(f.id) }));
  return { edited, closed: baseline.filter((f) => !open.has(f.id)) };
}

export function changedCells(
  rows: readonly [string, number | null, number | null][],
  minutes: number,
): ChangedCell[] {
  const within = (m: number | null) => m !== null && m <= minutes;
  return rows
    .filter(([, b, a]) => within(b) !== within(a))
    .map(([h3, before, after]) => ({ h3, before, after, gained: within(after) }));
}

export function buildScenarioLayers(sites: ScenarioSites, cells: readonly ChangedCell[]): Layer[] {
  return [
    new H3HexagonLayer<ChangedCell>({
      id: SCENARIO_LAYER_IDS.changed,
      data: cells,
      getHexagon: (c) => c.h3,
      getFillColor: (c) => (c.gained ? [34, 160, 90, 150] : [214, 48, 49, 150]),
      getLineColor: (c) => (c.gained ? [20, 110, 60, 255] : [150, 20, 20, 255]),
      lineWidthMinPixels: 1.5,
      extruded: false,
      pickable: true,
    }),
    new ScatterplotLayer<SiteFacility>({
      id: SCENARIO_LAYER_IDS.closed,
      data: sites.closed,
      getPosition: (f) => [f.lon, f.lat],
      getRadius: 9,
      radiusUnits: 'pixels',
      stroked: true,
      filled: true,
      getFillColor: [255, 255, 255, 200],
      getLineColor: [214, 48, 49, 255],
      lineWidthMinPixels: 3,
      pickable: true,
    }),
    new ScatterplotLayer<SiteFacility & { added: boolean }>({
      id: SCENARIO_LAYER_IDS.sites,
      data: sites.edited,
      getPosition: (f) => [f.lon, f.lat],
      getRadius: 8,
      radiusUnits: 'pixels',
      stroked: true,
      getFillColor: (f) => (f.added ? [255, 140, 0, 255] : [120, 80, 200, 255]),
      getLineColor: [255, 255, 255, 255],
      lineWidthMinPixels: 2,
      pickable: true,
    }),
  ];
}
