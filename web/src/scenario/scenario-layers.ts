import type { Layer } from '@deck.gl/core';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { IconLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { applyScenario } from '../../../analysis/siting/scenario-apply.ts';
import type { Scenario, SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import {
  COVERED,
  FACILITY_STYLE,
  SITE_STATE_STYLE,
  type SiteState,
  UNCOVERED,
} from '../../../analysis/style/palette.ts';
import { stateMarkIcon } from '../map/state-symbols.ts';

export const SCENARIO_LAYER_IDS = {
  changed: 'scenario-changed-cells',
  closed: 'scenario-closed-sites',
  sites: 'scenario-sites',
  moves: 'scenario-moves',
  marks: 'scenario-state-marks',
} as const;

/** A site the scenario changes, with its state (palette.ts gives each state its symbol). */
export type EditedSite = SiteFacility & {
  added: boolean;
  state: Exclude<SiteState, 'existing' | 'closed'>;
  /** Where a moved site stood in the baseline. */
  from?: [number, number];
};

/** A cell whose best time changed: gained (reached within the threshold now) or lost. */
export interface ChangedCell {
  h3: string;
  before: number | null;
  after: number | null;
  gained: boolean;
}

export interface ScenarioSites {
  /** Sites added, moved or resized by the scenario, at their scenario position. */
  edited: EditedSite[];
  /** Baseline sites the scenario closes. */
  closed: SiteFacility[];
}

/** Which sites a scenario adds, moves or closes (for the map and the list). */
export function scenarioSites(
  baseline: readonly SiteFacility[],
  scenario: Pick<Scenario, 'modifications' | 'origin'>,
): ScenarioSites {
  let after: SiteFacility[];
  try {
    after = applyScenario(baseline, scenario);
  } catch {
    return { edited: [], closed: [] };
  }
  const before = new Map(baseline.map((f) => [f.id, f]));
  const open = new Set(after.map((f) => f.id));
  const proposed = scenario.origin?.kind === 'optimiser';
  const edited = after
    .filter((f) => before.get(f.id) !== f)
    .map((f): EditedSite => {
      const old = before.get(f.id);
      if (old === undefined) return { ...f, added: true, state: proposed ? 'proposed' : 'new' };
      if (old.lon !== f.lon || old.lat !== f.lat)
        return { ...f, added: false, state: 'moved', from: [old.lon, old.lat] };
      return { ...f, added: false, state: 'resized' };
    });
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

const typeColour = (f: SiteFacility) => FACILITY_STYLE[f.type]?.color ?? [90, 90, 90];
const typeRadius = (f: SiteFacility) => FACILITY_STYLE[f.type]?.radius ?? 6;
const ICONS = {
  new: stateMarkIcon('new'),
  moved: stateMarkIcon('moved'),
  resized: stateMarkIcon('resized'),
  closed: stateMarkIcon('closed'),
  proposed: stateMarkIcon('proposed'),
};

/**
 * Scenario sites in the facility type's colour with the mark of their state on top (ring, square,
 * cross, star from palette.ts; a moved site also shows a line from where it stood).
 */
export function buildScenarioLayers(sites: ScenarioSites, cells: readonly ChangedCell[]): Layer[] {
  const marked: { position: [number, number]; state: keyof typeof ICONS; size: number }[] = [
    ...sites.edited.map((f) => ({
      position: [f.lon, f.lat] as [number, number],
      state: f.state,
      size: f.state === 'proposed' ? 26 : typeRadius(f) * 2 + 12,
    })),
    ...sites.closed.map((f) => ({
      position: [f.lon, f.lat] as [number, number],
      state: 'closed' as const,
      size: typeRadius(f) * 2 + 10,
    })),
  ];
  return [
    new H3HexagonLayer<ChangedCell>({
      id: SCENARIO_LAYER_IDS.changed,
      data: cells,
      getHexagon: (c) => c.h3,
      getFillColor: (c) => [...(c.gained ? COVERED : UNCOVERED), 150],
      getLineColor: (c) => [...(c.gained ? COVERED : UNCOVERED), 255],
      lineWidthMinPixels: 1.5,
      extruded: false,
      pickable: true,
    }),
    new LineLayer<EditedSite>({
      id: SCENARIO_LAYER_IDS.moves,
      data: sites.edited.filter((f) => f.from !== undefined),
      getSourcePosition: (f) => f.from ?? [f.lon, f.lat],
      getTargetPosition: (f) => [f.lon, f.lat],
      getColor: [...SITE_STATE_STYLE.moved.stroke, 220],
      getWidth: 2,
      widthUnits: 'pixels',
    }),
    new ScatterplotLayer<SiteFacility>({
      id: SCENARIO_LAYER_IDS.closed,
      data: sites.closed,
      getPosition: (f) => [f.lon, f.lat],
      getRadius: typeRadius,
      radiusUnits: 'pixels',
      stroked: true,
      filled: true,
      getFillColor: [255, 255, 255, 220],
      getLineColor: [...SITE_STATE_STYLE.closed.stroke, 255],
      lineWidthMinPixels: 1.5,
      pickable: true,
    }),
    new ScatterplotLayer<EditedSite>({
      id: SCENARIO_LAYER_IDS.sites,
      data: sites.edited,
      getPosition: (f) => [f.lon, f.lat],
      getRadius: (f) => typeRadius(f) + 1,
      radiusUnits: 'pixels',
      stroked: true,
      getFillColor: typeColour,
      getLineColor: [255, 255, 255, 255],
      lineWidthMinPixels: 2,
      pickable: true,
    }),
    new IconLayer<(typeof marked)[number]>({
      id: SCENARIO_LAYER_IDS.marks,
      data: marked,
      getPosition: (m) => m.position,
      getIcon: (m) => ICONS[m.state],
      getSize: (m) => m.size,
      sizeUnits: 'pixels',
      getColor: (m) => [...SITE_STATE_STYLE[m.state].stroke, 255],
    }),
  ];
}
