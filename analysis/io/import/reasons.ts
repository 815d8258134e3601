import type { Reason } from '../table/types.ts';

/** Floors a facility may be on (basements to high-rise), the one range every check uses. */
export const FLOOR_RANGE = [-5, 100] as const;

/** Beyond these a value is a typo or a unit mix-up (m² for cm², a total for a count), not a site. */
export const AREA_MAX_M2 = 100_000;
export const BEDS_MAX = 5_000;

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
    zh: `楼层应为 ${FLOOR_RANGE[0]} 到 ${FLOOR_RANGE[1]} 之间的非零整数`,
    en: `floor must be a non-zero whole number between ${FLOOR_RANGE[0]} and ${FLOOR_RANGE[1]}`,
  }),
  implausible: (max: number, unit: { zh: string; en: string }): Reason => ({
    code: 'E_IMPLAUSIBLE',
    zh: `数值不合理：应在 0 到 ${max.toLocaleString('en-US')} ${unit.zh}之间`,
    en: `implausible value: expected 0 to ${max.toLocaleString('en-US')} ${unit.en}`,
  }),
  ambiguousNumber: (): Reason => ({
    code: 'E_AMBIGUOUS_NUMBER',
    zh: '数字有歧义：逗号可能是千位分隔符，也可能是小数点，请改写为不带逗号的数字',
    en: 'ambiguous number: the comma may separate thousands or decimals; write it without a comma',
  }),
  truncated: (): Reason => ({
    code: 'E_TRUNCATED',
    zh: '文件在这一行中途结束（字段不全或引号未闭合），该行可能被截断',
    en: 'the file ends inside this row (fields missing or a quote left open): the row looks cut',
  }),
  outsideStudyArea: (marginM: number): Reason => ({
    code: 'E_OUTSIDE_STUDY_AREA',
    zh: `位于研究区（路网范围外扩 ${marginM} 米）之外`,
    en: `outside the study area (the road network's extent plus ${marginM} m)`,
  }),
  formulaWithoutValue: (): Reason => ({
    code: 'E_FORMULA_NO_VALUE',
    zh: '公式没有保存计算结果，请在 Excel 中重新计算并保存',
    en: 'formula without a saved result; recalculate and save the workbook in Excel',
  }),
  cellError: (error: string): Reason => ({
    code: 'E_CELL_ERROR',
    zh: `单元格为错误值 ${error}`,
    en: `the cell holds the error value ${error}`,
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

/** How a file-level note names an optional field: its usual column, and what becomes unknown. */
interface FieldWords {
  column: string;
  zh: string;
  en: string;
  numeric: boolean;
}

/** Notes on accepted rows: the value was read, but not exactly as written, or may be incomplete. */
export const warnings = {
  noFinalLineBreak: (): Reason => ({
    code: 'W_NO_FINAL_LINE_BREAK',
    zh: '文件末行没有换行符，最后一个值可能被截断，请核对',
    en: 'the file does not end with a line break: the last value may be cut, please check',
  }),
  polygonCentroid: (): Reason => ({
    code: 'W_POLYGON_CENTROID',
    zh: '面要素，取其质心作为设施位置',
    en: 'a polygon: placed at its centroid',
  }),
  largestPart: (parts: number): Reason => ({
    code: 'W_LARGEST_PART',
    zh: `多面要素（${parts} 个部分），取面积最大部分的质心`,
    en: `a multipolygon of ${parts} parts: placed at the centroid of its largest part`,
  }),
  mergedCell: (column: string): Reason => ({
    code: 'W_MERGED_CELL',
    zh: `合并单元格：本行的"${column}"取自合并区域的首个单元格`,
    en: `merged cell: "${column}" of this row is the value of the merged range`,
  }),
  defaulted: (fields: string[]): Reason => ({
    code: 'W_DEFAULTED',
    zh: `文件没有以下列，取默认值：${fields.join('、')}`,
    en: `the file has no column for ${fields.join(', ')}: default used`,
  }),
  unknownValue: (): Reason => ({
    code: 'W_UNKNOWN_VALUE',
    zh: '未填写：记为未知（不是 0），请补充实际值',
    en: 'empty: recorded as unknown (not 0); please supply the actual value',
  }),
  emptyColumn: (column: string, field: FieldWords): Reason => ({
    code: 'W_EMPTY_COLUMN',
    zh: `列「${column}」全部为空：所有设施的${field.zh}将显示为未知${field.numeric ? '（不是 0）' : ''}，请在文件中补充`,
    en: `column "${column}" is empty in every row: the ${field.en} of every facility will show as unknown${field.numeric ? ' (not 0)' : ''}; please fill it in`,
  }),
  noColumn: (field: FieldWords): Reason => ({
    code: 'W_NO_COLUMN',
    zh: `文件中没有「${field.column}」列：所有设施的${field.zh}将显示为未知${field.numeric ? '（不是 0）' : ''}`,
    en: `the file has no ${field.en} column: the ${field.en} of every facility will show as unknown${field.numeric ? ' (not 0)' : ''}`,
  }),
  keptOutside: (marginM: number): Reason => ({
    code: 'W_OUTSIDE_STUDY_AREA_KEPT',
    zh: `位于研究区（路网范围外扩 ${marginM} 米）之外，按用户选择保留`,
    en: `outside the study area (road network extent plus ${marginM} m), kept as chosen`,
  }),
} as const;

export function reasonText(reason: Reason): string {
  return `${reason.code} ${reason.zh} / ${reason.en}`;
}
