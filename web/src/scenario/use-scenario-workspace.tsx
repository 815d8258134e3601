import type { Layer, PickingInfo } from '@deck.gl/core';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { appendModification, type SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import type { CityData } from '../data/city-data.ts';
import { DECK_LAYER_IDS, type FacilityFeature } from '../map/deck-layers.ts';
import type { MapDrag } from '../map/MapView.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import {
  buildScenarioLayers,
  changedCells,
  SCENARIO_LAYER_IDS,
  scenarioSites,
} from './scenario-layers.ts';
import { useScenarios } from './use-scenarios.ts';

/** What a map click does while editing a scenario. */
export type Interaction =
  | { kind: 'idle' }
  | { kind: 'add' }
  | { kind: 'form'; lon: number; lat: number }
  | { kind: 'move'; id: string };

export interface ScenarioWorkspace {
  layers: Layer[];
  panel: ReactNode;
  /** Handles a map click first (add/move modes, scenario sites); false = not ours. */
  pick(info: PickingInfo): boolean;
  /** Drag a site (baseline or added) to move it: one move-site modification on release. */
  drag: MapDrag;
}

interface DragState {
  id: string;
  lon: number;
  lat: number;
}

/** Scenario editing, compare, optimiser and exports, wired into the workspace in one place. */
export function useScenarioWorkspace(
  city: CityData,
  graphsReady: boolean,
  selected: FacilityFeature | null,
  onSelect: (f: FacilityFeature | null) => void,
  profile: StandardsProfile | null = null,
): ScenarioWorkspace {
  const control = useScenarios(city, graphsReady, profile);
  const [interaction, setInteraction] = useState<Interaction>({ kind: 'idle' });
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [highlightMinutes, setHighlightMinutes] = useState<number | null>(null);
  const [dragging, setDragging] = useState<DragState | null>(null);
  // While dragging, the map shows the site where it would land (not yet a modification).
  const sites = useMemo(
    () =>
      scenarioSites(
        control.baselineFacilities,
        dragging === null
          ? control.scenario
          : appendModification(control.scenario, { kind: 'move-site', ...dragging }),
      ),
    [control.baselineFacilities, control.scenario, dragging],
  );
  const thresholds = control.baselineNumbers?.thresholds ?? [5, 10, 15];
  const minutes = highlightMinutes ?? thresholds[0];
  const cells = useMemo(
    () => changedCells(control.live?.changedCells ?? [], minutes),
    [control.live, minutes],
  );
  const layers = useMemo(() => buildScenarioLayers(sites, cells), [sites, cells]);

  const selectedSite = useMemo((): SiteFacility | null => {
    const id = pickedId ?? selected?.properties.id ?? null;
    if (id === null) return null;
    const edited = sites.edited.find((f) => f.id === id);
    if (edited !== undefined) return edited;
    if (sites.closed.some((f) => f.id === id)) return null;
    return control.baselineFacilities.find((f) => f.id === id) ?? null;
  }, [pickedId, selected, sites, control.baselineFacilities]);

  const { apply } = control;
  const pick = useCallback(
    (info: PickingInfo): boolean => {
      const coordinate = info.coordinate;
      if (interaction.kind === 'add' && coordinate !== undefined) {
        setInteraction({ kind: 'form', lon: coordinate[0], lat: coordinate[1] });
        return true;
      }
      if (interaction.kind === 'move' && coordinate !== undefined) {
        apply({ kind: 'move-site', id: interaction.id, lon: coordinate[0], lat: coordinate[1] });
        setInteraction({ kind: 'idle' });
        return true;
      }
      if (info.layer?.id === SCENARIO_LAYER_IDS.sites && info.object) {
        setPickedId((info.object as SiteFacility).id);
        onSelect(null);
        return true;
      }
      setPickedId(null);
      return false;
    },
    [interaction, apply, onSelect],
  );

  // The drag handler stays the same object (MapView re-subscribes when it changes, which would
  // end a drag in progress); it reads the latest state through a ref.
  const held = useRef<DragState | null>(null);
  const latest = useRef({ interaction, sites, apply, baseline: control.baselineFacilities });
  latest.current = { interaction, sites, apply, baseline: control.baselineFacilities };
  const drag = useMemo(
    (): MapDrag => ({
      layerIds: [SCENARIO_LAYER_IDS.sites, DECK_LAYER_IDS.facilities],
      start(info) {
        const { interaction: mode, sites: now } = latest.current;
        if (mode.kind === 'form' || info.object === undefined || info.object === null) return false;
        const id = draggedId(info);
        if (id === null || now.closed.some((f) => f.id === id)) return false;
        const site =
          now.edited.find((f) => f.id === id) ?? latest.current.baseline.find((f) => f.id === id);
        if (site === undefined) return false;
        // No re-render yet: a press that turns out to be a click must find the layers as they
        // were (rebuilding them would leave the click's picking empty).
        held.current = { id, lon: site.lon, lat: site.lat };
        return true;
      },
      move(lon, lat) {
        if (held.current === null) return;
        held.current = { ...held.current, lon, lat };
        setDragging(held.current);
      },
      end(lon, lat, moved) {
        const d = held.current;
        held.current = null;
        setDragging(null);
        if (d === null || !moved) return;
        latest.current.apply({ kind: 'move-site', id: d.id, lon, lat });
        setPickedId(d.id);
        onSelect(null);
      },
    }),
    [onSelect],
  );

  const panel = (
    <ScenarioPanel
      city={city}
      control={control}
      interaction={interaction}
      setInteraction={setInteraction}
      selectedSite={selectedSite}
      onDeselect={() => {
        setPickedId(null);
        onSelect(null);
      }}
      highlightMinutes={minutes}
      onHighlightMinutes={setHighlightMinutes}
      changedCellCount={cells.length}
    />
  );
  return { layers, panel, pick, drag };
}

/** The site id under a press: an edited scenario site or a baseline facility marker. */
function draggedId(info: PickingInfo): string | null {
  if (info.layer?.id === SCENARIO_LAYER_IDS.sites) return (info.object as SiteFacility).id;
  if (info.layer?.id === DECK_LAYER_IDS.facilities)
    return (info.object as FacilityFeature).properties.id;
  return null;
}
