import type { Layer, PickingInfo } from '@deck.gl/core';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import type { CityData } from '../data/city-data.ts';
import type { FacilityFeature } from '../map/deck-layers.ts';
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
}

/** Scenario editing, compare, optimiser and exports, wired into the workspace in one place. */
export function useScenarioWorkspace(
  city: CityData,
  graphsReady: boolean,
  selected: FacilityFeature | null,
  onSelect: (f: FacilityFeature | null) => void,
): ScenarioWorkspace {
  const control = useScenarios(city, graphsReady);
  const [interaction, setInteraction] = useState<Interaction>({ kind: 'idle' });
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [highlightMinutes, setHighlightMinutes] = useState<number | null>(null);
  const sites = useMemo(
    () => scenarioSites(control.baselineFacilities, control.scenario),
    [control.baselineFacilities, control.scenario],
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
  return { layers, panel, pick };
}
