import { InputError, type InputLocation } from '../../errors.ts';
import type { OsmData } from './types.ts';

/**
 * Stores a node, refusing an id seen before at another place: which of the two the ways mean
 * cannot be known, and a stray copy far away makes every later step span the distance. The same
 * node repeated at the same place (concatenated Overpass answers) is harmless and kept once.
 *
 * @throws InputError E_DUPLICATE_ID
 */
export function setNode(
  osm: OsmData,
  id: number,
  lon: number,
  lat: number,
  where: () => InputLocation,
): void {
  const seen = osm.nodes.get(id);
  if (seen !== undefined && (seen.lon !== lon || seen.lat !== lat)) {
    throw new InputError(
      'E_DUPLICATE_ID',
      `node ${id} appears twice, at (${seen.lon}, ${seen.lat}) and at (${lon}, ${lat}); 节点编号重复`,
      where(),
    );
  }
  osm.nodes.set(id, { lon, lat });
}
