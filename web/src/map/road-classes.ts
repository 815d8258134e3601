/**
 * How OSM highway classes are drawn on the offline base map. Widths are in pixels at zoom 12 and
 * zoom 18 (interpolated exponentially between), like the light "planning" styles of national
 * mapping agencies: arterials tinted, local streets white with a grey casing, paths dashed.
 */
export interface RoadClassStyle {
  id: string;
  highways: string[];
  color: string;
  casing?: string;
  widthZ12: number;
  widthZ18: number;
  dashed?: boolean;
  minzoom?: number;
}

/** Drawn in this order (paths first, motorways last, so bigger roads sit on top). */
export const ROAD_CLASSES: RoadClassStyle[] = [
  {
    id: 'path',
    highways: [
      'footway',
      'path',
      'pedestrian',
      'steps',
      'cycleway',
      'corridor',
      'bridleway',
      'track',
    ],
    color: '#b3aa9c',
    widthZ12: 0.4,
    widthZ18: 2,
    dashed: true,
    minzoom: 14,
  },
  {
    id: 'service',
    highways: ['service'],
    color: '#ffffff',
    casing: '#d4cfc6',
    widthZ12: 0.3,
    widthZ18: 5,
    minzoom: 13,
  },
  {
    id: 'minor',
    highways: ['residential', 'unclassified', 'living_street', 'road', 'other'],
    color: '#ffffff',
    casing: '#cfc8bc',
    widthZ12: 0.6,
    widthZ18: 9,
  },
  {
    id: 'tertiary',
    highways: ['tertiary', 'tertiary_link'],
    color: '#ffffff',
    casing: '#c4bcae',
    widthZ12: 1,
    widthZ18: 12,
  },
  {
    id: 'secondary',
    highways: ['secondary', 'secondary_link'],
    color: '#fbeab5',
    casing: '#d9c07a',
    widthZ12: 1.3,
    widthZ18: 14,
  },
  {
    id: 'primary',
    highways: ['primary', 'primary_link'],
    color: '#f8d78c',
    casing: '#d1a548',
    widthZ12: 1.6,
    widthZ18: 16,
  },
  {
    id: 'motorway',
    highways: ['motorway', 'motorway_link', 'trunk', 'trunk_link'],
    color: '#f2b27c',
    casing: '#c77f3f',
    widthZ12: 2,
    widthZ18: 18,
  },
];
