/**
 * Header names seen in Chinese facility registers and population tables, per target field.
 * A synonym matches either the whole (normalised) header — "exact" — or any part of it —
 * "contains" — with a weight that says how sure the match is. Short Latin names (x, y, id) are
 * exact-only because they occur inside unrelated words.
 */
export type FacilityField =
  | 'id'
  | 'name'
  | 'type'
  | 'lon'
  | 'lat'
  | 'lonlat'
  | 'floorArea'
  | 'beds'
  | 'floorLevel'
  | 'lift';

export type PopulationField =
  | 'id'
  | 'name'
  | 'h3'
  | 'lon'
  | 'lat'
  | 'lonlat'
  | 'residents'
  | 'elders60'
  | 'elders65'
  | 'elders80'
  | 'households';

export type ImportField = FacilityField | PopulationField;

interface Synonym {
  text: string;
  weight: number;
  contains?: boolean;
}

const s = (text: string, weight: number, contains = false): Synonym => ({ text, weight, contains });

export const SYNONYMS: Record<ImportField, Synonym[]> = {
  id: [
    s('id', 1),
    s('编号', 1),
    s('机构编号', 1),
    s('设施编号', 1),
    s('代码', 0.8),
    s('code', 0.8),
    s('fid', 0.6),
    s('序号', 0.6),
    s('编号', 0.8, true),
  ],
  name: [
    s('名称', 1),
    s('机构名称', 1),
    s('设施名称', 1),
    s('站点名称', 1),
    s('name', 1),
    s('名字', 0.9),
    s('单位名称', 0.9),
    s('名称', 0.8, true),
    s('name', 0.7, true),
  ],
  type: [
    s('类型', 1),
    s('机构类型', 1),
    s('设施类型', 1),
    s('type', 1),
    s('类别', 0.9),
    s('分类', 0.8),
    s('类型', 0.8, true),
    s('type', 0.7, true),
  ],
  lon: [
    s('经度', 1),
    s('lng', 1),
    s('lon', 1),
    s('long', 0.9),
    s('longitude', 1),
    s('东经', 1),
    s('x', 0.6),
    s('x坐标', 0.8),
    s('坐标x', 0.8),
    s('经度', 0.9, true),
    s('lng', 0.85, true),
    s('longitude', 0.85, true),
    s('lon', 0.7, true),
  ],
  lat: [
    s('纬度', 1),
    s('lat', 1),
    s('latitude', 1),
    s('北纬', 1),
    s('y', 0.6),
    s('y坐标', 0.8),
    s('坐标y', 0.8),
    s('纬度', 0.9, true),
    s('latitude', 0.85, true),
    s('lat', 0.85, true),
  ],
  lonlat: [
    s('坐标', 0.9),
    s('经纬度', 1),
    s('经纬度坐标', 1),
    s('位置坐标', 0.9),
    s('coordinates', 0.9),
    s('lnglat', 1),
    s('lonlat', 1),
    s('lng,lat', 1),
    s('location', 0.7),
    s('经纬度', 0.8, true),
    s('坐标', 0.6, true),
  ],
  floorArea: [
    s('建筑面积', 1),
    s('面积', 0.95),
    s('floor_area', 1),
    s('floorarea', 1),
    s('area', 0.8),
    s('使用面积', 0.85),
    s('建筑面积', 0.9, true),
    s('面积', 0.7, true),
    s('area', 0.6, true),
  ],
  beds: [
    s('床位', 1),
    s('床位数', 1),
    s('beds', 1),
    s('bed', 0.9),
    s('床位', 0.85, true),
    s('beds', 0.8, true),
  ],
  floorLevel: [
    s('楼层', 1),
    s('所在楼层', 1),
    s('floor', 1),
    s('floor_level', 1),
    s('floorlevel', 1),
    s('层数', 0.5),
    s('楼层', 0.85, true),
  ],
  lift: [
    s('电梯', 1),
    s('有无电梯', 1),
    s('是否有电梯', 1),
    s('lift', 1),
    s('elevator', 1),
    s('haslift', 1),
    s('电梯', 0.85, true),
  ],
  h3: [s('h3', 1), s('h3_index', 1), s('h3index', 1), s('h3cell', 1), s('h3', 0.7, true)],
  residents: [
    s('常住人口', 1),
    s('人口', 0.9),
    s('residents', 1),
    s('population', 1),
    s('pop', 0.8),
    s('总人口', 1),
    s('常住人口', 0.9, true),
    s('人口', 0.5, true),
  ],
  elders60: [
    s('60岁以上', 1),
    s('60岁及以上', 1),
    s('60岁以上人口', 1),
    s('60+', 1),
    s('elders60', 1),
    s('老年人口', 0.9),
    s('60岁', 0.85, true),
  ],
  elders65: [
    s('65岁以上', 1),
    s('65岁及以上', 1),
    s('65岁以上人口', 1),
    s('65+', 1),
    s('elders65', 1),
    s('65岁', 0.85, true),
  ],
  elders80: [
    s('80岁以上', 1),
    s('80岁及以上', 1),
    s('80岁以上人口', 1),
    s('80+', 1),
    s('elders80', 1),
    s('高龄老人', 0.8),
    s('80岁', 0.85, true),
  ],
  households: [
    s('户数', 1),
    s('households', 1),
    s('总户数', 1),
    s('户', 0.8),
    s('户数', 0.85, true),
  ],
};

/**
 * Normalises a header for matching: NFKC (full-width letters and brackets, ㎡ → m2), lower
 * case, no spaces, and with trailing unit remarks such as "（㎡）" or "(个)" removed.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)$/u, '')
    .replace(/[:：]$/u, '');
}

const FIELDS = Object.keys(SYNONYMS) as ImportField[];
const scoreCache = new Map<string, Map<ImportField, number>>();
const SCORE_CACHE_LIMIT = 10_000;

/** Scores of one header against every field (memoised: headers repeat across files and rows). */
function scoresOf(header: string): Map<ImportField, number> {
  const cached = scoreCache.get(header);
  if (cached !== undefined) return cached;
  const h = normaliseHeader(header);
  const scores = new Map<ImportField, number>();
  if (h !== '' && !/^[+-]?[\d.,]+$/.test(h)) {
    for (const field of FIELDS) {
      let best = 0;
      for (const syn of SYNONYMS[field]) {
        const hit = syn.contains ? h.includes(syn.text) : h === syn.text;
        if (hit && syn.weight > best) best = syn.weight;
      }
      if (best > 0) scores.set(field, best);
    }
  }
  if (scoreCache.size >= SCORE_CACHE_LIMIT) scoreCache.clear();
  scoreCache.set(header, scores);
  return scores;
}

/** How well a header names a field, 0 (not at all) to 1 (an exact known name). */
export function headerScore(field: ImportField, header: string): number {
  return scoresOf(header).get(field) ?? 0;
}

/** How many cells of a row look like known column names (used to find the header row). */
export function headerLikeness(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (const score of scoresOf(cell).values()) {
      if (score >= 0.6) {
        count++;
        break;
      }
    }
  }
  return count;
}
