/** Small formatting helpers shared by the Chinese report strings. */
export const sep = '、';
export const fig = (n: number) => (n > 0 ? `（见图${n}）` : '');
export const see = (n: number) => (n > 0 ? `见图${n}` : '从略');
export const UNIT_LABELS: Record<string, string> = {
  share: '比例',
  m2: '平方米',
  'm2/resident': '平方米/人',
  'm2/100 households': '平方米/百户',
  elders60: '人（60岁及以上）',
  elders65: '人（65岁及以上）',
  elders80: '人（80岁及以上）',
  residents: '人',
  sites: '处',
  units: '个单元',
  floor: '层',
};

/** Licence ids as Chinese documents name them. */
export const licenceName = (id: string) =>
  id === 'ODbL-1.0' ? '开放数据库许可协议（ODbL 1.0）' : id;
