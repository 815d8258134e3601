import type { Bilingual } from '../quote-check.ts';

/**
 * Why a finding is not evaluable, and the notes findings carry, by code (the SQL of the rules
 * yields codes; readers get both languages).
 */
export const REASONS: Record<string, Bilingual> = {
  no_register: {
    zh: '没有设施名册（名册为空），无法评估',
    en: 'no facility register (the register is empty)',
  },
  no_population: {
    zh: '范围内没有老年人或常住人口数据',
    en: 'no elders or residents in the scope',
  },
  no_network: {
    zh: '本城市缺少该出行方式的路网',
    en: 'the city has no road network for this travel mode',
  },
  no_units: {
    zh: '单元文件中没有该级别（或该城乡类型）的单元',
    en: 'the unit file has no units of this level (or area type)',
  },
  no_area_units: {
    zh: '单元文件中没有该城乡类型的单元',
    en: 'the unit file has no units of this area type',
  },
  no_sites: {
    zh: '名册中没有该类设施，无可核查对象',
    en: 'the register has no site of these types to check',
  },
  no_attribute: {
    zh: '名册没有该字段（未记录），无法评估',
    en: 'the register does not record this field',
  },
  unknown_value: {
    zh: '名册未记录所需数值（面积或楼层留空），按已记录的数值无法判定',
    en: 'the register leaves a needed value empty (area or floor); the recorded values do not decide',
  },
  attribute_partial: {
    zh: '部分设施未记录该字段，比例介于下限与上限之间，无法判定',
    en: 'some facilities do not record this field; the share lies between its bounds',
  },
};

export const NOTES: Record<string, Bilingual> = {
  above_max: { zh: '超过上限；缺口为超出的面积', en: 'above the maximum; shortfall = m² over' },
  lift_above_limit: {
    zh: '高于楼层限制，但有电梯',
    en: 'above the floor limit, has a lift',
  },
  lift_not_allowed: {
    zh: '高于楼层限制；本条不因电梯放宽',
    en: 'above the floor limit; a lift does not lift this rule',
  },
  city_units: {
    zh: '实际值＝达标单元数；要求值＝单元数；缺口＝缺少的设施数',
    en: 'value = units meeting the rule; required = units; shortfall = sites missing',
  },
  city_sites: {
    zh: '实际值＝达标设施数；要求值＝核查设施数；缺口＝未达标设施数',
    en: 'value = sites passing; required = sites checked; shortfall = sites failing',
  },
  unit_share: {
    zh: '实际值＝达标单元比例；缺口＝尚缺的达标单元数',
    en: 'value = share of units meeting the condition; shortfall = units missing',
  },
  attribute_share: {
    zh: '实际值＝字段为“是”的设施比例；缺口＝尚缺的设施数',
    en: 'value = share of facilities with the field true; shortfall = facilities missing',
  },
  attribute_missing_some: {
    zh: '部分设施未记录该字段，按“否”计（下限）',
    en: 'some facilities do not record the field; counted as no (a lower bound)',
  },
};
