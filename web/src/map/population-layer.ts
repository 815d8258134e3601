import type { FeatureCollection, Polygon } from 'geojson';
import { cellToBoundary, latLngToCell } from 'h3-js';
import type { ExpressionSpecification, FillLayerSpecification } from 'maplibre-gl';
import type { PopulationCellRow } from '../../../analysis/city/types.ts';
import type { ElderClasses } from './elder-classes.ts';
import { rgbCss } from './facility-style.ts';

/**
 * The population cells, drawn by maplibre rather than deck.gl: a county holds tens of thousands
 * of cells, and maplibre's tiled fill costs a fraction of deck.gl's per-frame hexagons on
 * software WebGL. Hover reads the cell under the pointer from H3 itself, so nothing is picked
 * on the GPU either.
 */
export const POPULATION_LAYER = 'population-h3';

export type PopulationCells = FeatureCollection<Polygon, { elders60: number }>;

/** Cells with elders as polygons (cells without any stay in the data but are not drawn). */
export function populationCells(rows: readonly PopulationCellRow[]): PopulationCells {
  return {
    type: 'FeatureCollection',
    features: rows
      .filter((row) => row.elders60 > 0)
      .map((row) => ({
        type: 'Feature',
        properties: { elders60: row.elders60 },
        // GeoJSON order (lng, lat), the ring closed by h3-js itself.
        geometry: { type: 'Polygon', coordinates: [cellToBoundary(row.h3, true)] },
      })),
  };
}

/** The classes as a maplibre expression: elderColor's rule (the first class whose bound is ≥ v). */
export function populationFillColour(classes: ElderClasses): ExpressionSpecification {
  const last = classes.colors[classes.colors.length - 1];
  if (classes.breaks.length === 0) return ['to-color', rgbCss(last)];
  const cases = classes.breaks.flatMap((bound, i) => [
    ['<=', ['get', 'elders60'], bound],
    rgbCss(classes.colors[i]),
  ]);
  return ['case', ...cases, rgbCss(last)] as ExpressionSpecification;
}

export function populationLayer(look: {
  classes: ElderClasses;
  visible: boolean;
}): FillLayerSpecification {
  const { classes, visible } = look;
  return {
    id: POPULATION_LAYER,
    type: 'fill',
    source: POPULATION_LAYER,
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: {
      'fill-color': populationFillColour(classes),
      'fill-opacity': 0.62,
      'fill-outline-color': 'rgba(255, 255, 255, 0.35)',
    },
  };
}

/** The city's cell under a point, if it holds elders (what the map draws). */
export function populationCellAt(
  byCell: ReadonlyMap<string, PopulationCellRow>,
  resolution: number,
  lng: number,
  lat: number,
): PopulationCellRow | null {
  const row = byCell.get(latLngToCell(lat, lng, resolution));
  return row !== undefined && row.elders60 > 0 ? row : null;
}
