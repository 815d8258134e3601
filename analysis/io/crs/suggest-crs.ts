import { CRS_LABELS, CRS_LIST, type Crs, type CrsHint, isInChinaBox, toWgs84 } from './convert.ts';
import type { DistanceToRoads } from './road-distance.ts';

export interface CrsScore {
  /** Median distance (m) from the converted sample points to the nearest road; null without roads. */
  medianRoadDistanceM: number | null;
  sample: number;
}

export interface CrsSuggestion {
  /** 'unknown' means: ask the user (the CLI requires --crs then). */
  crs: Crs | 'unknown';
  /**
   * What the distances to roads point to, when they clearly point somewhere: shown to the user
   * with the scores, never applied by itself (crs stays 'unknown' unless the file names its CRS).
   */
  suggested?: Crs;
  /** Stable code of the rule that decided. */
  basis: 'outside-china' | 'hint' | 'roads' | 'undecided' | 'conflict' | 'no-points';
  zh: string;
  en: string;
  scores: Record<Crs, CrsScore>;
  hints: CrsHint[];
}

export interface SuggestCrsOptions {
  hints?: CrsHint[];
  /** Distance to the city's WGS-84 roads, e.g. from roadDistanceIndex(). */
  distanceToRoadsM?: DistanceToRoads;
  /** The best median must be below this share of the runner-up's to count as evidence. */
  decisiveRatio?: number;
}

const MAX_SAMPLE = 300;
// Roads are weak evidence. Measured on the Nanjing Xinjiekou demo (its roads.geojson; building
// centroids and the demo facilities written in each CRS; tests/fixtures/io/crs-road-experiment.ts):
// the true CRS's median distance to roads was 23–50 m, the wrong ones' 24–166 m. A 0.7 ratio on a
// few clustered points picked a wrong CRS in 9 of 66 trials. With ≥ 10 points spread over ≥ 3 km
// and a 0.5 ratio: 46 right, 1 wrong, 313 'unknown' of 360 trials. So the rule mostly says
// 'unknown' (ask the user), and suggests only the clear cases — mostly BD-09 (≈ 1 km off WGS-84).
// On random subsets of the demo's own register (tests/fuzz/crs-subsets.ts, 500 per CRS) every
// road-based suggestion for WGS-84 and GCJ-02 data was wrong: roads never decide on their own.
const MIN_SAMPLE = 10;
const MIN_SPREAD_M = 3000;

/**
 * Suggests the CRS of a set of points. Honest about how weak this is: the three systems differ
 * by a few hundred metres, so the coordinates alone cannot tell them apart. Evidence in order:
 * 1. all points outside China → WGS-84 (no offset is applied there);
 * 2. CRS names in headers or the file name ("bd_lng", "高德");
 * 3. with a road reference: the CRS whose converted points lie closest to roads (median), if
 *    clearly closer than the others, is offered as `suggested` with the scores: the answer
 *    stays 'unknown', because road distances alone pick the wrong system too often to move
 *    data on them (a name that contradicts the roads is a conflict: 'unknown' too);
 * otherwise 'unknown' with the scores, so that the UI can show why and ask.
 */
