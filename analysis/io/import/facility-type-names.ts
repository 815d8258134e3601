import type { FacilityType } from '../../vocabulary.ts';

import { FACILITY_TYPES } from '../../vocabulary.ts';

export { FACILITY_TYPES };

/** Names used in official lists, exactly (after removing spaces). */
const EXACT: Record<string, FacilityType> = {
  街道综合养老服务中心: 'street_center',
  综合养老服务中心: 'street_center',
  街道养老服务中心: 'street_center',
  区域养老服务中心: 'street_center',
  社区养老服务站: 'community_station',
  养老服务站: 'community_station',
  社区居家养老服务站: 'community_station',
  居家养老服务站: 'community_station',
  日间照料中心: 'day_care',
  老年人日间照料中心: 'day_care',
  社区日间照料中心: 'day_care',
  照料中心: 'day_care',
  嵌入式养老机构: 'embedded_institution',
  嵌入式养老院: 'embedded_institution',
  睦邻点: 'neighbourhood_point',
  养老睦邻点: 'neighbourhood_point',
  驿站: 'care_post',
  养老驿站: 'care_post',
  养老服务驿站: 'care_post',
  助餐点: 'meal_point',
  老年助餐点: 'meal_point',
  城市老年助餐点: 'meal_point',
  老年食堂: 'meal_point',
  幸福食堂: 'meal_point',
  长者食堂: 'meal_point',
  老饭桌: 'meal_point',
};

/**
 * Keyword rules for longer or local names, most specific first ("日间照料" before "服务站",
 * "嵌入式" before "机构"). Facilities outside the service-circle typology (养老院, 敬老院,
 * 护理院) deliberately match nothing: they are rejected, not forced into a type.
 */
const KEYWORDS: [RegExp, FacilityType][] = [
  [/助餐|食堂|老饭桌/u, 'meal_point'],
  [/日间照料|日照中心/u, 'day_care'],
  [/睦邻/u, 'neighbourhood_point'],
  [/驿站/u, 'care_post'],
  [/嵌入式/u, 'embedded_institution'],
  [/综合.*(养老)?服务中心|街道.*养老.*中心/u, 'street_center'],
  [/养老服务站|居家养老.*站/u, 'community_station'],
  [/照料中心/u, 'day_care'],
];

/** Maps a type cell (Chinese name or one of the codes) to a FacilityType, or undefined. */
export function facilityTypeOf(raw: string): FacilityType | undefined {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return undefined;
  const code = text.toLowerCase() as FacilityType;
  if (FACILITY_TYPES.includes(code)) return code;
  const exact = EXACT[text];
  if (exact !== undefined) return exact;
  for (const [pattern, type] of KEYWORDS) {
    if (pattern.test(text)) return type;
  }
  return undefined;
}
