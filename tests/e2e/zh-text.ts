/**
 * What may appear in Latin letters in the zh-CN UI: units, standard and data-format names, map
 * and data sources (proper names). Anything else in Latin letters is untranslated text.
 */
export const LATIN_ALLOWED = new Set(
  [
    'm',
    'm²',
    'km',
    'km²',
    'h',
    'min',
    's',
    'ms',
    'MB',
    'KB',
    'GB',
    'H3',
    'OSM',
    'OpenStreetMap',
    'contributors',
    'ODbL',
    'CareCircle',
    'MapLibre',
    'CSV',
    'XLSX',
    'Excel',
    'Word',
    'PDF',
    'GeoJSON',
    'JSON',
    'Shapefile',
    'GeoPackage',
    'DXF',
    'PBF',
    'osm',
    'pbf',
    'UTF',
    'GBK',
    'WGS',
    'GCJ',
    'BD',
    'CGCS2000',
    'MCLP',
    'LSCP',
    'HiGHS',
    'AMap',
    'Overpass',
    'GDAL',
    'WebAssembly',
    // The language switch names the other language in its own words.
    'English',
  ].map((w) => w.toLowerCase()),
);

/** Internal ids that must never reach a user: profile ids, row/facility/cell ids, solver codes. */
export const INTERNAL_IDS: { name: string; pattern: RegExp }[] = [
  { name: 'profile id', pattern: /\b[a-z]+-(?:19|20)\d\d\b/ },
  { name: 'profile id', pattern: /\bprovince-(?:plan|report)\b/ },
  { name: 'row id', pattern: /\brow-\d+\b/ },
  { name: 'facility id', pattern: /\bF\d{2,}\b/ },
  { name: 'H3 id', pattern: /\b[89][0-9a-f]{14}\b/ },
  { name: 'solver code', pattern: /\b(?:milp|optimal|time_limit|heuristic|infeasible)\b/i },
  { name: 'field name', pattern: /\b(?:share|elders60|residents|floorAreaM2|settings\.\w+)\b/ },
];

/** Latin words of a text that are not on the allow-list (numbers and symbols are fine). */
export function latinWords(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9²]*(?:[-_.][A-Za-z0-9²]+)*/g) ?? [];
  return words.filter(
    (w) =>
      !w.split(/[-_.]/).every(
        (part) =>
          LATIN_ALLOWED.has(part.toLowerCase()) ||
          /^\d+$/.test(part) ||
          // Planning units derived from the roads are named by their map label (C25, S01).
          /^[CS]\d{2}$/.test(part),
      ),
  );
}

export function internalIds(text: string): string[] {
  return INTERNAL_IDS.flatMap(({ name, pattern }) => {
    const hit = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`));
    return hit === null ? [] : hit.map((h) => `${name}: ${h}`);
  });
}
