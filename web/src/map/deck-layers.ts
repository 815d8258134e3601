import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, Point } from 'geojson';
import type { FacilityProperties } from '../../../analysis/city/types.ts';
import type { CityData } from '../data/city-data.ts';
import { FACILITY_STYLE } from './facility-style.ts';

export const DECK_LAYER_IDS = {
  facilities: 'facilities',
  selection: 'facility-selected',
  selectionCircle: 'facility-selected-circle',
} as const;

export interface LayerVisibility {
  population: boolean;
  facilities: boolean;
}

export type FacilityFeature = Feature<Point, FacilityProperties>;

/** The facility layers of deck.gl, on top of everything (the population cells are maplibre's). */
export function buildDeckLayers(
  city: CityData,
  visible: LayerVisibility,
  selected: FacilityFeature | null = null,
  serviceRadiusM = 300,
): Layer[] {
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
  if (selected === null || !visible.facilities) return [facilities];
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
  return [circle, facilities, selection];
}
