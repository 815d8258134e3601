import type { Layer } from '@deck.gl/core';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { CellRow, Cluster, UnitRow } from '../../../../analysis/coverage/types.ts';
import type { CityData } from '../../data/city-data.ts';
import type { CircleRows } from '../../worker/analysis/circle-rows.ts';
import { FIRST_ROAD_LAYER } from '../base-style.ts';
import { FACILITY_STYLE, type Rgb, rgbCss } from '../facility-style.ts';
import { dissolvedBands, facilityBands, type MultiPolygonCoords } from './circle-geometry.ts';
import {
  COVERED,
  categoryColour,
  failedColour,
  minuteColour,
  thresholdColour,
  UNCOVERED,
} from './colours.ts';
import { ANALYSIS_LAYER_IDS, type AnalysisLayerState } from './state.ts';

export interface AnalysisLayerData {
  city: CityData;
  /** walk-elderly cells of the analysis (authoritative minutes for the elders layer). */
  cells: CellRow[];
  units: UnitRow[];
  clusters: Cluster[];
  /** Display circles of state.travel (null while being computed). */
  circles: CircleRows | null;
  /** Walk-elderly display circles (300 m network reach). */
  walkCircles: CircleRows | null;
  radiusM: number;
  radiusMinutes: number;
}

/**
 * Circle outlines, drawn by maplibre (a line layer over a GeoJSON source) rather than by deck.gl:
 * maplibre tiles and simplifies them per zoom in its worker, so a county's thousands of hexagon
 * edges cost a frame what they cover in pixels; as deck.gl paths they made each frame of a
 * software-rendered county take over a second.
 */
export type OutlineCollection = FeatureCollection<
  MultiPolygon,
  { colour: string; width: number; minutes: number }
>;

export interface AnalysisLayers {
  layers: Layer[];
  outlines: OutlineCollection;
}

export interface UnitFeature {
  polygon: MultiPolygonCoords;
  row: UnitRow;
}

export interface ElderCell {
  h3: string;
  elders60: number;
  residents: number;
  unitId: string;
  minutes: number | null;
}

const UNDER_ROADS = { beforeId: FIRST_ROAD_LAYER };

/** PolygonLayer draws one polygon (rings) per item: one item per part of a multipolygon. */
export function explode<T extends { polygon: MultiPolygonCoords }>(
  items: readonly T[],
): (T & { rings: number[][][] })[] {
  return items.flatMap((item) => item.polygon.map((rings) => ({ ...item, rings })));
}
const withAlpha = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

/** Elders per populated cell with minutes to the nearest facility by the chosen travel profile. */
export function elderCells(data: AnalysisLayerData, state: AnalysisLayerState): ElderCell[] {
  const nearest =
    state.travel === 'walk-elderly' || data.circles === null
      ? null
      : new Map(data.circles.split.map((r) => [r.h3, r.minutes]));
  return data.cells
    .filter((c) => c.elders60 > 0)
    .map((c) => ({
      h3: c.h3,
      elders60: c.elders60,
      residents: c.residents,
      unitId: c.unitId,
      minutes: nearest === null ? c.minutesNearest : (nearest.get(c.h3) ?? null),
    }));
}

/** Community units (street units when a city has no communities) with their result rows. */
export function unitFeatures(data: AnalysisLayerData): UnitFeature[] {
  const rows = new Map(data.units.map((u) => [u.unitId, u]));
  const features = data.city.units.features;
  const level = features.some((f) => f.properties.level === 'community') ? 'community' : 'street';
  return features
    .filter((f) => f.properties.level === level && rows.has(f.properties.id))
    .map((f) => ({
      polygon:
        f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates as number[][][]]
          : (f.geometry.coordinates as number[][][][]),
      row: rows.get(f.properties.id) as UnitRow,
    }));
}

