import type { CityBuilding } from './buildings.ts';
import { round7 } from './geometry.ts';
import type { PopulationCellRow } from './types.ts';

// Serialisation of city files: fixed key order and precision, one feature per line.

/** The file name without folders (the folder a user builds from does not belong in the output). */
export const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export const collection = (features: unknown[]) =>
  `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

export function buildingCollection(
  buildings: CityBuilding[],
  residents: Map<number, number>,
): string {
  return collection(
    buildings.map((b) => ({
      type: 'Feature',
      properties: { ...b.properties, residents: residents.get(b.properties.id) ?? 0 },
      geometry: {
        type: 'Polygon',
        coordinates: b.rings.map((ring) => ring.map(([x, y]) => [round7(x), round7(y)])),
      },
    })),
  );
}

export function populationCsv(rows: PopulationCellRow[]): string {
  const columns: (keyof PopulationCellRow)[] = [
    'h3',
    'residents',
    'elders60',
    'elders65',
    'elders80',
    'households',
    'unit_id',
    'street_id',
  ];
  return `${columns.join(',')}\n${rows.map((r) => columns.map((c) => r[c]).join(',')).join('\n')}${rows.length > 0 ? '\n' : ''}`;
}
