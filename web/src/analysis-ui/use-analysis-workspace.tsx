import type { Layer, PickingInfo } from '@deck.gl/core';
import { cellToBoundary } from 'h3-js';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { UnitFlagMap } from '../../../analysis/city/unit-flags.ts';
import type { Cluster } from '../../../analysis/coverage/types.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';
import type { TaskList } from '../app/tasks.ts';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { AnalysisLegend } from '../map/analysis-layers/AnalysisLegend.tsx';
import {
  buildAnalysisLayers,
  type ElderCell,
  type OutlineCollection,
} from '../map/analysis-layers/build-layers.ts';
import { bboxOf } from '../map/analysis-layers/circle-geometry.ts';
import {
  ANALYSIS_LAYER_IDS,
  type AnalysisLayerState,
  INITIAL_LAYER_STATE,
} from '../map/analysis-layers/state.ts';
import { analysisTooltip, type TooltipLines } from '../map/analysis-layers/tooltip.ts';
import { AnalysisPanel } from '../panels/analysis/AnalysisPanel.tsx';
import type { Picked } from '../panels/analysis/PickDetails.tsx';
import { UnitFlagsNote } from '../panels/analysis/UnitFlags.tsx';
import { useAnalysis, useCircles } from './use-analysis.ts';
import { UnitFlagsContext, useUnitFlags } from './use-unit-flags.ts';

export type Bbox = [number, number, number, number];

export interface AnalysisWorkspace {
  layers: Layer[];
  /** Circle outlines, drawn by the base map (see OutlineCollection). */
  outlines: OutlineCollection | null;
  legend: ReactNode;
  panel: ReactNode;
  tooltip(info: PickingInfo): TooltipLines | null;
  /** Handles a map click on an analysis layer; false when the click was not on one. */
  pick(info: PickingInfo): boolean;
  /** Where the map should zoom (a new object each time). */
  focus: { bbox: Bbox } | null;
  /** The standards profile of the last finished run (scenarios use it too). */
  profile: StandardsProfile | null;
  /** The user's urban/rural and new-residential marks (scenarios evaluate with them too). */
  unitFlags: UnitFlagMap;
}

type Tasks = Pick<TaskList, 'update' | 'finish'>;

const NO_LAYERS: Layer[] = [];

