import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { CityData, ServedFeatures } from '../data/city-data.ts';
import { servedFileUrl } from '../data/city-ref.ts';
import { ROAD_CLASSES, type RoadClassStyle } from './road-classes.ts';

export const BASE_COLOURS = {
  background: '#f3f1ec',
  water: '#b5d3e7',
  waterOutline: '#9cc2dc',
  green: '#d7e7c9',
  building: '#d9d6d0',
  residentialBuilding: '#e3d7c8',
  buildingOutline: '#c3b8aa',
  communityUnit: '#6b7785',
  streetUnit: '#3e4c59',
} as const;

const zoomWidth = (z12: number, z18: number): ExpressionSpecification => [
  'interpolate',
  ['exponential', 1.6],
  ['zoom'],
  12,
  z12,
  18,
  z18,
];

const highwayIn = (highways: string[]): ExpressionSpecification => [
  'in',
  ['get', 'highway'],
  ['literal', highways],
];

const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A base-map source's data: a served file's URL, which maplibre's worker fetches and parses off
 * the page's thread (copying a county's features to it took the page seconds), or the features
 * of a city built in the browser.
 */
export function sourceData<T extends FeatureCollection>(features: T | ServedFeatures): T | string {
  return 'url' in features ? features.url : features;
}

/**
 * The offline base map: a style built from the city's own GeoJSON (no tiles, no sprites, no
 * glyphs, so no text layers), from the city's own folder (the service worker keeps it offline)
 * or from memory. The units stay in memory: the user's flags may have changed them.
 */
export function buildBaseStyle(city: CityData): StyleSpecification {
  return {
    version: 8,
    name: `CareCircle offline · ${city.manifest.name}`,
    sources: {
      basemap: { type: 'geojson', data: sourceData(city.basemap) },
      // Filled in once the view reaches the buildings' zoom (load-buildings.ts).
      buildings: { type: 'geojson', data: NO_FEATURES },
      // The page holds the roads (the register's view keys on them), maplibre reads its own.
      roads: { type: 'geojson', data: servedFileUrl(city, 'roads.geojson') ?? city.roads },
      units: { type: 'geojson', data: city.units },
    },
    layers: [
      {
        id: 'background',
        type: 'background',
        paint: { 'background-color': BASE_COLOURS.background },
      },
      ...areaLayers(),
      buildingLayer(),
      ...roadLayers(),
      ...unitLayers(),
    ],
  };
}

function areaLayers(): LayerSpecification[] {
  return [
    {
      id: 'basemap-green',
      type: 'fill',
      source: 'basemap',
      filter: ['all', ['==', ['get', 'kind'], 'green'], ['==', ['geometry-type'], 'Polygon']],
      paint: { 'fill-color': BASE_COLOURS.green },
    },
    {
      id: 'basemap-water',
      type: 'fill',
      source: 'basemap',
      // Fill layers would also close and fill river centre lines: polygons only.
      filter: ['all', ['==', ['get', 'kind'], 'water'], ['==', ['geometry-type'], 'Polygon']],
      paint: { 'fill-color': BASE_COLOURS.water, 'fill-outline-color': BASE_COLOURS.waterOutline },
    },
    {
      // Rivers and canals mapped as centre lines only (OSM waterway=*), not as areas.
      id: 'basemap-waterway',
      type: 'line',
      source: 'basemap',
      filter: ['all', ['==', ['get', 'kind'], 'water'], ['==', ['geometry-type'], 'LineString']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASE_COLOURS.water, 'line-width': zoomWidth(1.5, 14) },
    },
  ];
}

/** Buildings appear from street-block scale, as on the common planning base maps. */
export const BUILDINGS_MINZOOM = 13;

function buildingLayer(): LayerSpecification {
  return {
    id: 'buildings',
    type: 'fill',
    source: 'buildings',
    // Below a block's scale buildings are specks; hidden, maplibre does not tile them either
    // (a county has 80,000), and their file is only read from this zoom (load-buildings.ts).
    minzoom: BUILDINGS_MINZOOM,
    paint: {
      'fill-color': [
        'case',
        ['==', ['get', 'residential'], true],
        BASE_COLOURS.residentialBuilding,
        BASE_COLOURS.building,
      ],
      'fill-outline-color': BASE_COLOURS.buildingOutline,
      'fill-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0.6, 16, 1],
    },
  };
}

/**
 * Below street-block scale a road is a pixel wide and its casing only blurs it, while each casing
 * layer draws every road of its class once more.
 */
const CASINGS_MINZOOM = 13;

/** Layer under which deck.gl's population cells are inserted: cells sit below every road. */
export const FIRST_ROAD_LAYER = roadLayers()[0]?.id ?? 'buildings';

/** All casings first, then all fills, so crossings of equal classes join cleanly. */
function roadLayers(): LayerSpecification[] {
  const casings = ROAD_CLASSES.filter((c) => c.casing !== undefined).map(casingLayer);
  return [...casings, ...ROAD_CLASSES.map(fillLayer)];
}

function casingLayer(road: RoadClassStyle): LayerSpecification {
  return {
    id: `roads-${road.id}-casing`,
    type: 'line',
    source: 'roads',
    minzoom: Math.max(road.minzoom ?? 0, CASINGS_MINZOOM),
    filter: highwayIn(road.highways),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': road.casing ?? road.color,
      'line-width': zoomWidth(road.widthZ12 + 0.8, road.widthZ18 + 2.5),
    },
  };
}

function fillLayer(road: RoadClassStyle): LayerSpecification {
  return {
    id: `roads-${road.id}`,
    type: 'line',
    source: 'roads',
    minzoom: road.minzoom ?? 0,
    filter: highwayIn(road.highways),
    layout: { 'line-cap': road.dashed ? 'butt' : 'round', 'line-join': 'round' },
    paint: {
      'line-color': road.color,
      'line-width': zoomWidth(road.widthZ12, road.widthZ18),
      ...(road.dashed ? { 'line-dasharray': [2, 1.5] } : {}),
    },
  };
}

/** Planning-unit boundaries above roads and cells: communities dashed, streets solid. */
function unitLayers(): LayerSpecification[] {
  return [
    {
      id: 'units-community',
      type: 'line',
      source: 'units',
      filter: ['==', ['get', 'level'], 'community'],
      paint: {
        'line-color': BASE_COLOURS.communityUnit,
        'line-width': zoomWidth(0.6, 1.6),
        'line-dasharray': [3, 2],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'units-street',
      type: 'line',
      source: 'units',
      filter: ['==', ['get', 'level'], 'street'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': BASE_COLOURS.streetUnit, 'line-width': zoomWidth(1.4, 3.5) },
    },
  ];
}
