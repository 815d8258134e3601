import type { OsmTags } from '../io/osm/types.ts';
import { type BBox, bboxOf, type LonLat, pointInRing } from './geometry.ts';
import type { OsmArea } from './osm-areas.ts';

/**
 * Residential classification of OSM buildings (METHOD.md §2).
 *
 * Explicit kinds decide: residential kinds are homes, every other named kind is not. The generic
 * `building=yes` (≈ 80 % of buildings in Chinese OSM) is decided by its own tags and by the land
 * use it stands in: residential when inside landuse=residential, or when nothing says otherwise
 * (no amenity/shop/office/… tag and not inside a non-residential land use or campus). This
 * over-counts homes in mixed commercial centres; the uncertainty is stated in METHOD.md.
 */
export const RESIDENTIAL_KINDS = new Set([
  'residential',
  'apartments',
  'house',
  'detached',
  'semidetached_house',
  'terrace',
  'dormitory',
  'bungalow',
  'farm',
]);

/** Kinds that say nothing about use; decided by context. */
export const GENERIC_KINDS = new Set(['yes', 'building', 'block']);

/** Tags on a building that mark a non-residential use. */
const NON_RESIDENTIAL_KEYS = [
  'amenity',
  'shop',
  'office',
  'tourism',
  'craft',
  'healthcare',
  'leisure',
  'man_made',
  'public_transport',
  'railway',
  'aeroway',
  'military',
];

/** Land uses / campuses whose generic buildings are taken as non-residential. */
const NON_RESIDENTIAL_LANDUSE = new Set([
  'commercial',
  'retail',
  'industrial',
  'education',
  'institutional',
  'military',
  'religious',
  'railway',
  'construction',
  'garages',
  'cemetery',
  'depot',
  'port',
  'brownfield',
]);
const NON_RESIDENTIAL_AMENITY = new Set([
  'school',
  'university',
  'college',
  'kindergarten',
  'hospital',
  'clinic',
  'prison',
  'place_of_worship',
  'townhall',
  'courthouse',
  'police',
  'fire_station',
  'marketplace',
  'parking',
]);
const NON_RESIDENTIAL_LEISURE = new Set([
  'park',
  'stadium',
  'sports_centre',
  'pitch',
  'track',
  'garden',
]);

/** Footprints smaller than this are sheds, kiosks or guard houses, not homes. */
export const MIN_RESIDENTIAL_FOOTPRINT_M2 = 30;

export type LandContext = 'residential' | 'non-residential';

export interface ContextArea {
  context: LandContext;
  rings: LonLat[][];
  bbox: BBox;
}

export function landContextOf(tags: OsmTags): LandContext | null {
  if (tags.landuse === 'residential') return 'residential';
  if (tags.landuse !== undefined && NON_RESIDENTIAL_LANDUSE.has(tags.landuse))
    return 'non-residential';
  if (tags.amenity !== undefined && NON_RESIDENTIAL_AMENITY.has(tags.amenity))
    return 'non-residential';
  if (tags.leisure !== undefined && NON_RESIDENTIAL_LEISURE.has(tags.leisure))
    return 'non-residential';
  return null;
}

/** Land-use areas that decide generic buildings; areas that are themselves buildings are skipped. */
export function contextAreas(areas: OsmArea[]): ContextArea[] {
  const result: ContextArea[] = [];
  for (const area of areas) {
    if (area.tags.building !== undefined) continue;
    const context = landContextOf(area.tags);
    if (context === null) continue;
    const bbox = bboxOf(area.outer.flat());
    if (bbox !== null) result.push({ context, rings: area.outer, bbox });
  }
  return result;
}

/** The land context at a point: non-residential wins over residential when areas overlap. */
export function contextAt(point: LonLat, areas: ContextArea[]): LandContext | null {
  let found: LandContext | null = null;
  for (const area of areas) {
    const [w, s, e, n] = area.bbox;
    if (point[0] < w || point[0] > e || point[1] < s || point[1] > n) continue;
    if (!area.rings.some((ring) => pointInRing(point, ring))) continue;
    if (area.context === 'non-residential') return 'non-residential';
    found = 'residential';
  }
  return found;
}

export function hasNonResidentialTags(tags: OsmTags): boolean {
  return NON_RESIDENTIAL_KEYS.some((key) => tags[key] !== undefined && tags[key] !== 'no');
}

/** True when the building is modelled as housing. */
export function isResidential(
  tags: OsmTags,
  footprintM2: number,
  context: LandContext | null,
): boolean {
  const kind = tags.building ?? 'yes';
  if (footprintM2 < MIN_RESIDENTIAL_FOOTPRINT_M2) return false;
  if (RESIDENTIAL_KINDS.has(kind)) return true;
  if (!GENERIC_KINDS.has(kind)) return false;
  if (hasNonResidentialTags(tags)) return false;
  return context !== 'non-residential';
}