export function suggestCrs(
  points: [number, number][],
  options: SuggestCrsOptions = {},
): CrsSuggestion {
  const hints = options.hints ?? [];
  const inChina = points.filter(([lon, lat]) => isInChinaBox(lon, lat));
  const sample = evenSample(inChina, MAX_SAMPLE);
  const scores = scoreByRoads(sample, options.distanceToRoadsM);
  const spreadM = spreadMetres(sample);
  const base = { scores, hints };
  if (points.length === 0) {
    return {
      ...base,
      crs: 'unknown',
      basis: 'no-points',
      zh: '没有有效坐标，无法判断坐标系',
      en: 'no valid coordinates to judge the CRS from',
    };
  }
  if (inChina.length === 0) {
    return {
      ...base,
      crs: 'wgs84',
      basis: 'outside-china',
      zh: '全部点位于中国境外，境外不存在偏移，按 WGS-84 处理',
      en: 'all points are outside China, where no offset applies: WGS-84',
    };
  }
  const hinted = distinct(hints.map((h) => h.crs));
  const byRoads =
    spreadM >= MIN_SPREAD_M ? roadWinner(scores, options.decisiveRatio ?? 0.5) : undefined;
  if (hinted.length === 1) {
    const crs = hinted[0];
    if (byRoads !== undefined && byRoads !== crs) {
      return {
        ...base,
        crs: 'unknown',
        basis: 'conflict',
        zh: `列名/文件名提示 ${crs}，但与道路的距离更支持 ${byRoads}`,
        en: `names suggest ${crs} but distances to roads favour ${byRoads}`,
      };
    }
    const names = hints.map((h) => `"${h.text}"`).join(', ');
    return {
      ...base,
      crs,
      basis: 'hint',
      zh: `列名/文件名 ${names} 表明为 ${crs}`,
      en: `${names} names ${crs}`,
    };
  }
  if (byRoads !== undefined) {
    // Measured on random subsets of the demo register (tests/fuzz/crs-subsets.ts): the closest
    // CRS to roads was wrong too often to move anyone's data on that alone.
    const numbers = CRS_LIST.map((c) => `${c} ${scores[c].medianRoadDistanceM} m`).join(', ');
    const zhNumbers = CRS_LIST.map(
      (c) => `${CRS_LABELS[c].zh} ${scores[c].medianRoadDistanceM} 米`,
    ).join('，');
    return {
      ...base,
      crs: 'unknown',
      suggested: byRoads,
      basis: 'roads',
      zh: `按${CRS_LABELS[byRoads].zh}换算后点位离道路最近（中位数：${zhNumbers}），仅供参考，请确认坐标系`,
      en: `points lie closest to roads as ${byRoads} (median distance: ${numbers}); a hint only: please choose the CRS`,
    };
  }
  const why =
    hinted.length > 1 ? 'names suggest several systems' : 'no names and no clear road evidence';
  return {
    ...base,
    crs: 'unknown',
    basis: 'undecided',
    zh: '无法自动判断坐标系，请选择',
    en: `cannot tell the CRS (${why}); please choose`,
  };
}

function scoreByRoads(
  sample: [number, number][],
  distance?: DistanceToRoads,
): Record<Crs, CrsScore> {
  const out = {} as Record<Crs, CrsScore>;
  for (const crs of CRS_LIST) {
    if (distance === undefined || sample.length === 0) {
      out[crs] = { medianRoadDistanceM: null, sample: sample.length };
      continue;
    }
    const d = sample.map(([lon, lat]) => distance(...toWgs84(lon, lat, crs)));
    out[crs] = { medianRoadDistanceM: Math.round(median(d) * 10) / 10, sample: sample.length };
  }
  return out;
}

function roadWinner(scores: Record<Crs, CrsScore>, ratio: number): Crs | undefined {
  const ranked = CRS_LIST.filter(
    (c) => scores[c].medianRoadDistanceM !== null && scores[c].sample >= MIN_SAMPLE,
  ).sort((a, b) => (scores[a].medianRoadDistanceM ?? 0) - (scores[b].medianRoadDistanceM ?? 0));
  if (ranked.length < 2) return undefined;
  const best = scores[ranked[0]].medianRoadDistanceM ?? 0;
  const second = scores[ranked[1]].medianRoadDistanceM ?? 0;
  return best < second * ratio ? ranked[0] : undefined;
}

/** Diagonal of the points' bounding box in metres. */
function spreadMetres(points: [number, number][]): number {
  if (points.length === 0) return 0;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const kx = 111_320 * Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180));
  return Math.hypot(
    (Math.max(...lons) - Math.min(...lons)) * kx,
    (Math.max(...lats) - Math.min(...lats)) * 110_574,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function evenSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]);
}

function distinct<T>(items: T[]): T[] {
  return [...new Set(items)];
}
