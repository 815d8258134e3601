import type { Reason } from '../table/types.ts';

/**
 * The catalogue of row-level rejection reasons. Codes are stable (tests and the UI key on them);
 * texts are what the planner reads in the wizard and in rejected.csv.
 */
export const reasons = {
  missingValue: (): Reason => ({
    code: 'E_MISSING_VALUE',
    zh: '必填项为空',
    en: 'required value is empty',
  }),
  badNumber: (): Reason => ({
    code: 'E_BAD_NUMBER',
    zh: '不是有效数字',
    en: 'not a valid number',
  }),
  negative: (): Reason => ({
    code: 'E_NEGATIVE',
    zh: '不能为负数',
    en: 'must not be negative',
  }),
  notInteger: (): Reason => ({
    code: 'E_NOT_INTEGER',
    zh: '应为整数',
    en: 'must be a whole number',
  }),
  badFloor: (): Reason => ({
    code: 'E_BAD_FLOOR',
    zh: '楼层应为 -5 到 200 之间的非零整数',
    en: 'floor must be a non-zero whole number between -5 and 200',
  }),
  badBoolean: (): Reason => ({
    code: 'E_BAD_BOOLEAN',
    zh: '应为 有/无、是/否 或 1/0',
    en: 'must be yes/no, true/false or 1/0',
  }),
  unknownType: (): Reason => ({
    code: 'E_UNKNOWN_TYPE',
    zh: '未知的设施类型（可用：街道综合养老服务中心、社区养老服务站、日间照料中心、嵌入式养老机构、睦邻点、养老驿站）',
    en: 'unknown facility type (known: street centre, community station, day care, embedded institution, neighbourhood point, care post)',
  }),
  coordRange: (): Reason => ({
    code: 'E_COORD_RANGE',
    zh: '坐标超出经纬度范围（经度 ±180，纬度 ±90）',
    en: 'coordinate outside longitude ±180 / latitude ±90',
  }),
  swapped: (): Reason => ({
    code: 'E_SWAPPED',
    zh: '经纬度疑似颠倒（looks swapped），请检查列映射或数据，系统不会自动交换',
    en: 'longitude and latitude look swapped; fix the mapping or the data (never swapped automatically)',
  }),
  outsideChina: (): Reason => ({
    code: 'E_OUTSIDE_CHINA',
    zh: '坐标不在中国范围内',
    en: 'coordinate outside China',
  }),
  badCoordPair: (): Reason => ({
    code: 'E_BAD_COORD_PAIR',
    zh: '坐标应写作 "经度,纬度"',
    en: 'coordinate must be written as "lng,lat"',
  }),
  duplicateId: (otherRows: number[]): Reason => ({
    code: 'E_DUPLICATE_ID',
    zh: `编号重复（另见第 ${otherRows.join('、')} 行）`,
    en: `duplicate id (also on row ${otherRows.join(', ')})`,
  }),
  fieldCount: (expected: number, actual: number): Reason => ({
    code: 'E_FIELD_COUNT',
    zh: `字段数 ${actual} 多于表头的 ${expected} 列`,
    en: `${actual} fields, more than the ${expected} header columns`,
  }),
  badQuotes: (): Reason => ({
    code: 'E_CSV_QUOTES',
    zh: '引号不配对，该行无法可靠拆分',
    en: 'unbalanced quotes; the row cannot be split reliably',
  }),
  geometryType: (type: string): Reason => ({
    code: 'E_GEOMETRY_TYPE',
    zh: `不支持的几何类型 ${type}（需要点或面）`,
    en: `unsupported geometry type ${type} (need a point or polygon)`,
  }),
  missingGeometry: (): Reason => ({
    code: 'E_MISSING_GEOMETRY',
    zh: '缺少几何',
    en: 'geometry is missing',
  }),
} as const;

export function reasonText(reason: Reason): string {
  return `${reason.code} ${reason.zh} / ${reason.en}`;
}
