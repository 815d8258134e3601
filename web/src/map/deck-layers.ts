import type { Layer } from '@deck.gl/core';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, Point } from 'geojson';
import type { FacilityProperties, PopulationCellRow } from '../../../analysis/city/types.ts';
import type { CityData } from '../data/city-data.ts';
import { FIRST_ROAD_LAYER } from './base-style.ts';
import { type ElderClasses, elderColor } from './elder-classes.ts';
import { FACILITY_STYLE } from './facility-style.ts';

export const DECK_LAYER_IDS = {
  population: 'population-h3',
  facilities: 'facilities',
  selection: 'facility-selected',
  selectionCircle: 'facility-selected-circle',
} as const;

export interface LayerVisibility {
  population: boolean;
  facilities: boolean;
}

export type FacilityFeature = Feature<Point, FacilityProperties>;

/**
 * The deck.gl layers over the base map. `beforeId` (read by @deck.gl/maplibre in interleaved
 * mode) slides the population cells under the roads; facilities stay on top of everything.
 */
export function buildDeckLayers(
  city: CityData,
  classes: ElderClasses,
  visible: LayerVisibility,
  selected: FacilityFeature | null = null,
  serviceRadiusM = 300,
): Layer[] {
  const population = new H3HexagonLayer<PopulationCellRow>({
    id: DECK_LAYER_IDS.population,
    ...{ beforeId: FIRST_ROAD_LAYER },
    data: city.population,
    visible: visible.population,
    pickable: true,
    extruded: false,
    stroked: true,
    filled: true,
    opacity: 0.62,
    getHexagon: (row) => row.h3,
    // Cells without elders stay in the layer (its count matches population.csv) but are clear.
    getFillColor: (row) =>
      row.elders60 > 0 ? elderColor(row.elders60, classes) : [255, 255, 255, 0],
    getLineColor: [255, 255, 255, 90],
    lineWidthMinPixels: 0.5,
    updateTriggers: { getFillColor: [classes.breaks.join(',')] },
  });
  const facilities = new ScatterplotLayer<FacilityFeature>({
    id: DECK_LAYER_IDS.facilities,
    data: city.facilities.features,
    visible: visible.facilities,
    pickable: true,
    stroked: true,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    getPosition: (f) => [f.geometry.coordinates[0], f.geometry.coordinates[1]],
    getRadius: (f) => FACILITY_STYLE[f.properties.type]?.radius ?? 5,
    getFillColor: (f) => FACILITY_STYLE[f.properties.type]?.color ?? [90, 90, 90],
    getLineColor: [255, 255, 255],
    getLineWidth: 1.8,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 110],
  });
  if (selected === null || !visible.facilities) return [population, facilities];
  // A dark ring around the clicked site; drawn as its own layer so the markers never re-upload.
  const selection = new ScatterplotLayer<FacilityFeature>({
    id: DECK_LAYER_IDS.selection,
    data: [selected],
    stroked: true,
    filled: false,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    getPosition: (f) => [f.geometry.coordinates[0], f.geometry.coordinates[1]],
    getRadius: (f) => (FACILITY_STYLE[f.properties.type]?.radius ?? 5) + 5,
    getLineColor: [31, 41, 51],
    getLineWidth: 2.5,
  });
  // Its service circle (the profile's radius rule, 300 m by default) on the ground, in metres.
  const circle = new ScatterplotLayer<FacilityFeature>({
    id: DECK_LAYER_IDS.selectionCircle,
    data: [selected],
    stroked: true,
    filled: true,
    radiusUnits: 'meters',
    lineWidthUnits: 'pixels',
    getPosition: (f) => [f.geometry.coordinates[0], f.geometry.coordinates[1]],
    getRadius: serviceRadiusM,
    getFillColor: (f) => [...(FACILITY_STYLE[f.properties.type]?.color ?? [90, 90, 90]), 40],
    getLineColor: (f) => [...(FACILITY_STYLE[f.properties.type]?.color ?? [90, 90, 90]), 220],
    getLineWidth: 2,
  });
  return [population, circle, facilities, selection];
}