/** Everything the analysis adds to the workspace, wired together in one place. */
export function useAnalysisWorkspace(city: CityData, tasks: Tasks): AnalysisWorkspace {
  const i18n = useI18n();
  // The user's 城市/农村 and 新建居住区 per unit: a change re-runs the analysis.
  const unitFlags = useUnitFlags(city);
  const analysis = useAnalysis(city, tasks, unitFlags.flags);
  const [layerState, setLayerState] = useState<AnalysisLayerState>(INITIAL_LAYER_STATE);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [focus, setFocus] = useState<{ bbox: Bbox } | null>(null);
  const last = analysis.last;
  const settings = last?.profile.settings;
  const run = last?.run ?? null;
  const thresholds = settings?.thresholdsMinutes ?? [5, 10, 15, 30];
  const speed = settings?.walkingSpeedMps ?? 1;
  const circles = useCircles(
    run,
    { profile: layerState.travel, walkingSpeedMps: speed, thresholds },
    tasks,
  );
  const walkCircles = useCircles(
    layerState.radius ? run : null,
    { profile: 'walk-elderly', walkingSpeedMps: speed, thresholds },
    tasks,
  );
  const result = last?.outcome.result;
  const unitNames = useMemo(
    () => new Map(city.units.features.map((f) => [f.properties.id, f.properties.name])),
    [city],
  );
  const facilityNames = useMemo(
    () => new Map(city.facilities.features.map((f) => [f.properties.id, f.properties.name])),
    [city],
  );

  const built = useMemo(() => {
    if (result === undefined) return null;
    return buildAnalysisLayers(
      {
        city,
        cells: result.cells,
        units: result.units,
        clusters: result.summary.clusters.top,
        circles: circles?.profile === layerState.travel ? circles : null,
        walkCircles,
        radiusM: result.summary.radius300.radiusM,
        radiusMinutes: result.summary.radius300.networkMinutes,
      },
      layerState,
    );
  }, [city, result, circles, walkCircles, layerState]);

  const focusUnit = useCallback(
    (unitId: string) => {
      const feature = city.units.features.find((f) => f.properties.id === unitId);
      const row = result?.units.find((u) => u.unitId === unitId);
      if (row !== undefined && result !== undefined)
        setPicked({ kind: 'unit', row, thresholds: result.summary.thresholds });
      if (feature === undefined) return;
      const g = feature.geometry;
      const bbox = bboxOf(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
      if (bbox !== null) setFocus({ bbox });
    },
    [city, result],
  );
  const pickCluster = useCallback(
    (cluster: Cluster) => {
      setPicked({
        kind: 'cluster',
        cluster,
        unitNames: cluster.unitIds.map((id) => unitNames.get(id) ?? id),
      });
      const bbox = bboxOf([cluster.h3.map((h) => cellToBoundary(h, true))]);
      if (bbox !== null) setFocus({ bbox });
    },
    [unitNames],
  );
  const focusCluster = useCallback(
    (rank: number) => {
      const cluster = result?.summary.clusters.top.find((c) => c.rank === rank);
      if (cluster !== undefined) pickCluster(cluster);
    },
    [result, pickCluster],
  );

  const pick = useCallback(
    (info: PickingInfo): boolean => {
      const id = info.layer?.id;
      if (info.object === undefined || info.object === null) return false;
      if (id === ANALYSIS_LAYER_IDS.elders) {
        const cell = info.object as ElderCell;
        setPicked({ kind: 'cell', cell, unitName: unitNames.get(cell.unitId) ?? cell.unitId });
        return true;
      }
      if (id === ANALYSIS_LAYER_IDS.unitFill) {
        focusUnit((info.object as { row: { unitId: string } }).row.unitId);
        return true;
      }
      if (id === ANALYSIS_LAYER_IDS.clusters) {
        pickCluster(info.object as Cluster);
        return true;
      }
      return false;
    },
    [unitNames, focusUnit, pickCluster],
  );

  const tooltip = useCallback(
    (info: PickingInfo) =>
      analysisTooltip(info, i18n, {
        unit: (id) => unitNames.get(id) ?? id,
        facility: (id) => facilityNames.get(id) ?? id,
      }),
    [i18n, unitNames, facilityNames],
  );

  // The legend and panel are the same elements until their inputs change: the workspace renders
  // again on every scenario edit, and the panel's findings (thousands on a county) need not.
  const legend = useMemo(
    () =>
      result === undefined ? null : <AnalysisLegend state={layerState} onChange={setLayerState} />,
    [result, layerState],
  );
  // A picked unit shows the figures of the latest run (a flag change re-runs the analysis).
  const shownPick = useMemo(() => {
    const fresh =
      picked?.kind === 'unit'
        ? result?.units.find((u) => u.unitId === picked.row.unitId)
        : undefined;
    return picked?.kind === 'unit' && fresh !== undefined ? { ...picked, row: fresh } : picked;
  }, [picked, result]);
  const closePick = useCallback(() => setPicked(null), []);
  const panel = useMemo(
    () => (
      <UnitFlagsContext.Provider value={unitFlags}>
        <UnitFlagsNote />
        <AnalysisPanel
          analysis={analysis}
          travel={layerState.travel}
          picked={shownPick}
          onClosePick={closePick}
          onFocusUnit={focusUnit}
          onFocusCluster={focusCluster}
        />
      </UnitFlagsContext.Provider>
    ),
    [unitFlags, analysis, layerState.travel, shownPick, closePick, focusUnit, focusCluster],
  );
  return {
    layers: built?.layers ?? NO_LAYERS,
    outlines: built?.outlines ?? null,
    legend,
    panel,
    tooltip,
    pick,
    focus,
    profile: last?.profile ?? null,
    unitFlags: unitFlags.flags,
  };
}
