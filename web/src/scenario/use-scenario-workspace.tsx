import type { Layer, PickingInfo } from '@deck.gl/core';
import { Alert } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UnitFlagMap } from '../../../analysis/city/unit-flags.ts';
import {
  appendModification,
  type Scenario,
  type SiteFacility,
} from '../../../analysis/siting/scenario-types.ts';
import type { ScenarioProblem } from '../../../analysis/siting/scenario-validate.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import { useUnchangedWhileEqual } from '../app/use-unchanged-while-equal.ts';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DECK_LAYER_IDS, type FacilityFeature } from '../map/deck-layers.ts';
import type { MapDrag } from '../map/MapView.tsx';
import { buildNetworkEditLayers } from '../map/network-edit-layers.ts';
import { describeProblem } from './describe-problem.ts';
import { useLinkDrawing } from './link-drawing.ts';
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
  | { kind: 'move'; id: string }
  /** Drawing a link: `from` is its first end once clicked (snapped to the walking network). */
  | { kind: 'link'; from: [number, number] | null }
  /** Closing a road stretch for all networks or for driving only. */
  | { kind: 'close'; networks: 'all' | 'drive' };

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
  /** Once dropped: the scenario the map showed then; the preview ends when that one is replaced. */
  droppedOn?: Scenario;
}

/** Scenario editing, compare, optimiser and exports, wired into the workspace in one place. */
export function useScenarioWorkspace(
  city: CityData,
  graphsReady: boolean,
  selected: FacilityFeature | null,
  onSelect: (f: FacilityFeature | null) => void,
  profile: StandardsProfile | null = null,
  unitFlags?: UnitFlagMap,
): ScenarioWorkspace {
  const control = useScenarios(city, graphsReady, profile, unitFlags);
  const [interaction, setInteraction] = useState<Interaction>({ kind: 'idle' });
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [highlightMinutes, setHighlightMinutes] = useState<number | null>(null);
  const [dragging, setDragging] = useState<DragState | null>(null);
  // A new register (imported, replaced, restored) or another city: the selected facility's card
  // and a pending site pick belong to the old one, so they close.
  const facilities = city.facilities;
  const shownFacilities = useRef(facilities);
  useEffect(() => {
    if (shownFacilities.current === facilities) return;
    shownFacilities.current = facilities;
    setPickedId(null);
    setInteraction({ kind: 'idle' });
    onSelect(null);
  }, [facilities, onSelect]);
  // The map shows the evaluated scenario (its sites change with their coverage); while dragging,
  // the site where it would land (not yet a modification).
  const preview =
    dragging !== null &&
    (dragging.droppedOn === undefined || dragging.droppedOn === control.shownScenario)
      ? dragging
      : null;
  const sites = useUnchangedWhileEqual(
    useMemo(
      () =>
        scenarioSites(
          control.baselineFacilities,
          preview === null
            ? control.shownScenario
            : appendModification(control.scenario, {
                kind: 'move-site',
                id: preview.id,
                lon: preview.lon,
                lat: preview.lat,
              }),
        ),
      [control.baselineFacilities, control.scenario, control.shownScenario, preview],
    ),
  );
  const thresholds = control.baselineNumbers?.thresholds ?? [5, 10, 15];
  const minutes = highlightMinutes ?? thresholds[0];
  const cells = useMemo(
    () => changedCells(control.live?.changedCells ?? [], minutes),
    [control.live, minutes],
  );
  const drawing = useLinkDrawing(control, interaction, setInteraction);
  const siteLayers = useMemo(() => buildScenarioLayers(sites, cells), [sites, cells]);
  const networkLayers = useMemo(
    () => buildNetworkEditLayers(control.networkViews, drawing.preview),
    [control.networkViews, drawing.preview],
  );
  const layers = useMemo(() => [...networkLayers, ...siteLayers], [networkLayers, siteLayers]);

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
      if ((interaction.kind === 'link' || interaction.kind === 'close') && coordinate) {
        drawing.click([coordinate[0], coordinate[1]]);
        return true;
      }
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
    [interaction, apply, onSelect, drawing.click],
  );

  // The drag handler stays the same object (MapView re-subscribes when it changes, which would
  // end a drag in progress); it reads the latest state through a ref.
  const held = useRef<DragState | null>(null);
  const latest = useRef({
    interaction,
    sites,
    apply,
    baseline: control.baselineFacilities,
    hover: drawing.hover,
    shown: control.shownScenario,
  });
  latest.current = {
    interaction,
    sites,
    apply,
    baseline: control.baselineFacilities,
    hover: drawing.hover,
    shown: control.shownScenario,
  };
  const drag = useMemo(
    (): MapDrag => ({
      layerIds: [SCENARIO_LAYER_IDS.sites, DECK_LAYER_IDS.facilities],
      start(info) {
        const { interaction: mode, sites: now } = latest.current;
        // While drawing or closing, a press on a site is a click on the map (no drag).
        if (mode.kind === 'link' || mode.kind === 'close') return false;
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
      hover(lon, lat) {
        latest.current.hover(lon, lat);
      },
      end(lon, lat, moved) {
        const d = held.current;
        held.current = null;
        if (d === null || !moved) {
          setDragging(null);
          return;
        }
        // The preview stays until the map's scenario holds the move (no jump back meanwhile).
        setDragging({ id: d.id, lon, lat, droppedOn: latest.current.shown });
        latest.current.apply({ kind: 'move-site', id: d.id, lon, lat });
        setPickedId(d.id);
        onSelect(null);
      },
    }),
    [onSelect],
  );

  const panel = (
    <>
      <StoredProblems scenarios={control.store.scenarios} problems={control.problems} />
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
        linkNotice={drawing.notice}
        pointerLengthM={drawing.lengthM}
        highlightMinutes={minutes}
        onHighlightMinutes={setHighlightMinutes}
        changedCellCount={cells.length}
      />
    </>
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

/**
 * Scenarios kept although they no longer fit the register shown (their sites were in a register
 * since replaced or restored): listed with what is wrong, so nothing disappears silently.
 */
function StoredProblems({
  scenarios,
  problems,
}: {
  scenarios: readonly Scenario[];
  problems: readonly ScenarioProblem[][];
}) {
  const i18n = useI18n();
  const broken = scenarios
    .map((scenario, index) => ({ scenario, problems: problems[index] ?? [] }))
    .filter((entry) => entry.problems.length > 0);
  if (broken.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="scenario-stored-problems"
      title={i18n.t('scenario.kept.title', { n: broken.length })}
      description={
        <ul className="notes">
          {broken.map(({ scenario, problems: list }, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: scenarios are addressed by position
            <li key={index}>
              <strong>{scenario.name ?? `#${index + 1}`}</strong>
              {': '}
              {list.map((p) => describeProblem(p, scenario.modifications, i18n)).join('；')}
            </li>
          ))}
        </ul>
      }
    />
  );
}
