/**
 * How often distance to roads names the right coordinate system: random subsets of the demo
 * register (WGS-84, © OpenStreetMap contributors for the roads), written in each CRS, scored by
 * suggestCrs against the demo's roads. Prints, per true CRS, how often the road evidence pointed
 * to the right system, to a wrong one, or to none, and how often the CRS was decided (moved):
 *
 *   npx tsx tests/fuzz/crs-subsets.ts [--trials 500] [--seed N]
 */
import { readFileSync } from 'node:fs';
import { CRS_LIST, type Crs, fromWgs84 } from '../../analysis/io/crs/convert.ts';
import { roadDistanceIndex, roadLinesFromGeoJson } from '../../analysis/io/crs/road-distance.ts';
import { suggestCrs } from '../../analysis/io/crs/suggest-crs.ts';
import { seededRandom } from './truth.ts';

const CITY = new URL('../../data/nanjing-xinjiekou/', import.meta.url);

export interface SubsetTally {
  trials: number;
  right: number;
  wrong: number;
  none: number;
  decided: number;
}

export function measure(trials: number, seed: number): Record<Crs, SubsetTally> {
  const read = (name: string) => JSON.parse(readFileSync(new URL(name, CITY), 'utf8'));
  const sites = (
    read('facilities.geojson').features as { geometry: { coordinates: [number, number] } }[]
  ).map((f) => f.geometry.coordinates);
  const distance = roadDistanceIndex(roadLinesFromGeoJson(read('roads.geojson')));
  if (distance === undefined) throw new Error('the demo has no roads');
  const out = {} as Record<Crs, SubsetTally>;
  for (const truth of CRS_LIST) {
    const tally: SubsetTally = { trials, right: 0, wrong: 0, none: 0, decided: 0 };
    const r = seededRandom(seed + truth.length);
    for (let t = 0; t < trials; t++) {
      const size = 10 + Math.floor(r() * Math.min(40, sites.length - 10));
      const subset = shuffled(sites, r).slice(0, size);
      const points = subset.map(([lon, lat]) => fromWgs84(lon, lat, truth));
      const s = suggestCrs(points, { distanceToRoadsM: distance });
      if (s.crs !== 'unknown') tally.decided++;
      if (s.suggested === undefined) tally.none++;
      else if (s.suggested === truth) tally.right++;
      else tally.wrong++;
    }
    out[truth] = tally;
  }
  return out;
}

/** Fisher–Yates on a copy. */
function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

if (process.argv[1]?.endsWith('crs-subsets.ts')) {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at < 0 ? fallback : Number(process.argv[at + 1]);
  };
  const result = measure(arg('trials', 500), arg('seed', 1));
  for (const [crs, t] of Object.entries(result)) {
    const suggested = t.right + t.wrong;
    console.log(
      `${crs}: ${t.trials} subsets; roads suggested a CRS in ${suggested} (right ${t.right}, wrong ${t.wrong}` +
        `${suggested > 0 ? `, ${Math.round((100 * t.wrong) / suggested)}% wrong` : ''}), none in ${t.none}; decided (moved) ${t.decided}`,
    );
  }
}
