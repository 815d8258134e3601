import { InputError } from '../errors.ts';
import type { OsmData } from '../io/osm/types.ts';

/** A city extract never needs points farther than this from its centre, however small it is. */
const MIN_REACH_KM = 100;
/** …nor farther than this many times the distance within which nine in ten of its nodes lie. */
const REACH_FACTOR = 10;
const KM_PER_DEGREE = 111.32;

/**
 * Refuses an extract holding nodes that cannot belong to one city (a node in Beijing in a
 * Nanjing extract, a way on to Sydney): they make every later step (grids, H3 fills, routing)
 * span a continent. The centre is the per-axis median and the reach is scaled by the spread of
 * the nodes, so that one stray node decides nothing and a province extract still passes. Runs
 * in one pass over the nodes, before anything expensive.
 *
 * @throws InputError E_FAR_GEOMETRY naming the farthest nodes, their distance and the reach.
 */
export function checkOsmExtent(osm: OsmData, file: string): void {
  const count = osm.nodes.size;
  if (count < 2) return;
  const lons = new Float64Array(count);
  const lats = new Float64Array(count);
  let i = 0;
  for (const node of osm.nodes.values()) {
    lons[i] = node.lon;
    lats[i] = node.lat;
    i++;
  }
  const centre = [median(lons), median(lats)] as const;
  const cos = Math.cos((centre[1] * Math.PI) / 180);
  const km = (lon: number, lat: number) =>
    KM_PER_DEGREE * Math.hypot((lon - centre[0]) * cos, lat - centre[1]);
  const distances = new Float64Array(count);
  for (let k = 0; k < count; k++) distances[k] = km(lons[k], lats[k]);
  const p90 = quantile(distances, 0.9);
  const reach = Math.max(MIN_REACH_KM, REACH_FACTOR * p90);
  const far: { id: number; km: number; lon: number; lat: number }[] = [];
  for (const [id, node] of osm.nodes) {
    const d = km(node.lon, node.lat);
    if (d > reach) far.push({ id, km: d, lon: node.lon, lat: node.lat });
  }
  if (far.length === 0) return;
  far.sort((a, b) => b.km - a.km);
  const listed = far
    .slice(0, 5)
    .map((f) => `node ${f.id} (${f.lon}, ${f.lat}) ${Math.round(f.km)} km`)
    .join('; ');
  throw new InputError(
    'E_FAR_GEOMETRY',
    `${far.length} node(s) lie farther than ${Math.round(reach)} km from the extract's centre ` +
      `(${centre[0].toFixed(4)}, ${centre[1].toFixed(4)}; 90% of nodes within ${p90.toFixed(1)} km): ${listed}. ` +
      `Remove them or clip the extract to the city; 部分节点远离城市范围，请裁剪数据`,
    { file },
  );
}

function median(values: Float64Array): number {
  return quantile(values, 0.5);
}

/** The q-quantile (nearest rank) of a copy, so the input keeps its order. */
function quantile(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