/** The deck.gl layers of the analysis, bottom to top; fills slide under the roads. */
export function buildAnalysisLayers(
  data: AnalysisLayerData,
  state: AnalysisLayerState,
): AnalysisLayers {
  const layers: Layer[] = [];
  const outlines: OutlineCollection = { type: 'FeatureCollection', features: [] };
  const ids = ANALYSIS_LAYER_IDS;
  if (state.units) {
    layers.push(
      new PolygonLayer<UnitFeature & { rings: number[][][] }>({
        id: ids.unitFill,
        ...UNDER_ROADS,
        data: explode(unitFeatures(data)),
        pickable: true,
        stroked: true,
        filled: true,
        getPolygon: (u) => u.rings,
        getFillColor: (u) => withAlpha(failedColour(u.row.findingsFailed), 105),
        getLineColor: [80, 80, 80, 160],
        lineWidthMinPixels: 1,
      }),
    );
  }
  if (state.elders) {
    const thresholds = [5, 10, 15, 30];
    layers.push(
      new H3HexagonLayer<ElderCell>({
        id: ids.elders,
        ...UNDER_ROADS,
        data: elderCells(data, state),
        pickable: true,
        extruded: false,
        stroked: true,
        getHexagon: (c) => c.h3,
        getFillColor: (c) =>
          withAlpha(
            state.elderMode === 'covered'
              ? c.minutes !== null && c.minutes <= state.coveredMinutes
                ? COVERED
                : UNCOVERED
              : minuteColour(c.minutes, thresholds),
            190,
          ),
        getLineColor: [255, 255, 255, 120],
        lineWidthMinPixels: 0.5,
        updateTriggers: { getFillColor: [state.elderMode, state.coveredMinutes, state.travel] },
      }),
    );
  }
  if (state.circles && data.circles !== null && state.thresholds.length > 0) {
    const circles = circleLayers(data.circles, state);
    layers.push(...circles.layers);
    outlines.features.push(...circles.outlines.features);
  }
  if (state.radius && data.walkCircles !== null) layers.push(...radiusLayers(data));
  if (state.clusters && data.clusters.length > 0) {
    layers.push(
      new PolygonLayer<Cluster & { polygon: MultiPolygonCoords; rings: number[][][] }>({
        id: ids.clusters,
        data: explode(data.clusters.map((c) => ({ ...c, polygon: clusterPolygon(c) }))),
        pickable: true,
        stroked: true,
        filled: true,
        getPolygon: (c) => c.rings,
        getFillColor: withAlpha(UNCOVERED, 40),
        getLineColor: withAlpha(UNCOVERED, 255),
        lineWidthUnits: 'pixels',
        getLineWidth: 2.5,
      }),
    );
  }
  return { layers, outlines };
}

function clusterPolygon(cluster: Cluster): MultiPolygonCoords {
  return (
    dissolvedBands(
      cluster.h3.map((h3) => ({ h3, minutes: 0 })),
      [0],
    )[0]?.polygon ?? []
  );
}

function circleLayers(circles: CircleRows, state: AnalysisLayerState): AnalysisLayers {
  const ids = ANALYSIS_LAYER_IDS;
  const none: OutlineCollection = { type: 'FeatureCollection', features: [] };
  const on = state.thresholds.filter((t) => circles.thresholds.includes(t));
  if (on.length === 0) return { layers: [], outlines: none };
  if (state.circleView === 'split') {
    const max = Math.max(...on);
    const index = new Map<string, number>();
    for (const row of circles.split)
      if (!index.has(row.facilityId)) index.set(row.facilityId, index.size);
    const split = [
      new H3HexagonLayer<(typeof circles.split)[number]>({
        id: ids.circleSplit,
        ...UNDER_ROADS,
        data: circles.split.filter((r) => r.minutes <= max),
        pickable: true,
        extruded: false,
        stroked: false,
        getHexagon: (r) => r.h3,
        getFillColor: (r) => withAlpha(categoryColour(index.get(r.facilityId) ?? 0), 120),
        updateTriggers: { getFillColor: [circles.profile] },
      }),
    ];
    return { layers: split, outlines: none };
  }
  const bands =
    state.circleView === 'overlap'
      ? facilityBands(circles.overlap, on)
      : circles.bands.filter((band) => on.includes(band.minutes));
  const fillAlpha = state.circleView === 'overlap' ? 14 : 55;
  const width = state.circleView === 'overlap' ? 1 : 2;
  const fill = new PolygonLayer<(typeof bands)[number] & { rings: number[][][] }>({
    id: ids.circleFill,
    ...UNDER_ROADS,
    data: explode(bands),
    pickable: true,
    stroked: false,
    filled: true,
    getPolygon: (b) => b.rings,
    getFillColor: (b) => withAlpha(thresholdColour(b.minutes), fillAlpha),
  });
  return {
    layers: [fill],
    outlines: {
      type: 'FeatureCollection',
      features: bands.map((b) => ({
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: b.polygon },
        properties: {
          colour: rgbCss(thresholdColour(b.minutes), 0.9),
          width,
          minutes: b.minutes,
        },
      })),
    },
  };
}

function radiusLayers(data: AnalysisLayerData): Layer[] {
  const ids = ANALYSIS_LAYER_IDS;
  const reach = (data.walkCircles?.overlap ?? []).filter((r) => r.minutes <= data.radiusMinutes);
  const bands = facilityBands(reach, [data.radiusMinutes]);
  const facilities = data.city.facilities.features;
  return [
    new PolygonLayer<(typeof bands)[number] & { rings: number[][][] }>({
      id: ids.radiusReach,
      data: explode(bands),
      pickable: true,
      stroked: true,
      filled: true,
      getPolygon: (b) => b.rings,
      getFillColor: withAlpha(thresholdColour(5), 45),
      getLineColor: withAlpha(thresholdColour(5), 220),
      lineWidthUnits: 'pixels',
      getLineWidth: 1.2,
    }),
    new ScatterplotLayer<(typeof facilities)[number]>({
      id: ids.radiusRings,
      data: facilities,
      stroked: true,
      filled: false,
      radiusUnits: 'meters',
      lineWidthUnits: 'pixels',
      getPosition: (f) => [f.geometry.coordinates[0], f.geometry.coordinates[1]],
      getRadius: data.radiusM,
      getLineColor: withAlpha(FACILITY_STYLE.street_center.color, 220),
      getLineWidth: 1.5,
    }),
  ];
}
