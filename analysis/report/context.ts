import type { AnalysisResult } from '../coverage/analyse-city.ts';
import type { Finding } from '../coverage/types.ts';
import { documentLabel } from '../standards/documents.ts';
import type { FindingStatus } from '../vocabulary.ts';
import { describeLocation, type PlaceIndex, placeIndex } from './describe-location.ts';
import { formatQuantity, formatSharePoints } from './format.ts';
import { type Catalogue, catalogue } from './i18n/index.ts';
import { type ProposedSite, proposedSites } from './proposed-sites.ts';
import {
  FIGURE_ORDER,
  type FigureId,
  type ReportInput,
  type ReportLang,
  type TableCell,
} from './types.ts';

/** What every section builder needs: the input, the strings and a few lookups. */
export interface ReportContext {
  input: ReportInput;
  lang: ReportLang;
  t: Catalogue;
  /** The walking threshold the summary leads with (the profile's coverage rule, else 15). */
  headlineMinutes: number;
  /** The threshold at which the scenario changes coverage most (headline without scenario). */
  effectMinutes: number;
  /** Named roads, buildings and units for describing points in words. */
  places: PlaceIndex;
  /** Sites the scenario adds, moves, resizes or closes, and the optimiser's, with locations. */
  proposed: ProposedSite[];
  unitName(unitId: string | null): string;
  siteName(siteId: string | null): string;
  ruleTitle(finding: Pick<Finding, 'rule' | 'title'>): string;
  quantity(value: number | null, unit: string): string;
  /** A change of share in percentage points, signed (+7.4 个百分点). */
  points(delta: number): string;
  /** Where a finding applies: the study area, a unit or a site. */
  where(finding: Finding): string;
  passCell(pass: boolean): TableCell;
  /** 达标 / 未达标 / 无法评估 with its tone. */
  statusCell(status: FindingStatus): TableCell;
  /** The shortest threshold at which some elders are still outside (the headline when none). */
  gapMinutes: number;
  /** Number of a figure (图N) in reading order; 0 when the report has no such figure. */
  figureNo(id: FigureId): number;
  /** A point in words: junction or road, building, unit. */
  describe(lon: number, lat: number): string;
  /** The same without the unit (for tables that have a unit column). */
  describeSpot(lon: number, lat: number): string;
  /** A cited document as planners name it (文号《标题》). */
  documentName(id: string): string;
  /** Punctuation differs: full-width in Chinese. */
  colon: string;
  paren(text: string): string;
  quote(text: string): string;
}

export function reportContext(input: ReportInput): ReportContext {
  const lang = input.lang;
  const t = catalogue(lang);
  const units = new Map(input.units.map((u) => [u.id, u.name]));
  const sites = new Map(input.facilities.map((f) => [f.id, f.name]));
  for (const f of input.scenario?.facilities ?? []) if (!sites.has(f.id)) sites.set(f.id, f.name);
  const titles = new Map(input.profile.rules.map((r) => [r.id, r.title]));
  const headline = headlineMinutes(input);
  const effect = effectMinutes(input, headline);
  const places = placeIndex(input.map ?? {}, input.units);
  const figures = FIGURE_ORDER.filter((id) => id !== 'map-effect' || input.scenario !== undefined);
  const context: ReportContext = {
    input,
    lang,
    t,
    headlineMinutes: headline,
    effectMinutes: effect,
    places,
    proposed: proposedSites(input, places, effect, (x) => t.facilityTypes[x] ?? x, lang),
    unitName: (id) => (id === null ? t.scope.city : (units.get(id) ?? id)),
    siteName: (id) => (id === null ? '' : (sites.get(id) ?? id)),
    ruleTitle: (f) => titles.get(f.rule)?.[lang] ?? f.title,
    quantity: (value, unit) => formatQuantity(value, unit, t, lang),
    points: (delta) => formatSharePoints(delta, lang),
    where: (f) => {
      if (f.scope === 'site') return context.siteName(f.siteId);
      if (f.scope === 'city') return t.scope.city;
      return context.unitName(f.unitId);
    },
    colon: lang === 'zh' ? '：' : ': ',
    paren: (text) => (lang === 'zh' ? `（${text}）` : ` (${text})`),
    quote: (text) => (lang === 'zh' ? `“${text}”` : ` “${text}”`),
    passCell: (pass) =>
      pass ? { text: t.findings.pass, tone: 'pass' } : { text: t.findings.fail, tone: 'fail' },
    statusCell: (status) =>
      status === 'pass'
        ? { text: t.findings.pass, tone: 'pass' }
        : status === 'fail'
          ? { text: t.findings.fail, tone: 'fail' }
          : { text: t.findings.notEvaluable, tone: 'muted' },
    gapMinutes: gapMinutes(input, headline),
    figureNo: (id) => figures.indexOf(id) + 1,
    describe: (lon, lat) => describeLocation(places, lon, lat, lang).text,
    describeSpot: (lon, lat) => {
      const d = describeLocation(places, lon, lat, lang);
      if (d.unitName === null || d.text === d.unitName) return d.text;
      return d.text
        .replace(unitInParens(lang, d.unitName), '')
        .replace(`${lang === 'zh' ? '，' : ', '}${d.unitName}`, '');
    },
    documentName: (id) => documentLabel(id),
  };
  return context;
}

function headlineMinutes(input: ReportInput): number {
  for (const rule of input.profile.rules) {
    if (rule.enabled === false) continue;
    const applies = rule.appliesTo ?? 'all';
    if (applies === 'rural') continue;
    if (rule.kind === 'coverage_share' && rule.travelProfile === 'walk-elderly')
      return rule.minutes;
  }
  const thresholds = input.baseline.summary.thresholds;
  return thresholds.includes(15) ? 15 : Math.max(...thresholds);
}

const unitInParens = (lang: ReportLang, text: string) =>
  lang === 'zh' ? `（${text}）` : ` (${text})`;

function gapMinutes(input: ReportInput, headline: number): number {
  const sorted = [...input.baseline.summary.thresholds].sort((a, b) => a - b);
  for (const m of sorted) {
    const share = cityCoverage(input.baseline, m)?.elders60Share ?? null;
    if (share !== null && share < 1 - 1e-9) return m;
  }
  return headline;
}

/** City-wide walk-elderly coverage row at `minutes` of one analysis result. */
export function cityCoverage(result: AnalysisResult, minutes: number) {
  return result.summary.coverage.find((c) => c.profile === 'walk-elderly' && c.minutes === minutes);
}

/** One key per check, so that baseline and scenario findings can be matched. */
export function findingKey(f: Finding): string {
  return [f.rule, f.scope, f.unitId ?? '', f.siteId ?? ''].join('|');
}

/**
 * The threshold at which the scenario changes city coverage most (ties: the shorter one);
 * the headline threshold when there is no scenario or nothing changes.
 */
export function effectMinutes(input: ReportInput, headline: number): number {
  const scenario = input.scenario;
  if (scenario === undefined) return headline;
  let best = headline;
  let gain = 0;
  for (const m of [...input.baseline.summary.thresholds].sort((a, b) => a - b)) {
    const before = cityCoverage(input.baseline, m)?.elders60Share ?? null;
    const after = cityCoverage(scenario.result, m)?.elders60Share ?? null;
    if (before === null || after === null) continue;
    if (Math.abs(after - before) > gain + 1e-12) {
      gain = Math.abs(after - before);
      best = m;
    }
  }
  return best;
}
