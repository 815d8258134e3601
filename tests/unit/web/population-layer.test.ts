import { createExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { PopulationCellRow } from '../../../analysis/city/types.ts';
import { elderClasses, elderColor } from '../../../web/src/map/elder-classes.ts';
import {
  populationCellAt,
  populationCells,
  populationFillColour,
} from '../../../web/src/map/population-layer.ts';

/** maplibre's own evaluator: the colour it would paint a cell with this many elders. */
function painted(expression: unknown, elders60: number): number[] {
  const parsed = createExpression(
    expression,
    'fill-color',
    latest.paint_fill['fill-color'] as never,
  );
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const colour = parsed.value.evaluate({ zoom: 12 }, {
    type: 'Polygon',
    properties: { elders60 },
  } as never) as { r: number; g: number; b: number };
  return [colour.r, colour.g, colour.b].map((c) => Math.round(c * 255));
}

const row = (h3: string, elders60: number): PopulationCellRow =>
  ({ h3, elders60, residents: elders60 * 4 }) as PopulationCellRow;

describe('population layer', () => {
  it('paints every value with the legend colour of its class, bounds included', () => {
    const classes = elderClasses([3, 8, 15, 30, 60, 120, 240, 480]);
    const expression = populationFillColour(classes);
    const probes = [0.4, ...classes.breaks, ...classes.breaks.map((b) => b + 0.01), 1e6];
    for (const v of probes) expect(painted(expression, v)).toEqual([...elderColor(v, classes)]);
  });

  it('paints one colour when the data has a single class', () => {
    const classes = elderClasses([]);
    expect(painted(populationFillColour(classes), 7)).toEqual([...elderColor(7, classes)]);
  });

  it('draws closed hexagons for cells with elders only', () => {
    const a = latLngToCell(32.04, 118.78, 9);
    const b = latLngToCell(32.05, 118.79, 9);
    const cells = populationCells([row(a, 12), row(b, 0)]);
    expect(cells.features).toHaveLength(1);
    const ring = cells.features[0].geometry.coordinates[0];
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    // GeoJSON order: longitude first.
    expect(ring[0][0]).toBeCloseTo(118.78, 1);
  });

  it('finds the cell under a point, and nothing where no elders are drawn', () => {
    const a = latLngToCell(32.04, 118.78, 9);
    const b = latLngToCell(32.05, 118.79, 9);
    const byCell = new Map([a, b].map((h3, i) => [h3, row(h3, i === 0 ? 5 : 0)]));
    const [latA, lngA] = cellToLatLng(a);
    const [latB, lngB] = cellToLatLng(b);
    expect(populationCellAt(byCell, 9, lngA, latA)?.h3).toBe(a);
    expect(populationCellAt(byCell, 9, lngB, latB)).toBeNull();
    expect(populationCellAt(byCell, 9, 118.9, 32.2)).toBeNull();
  });
});
