/** Small formatting helpers shared by the English report strings. */
export const sep = ', ';
export const fig = (n: number) => (n > 0 ? ` (Figure ${n})` : '');
export const see = (n: number) => (n > 0 ? `Figure ${n} maps it` : 'no map is drawn');
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const UNIT_LABELS: Record<string, string> = {
  share: 'share',
  m2: 'm²',
  'm2/resident': 'm² per resident',
  'm2/100 households': 'm² per 100 households',
  elders60: 'people aged 60+',
  elders65: 'people aged 65+',
  elders80: 'people aged 80+',
  residents: 'residents',
  sites: 'sites',
  units: 'units',
  floor: 'floor',
};
