import { InputError } from '../../analysis/errors.ts';
import type { RecommendedSites, ReportOptimiserRun } from '../../analysis/report/types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/**
 * Reads the optimiser's output file (`carecircle optimise --out FILE.json`): `result` (the
 * SitingResult) and `chosenSites` (candidates with coordinates); `sites` is accepted too.
 * Tolerant of missing summary fields, strict about site coordinates.
 */
export function readRecommendedSites(json: unknown, file: string): RecommendedSites {
  if (!isObject(json))
    throw new InputError('E_BAD_SITES', 'optimiser output must be a JSON object', { file });
  const list = Array.isArray(json.chosenSites)
    ? json.chosenSites
    : Array.isArray(json.sites)
      ? json.sites
      : [];
  const sites = list.map((raw, i) => {
    const at = { file, column: `sites[${i}]` };
    if (!isObject(raw))
      throw new InputError('E_BAD_SITES', 'each site must be an object with id, lon, lat', at);
    const lon = raw.lon;
    const lat = raw.lat;
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      Math.abs(lon) > 180 ||
      Math.abs(lat) > 90
    ) {
      throw new InputError(
        'E_BAD_COORD',
        `site needs numeric lon/lat, got ${JSON.stringify([lon, lat])}`,
        at,
      );
    }
    return {
      id: String(raw.id ?? `S${i + 1}`),
      ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
      lon,
      lat,
      ...(typeof raw.floorAreaM2 === 'number' ? { floorAreaM2: raw.floorAreaM2 } : {}),
      ...(typeof raw.unitId === 'string' ? { unitId: raw.unitId } : {}),
    };
  });
  if (sites.length === 0)
    throw new InputError(
      'E_BAD_SITES',
      'no sites with coordinates found (expected "chosenSites": [...])',
      { file },
    );
  const result = isObject(json.result) ? json.result : json;
  return {
    problem: result.problem === 'lscp' ? 'lscp' : 'mclp',
    method: String(result.method ?? '—'),
    status: String(result.status ?? '—'),
    minutes: num(json.minutes ?? result.minutes, 15),
    newlyCoveredElders: num(result.newlyCoveredWeight ?? result.newlyCovered, 0),
    coveredShareAfter: num(result.coveredShareAfter, 0),
    objective: num(result.objective, 0),
    bound: num(result.bound, 0),
    gap: num(result.gap, 0),
    sites,
  };
}

/** The optimiser run recorded in a scenario file (`origin`), when the optimiser wrote it. */
export function optimiserRunOf(json: unknown): ReportOptimiserRun | undefined {
  const scenario = isObject(json) && isObject(json.scenario) ? json.scenario : json;
  if (!isObject(scenario) || !isObject(scenario.origin)) return undefined;
  const o = scenario.origin;
  if (o.kind !== 'optimiser') return undefined;
  return {
    problem: o.problem === 'lscp' ? 'lscp' : 'mclp',
    method: String(o.method),
    status: String(o.status),
    minutes: num(o.minutes, 0),
    newSites: num(o.newSites, 0),
    newlyCoveredElders: num(o.newlyCoveredElders, 0),
    bound: num(o.bound, 0),
    gap: num(o.gap, 0),
  };
}
