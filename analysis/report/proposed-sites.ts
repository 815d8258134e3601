import { cellToLatLng, isValidCell } from 'h3-js';
import type { AnalysisResult } from '../coverage/analyse-city.ts';
import { diffFacilities } from '../siting/scenario-diff.ts';
import type { SiteFacility } from '../siting/scenario-types.ts';
import type { SiteState } from '../style/palette.ts';
import { describeLocation, type PlaceDescription, type PlaceIndex } from './describe-location.ts';
import type { ReportInput, ReportLang } from './types.ts';

/**
 * Every site the proposal adds, moves, resizes, retypes or closes, and every site the optimiser
 * recommends, with its location in words and the elders it newly brings within `minutes`.
 * Newly served elders of an added or moved site: the cells covered after and not before, each
 * given to the nearest (straight line) added/moved site — an attribution, stated as such.
 */
export interface ProposedSite {
  id: string;
  name: string;
  state: SiteState;
  /** Changed properties in words are rendered by the sections; raw values here. */
  type: SiteFacility['type'] | null;
  floorAreaM2: number | null;
  previousFloorAreaM2: number | null;
  beds: number | null;
  lon: number;
  lat: number;
  location: PlaceDescription;
  newlyServedElders: number | null;
}

/** Names such as "拟建站点 8a3091190727fff" carry an internal code, not a place. */
// Also building and grid candidates of the optimiser ("拟建站点 B318173189", "候选点 G12").
const CODE_NAME = /^(拟建站点|候选点|candidate)\s*(\S*[0-9a-f]{15}\S*|[A-Z]?\d+)$/i;
const H3_IN_TEXT = /[0-9a-f]{15}/i;

export function isCodeName(name: string): boolean {
  return CODE_NAME.test(name.trim()) || H3_IN_TEXT.test(name);
}

function coveredWithin(result: AnalysisResult, minutes: number): Set<string> {
  return new Set(
    result.cells
      .filter((c) => c.minutesNearest !== null && c.minutesNearest <= minutes)
      .map((c) => c.h3),
  );
}

/** Newly covered elders per site id, each newly covered cell given to the nearest site. */
function newlyServed(
  baseline: AnalysisResult,
  scenario: AnalysisResult,
  sites: readonly SiteFacility[],
  minutes: number,
): Map<string, number> {
  const out = new Map(sites.map((s) => [s.id, 0]));
  if (sites.length === 0) return out;
  const before = coveredWithin(baseline, minutes);
  for (const cell of scenario.cells) {
    if (cell.minutesNearest === null || cell.minutesNearest > minutes || before.has(cell.h3))
      continue;
    if (!isValidCell(cell.h3)) continue;
    const [lat, lon] = cellToLatLng(cell.h3);
    const kx = Math.cos((lat * Math.PI) / 180);
    let best = sites[0];
    let dBest = Infinity;
    for (const s of sites) {
      const d = ((s.lon - lon) * kx) ** 2 + (s.lat - lat) ** 2;
      if (d < dBest) {
        dBest = d;
        best = s;
      }
    }
    out.set(best.id, (out.get(best.id) ?? 0) + cell.elders60);
  }
  return out;
}

export function proposedSites(
  input: ReportInput,
  places: PlaceIndex,
  minutes: number,
  typeName: (type: string) => string,
  lang: ReportLang = input.lang,
): ProposedSite[] {
  const out: ProposedSite[] = [];
  const where = (lon: number, lat: number) => describeLocation(places, lon, lat, lang);
  const placeName = (type: string | null, location: PlaceDescription) => {
    const kind = type === null ? (lang === 'zh' ? '站点' : 'site') : typeName(type);
    const road = location.roads.join(lang === 'zh' ? '与' : ' / ');
    const at = road === '' ? (location.unitName ?? '') : road;
    return lang === 'zh' ? `拟建${kind}（${at}）` : `Proposed ${kind} (${at})`;
  };
  const scenario = input.scenario;
  if (scenario !== undefined) {
    const diff = diffFacilities(input.facilities, scenario.facilities);
    const before = new Map(input.facilities.map((f) => [f.id, f]));
    const after = new Map(scenario.facilities.map((f) => [f.id, f]));
    const served = [...diff.added, ...diff.moved]
      .map((id) => after.get(id))
      .filter((f): f is SiteFacility => f !== undefined);
    const gains = newlyServed(input.baseline, scenario.result, served, minutes);
    const push = (f: SiteFacility, state: SiteState, prev?: SiteFacility) => {
      const location = where(f.lon, f.lat);
      out.push({
        id: f.id,
        name: isCodeName(f.name) ? placeName(f.type, location) : f.name,
        state,
        type: f.type,
        floorAreaM2: f.floorAreaM2,
        previousFloorAreaM2: prev?.floorAreaM2 ?? null,
        beds: f.beds,
        lon: f.lon,
        lat: f.lat,
        location,
        newlyServedElders: gains.get(f.id) ?? (state === 'closed' ? null : 0),
      });
    };
    for (const id of diff.added) {
      const f = after.get(id);
      if (f !== undefined) push(f, 'new');
    }
    for (const id of diff.moved) {
      const f = after.get(id);
      if (f !== undefined) push(f, 'moved', before.get(id));
    }
    for (const id of diff.changed) {
      const f = after.get(id);
      const prev = before.get(id);
      if (f !== undefined && prev !== undefined) push(f, 'resized', prev);
    }
    for (const id of diff.removed) {
      const f = before.get(id);
      if (f !== undefined) push(f, 'closed', f);
    }
  }
  for (const s of input.recommended?.sites ?? []) {
    const location = where(s.lon, s.lat);
    out.push({
      id: s.id,
      name: s.name === undefined || isCodeName(s.name) ? placeName(null, location) : s.name,
      state: 'proposed',
      type: null,
      floorAreaM2: s.floorAreaM2 ?? null,
      previousFloorAreaM2: null,
      beds: null,
      lon: s.lon,
      lat: s.lat,
      location,
      newlyServedElders: null,
    });
  }
  return out;
}
