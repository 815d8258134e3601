import type { OpenedCity } from '../city/open-city.ts';
import type { PopulationBasis } from '../city/types.ts';
import { InputError } from '../errors.ts';
import { type LooseCollection, reportMapContext } from '../report/map-context.ts';
import type {
  RecommendedSites,
  ReportCityInfo,
  ReportInput,
  ReportLang,
  ReportOptimiserRun,
  ReportPopulationFacts,
  ReportRegisterInfo,
  ReportScenario,
} from '../report/types.ts';
import type { Scenario } from '../siting/scenario-types.ts';
import { analyseScenario, BASELINE, type ScenarioContext } from './analyse-scenario.ts';
import { reportNetworkEdits } from './edit-gains.ts';

/**
 * Everything the committee report needs, gathered once for both hosts: the city's own
 * description, the baseline and (optionally) one scenario analysed by analyseScenario, what the
 * session did (the optimiser run behind the scenario, the imported register) and the roads for
 * the maps. `carecircle report` and the app's report export both call this.
 */
export interface ReportRequest {
  lang: ReportLang;
  /** YYYY-MM-DD printed on the cover; the host supplies it so output is reproducible. */
  generatedOn: string;
  scenario: Scenario | null;
  recommended?: RecommendedSites;
  /** The optimiser run the scenario came from, when it did. */
  optimiser?: ReportOptimiserRun;
  /** Provenance of an imported register, when the user replaced the city's own. */
  register?: ReportRegisterInfo;
}

export async function buildReportInput(
  city: OpenedCity,
  context: ScenarioContext,
  request: ReportRequest,
): Promise<ReportInput> {
  const baseline = await analyseScenario(context, BASELINE);
  const scenario =
    request.scenario === null || request.scenario.modifications.length === 0
      ? undefined
      : await reportScenario(context, request.scenario, request.optimiser);
  return {
    lang: request.lang,
    generatedOn: request.generatedOn,
    city: await reportCityInfo(city, request.register),
    profile: context.profile,
    units: context.input.units,
    facilities: context.input.facilities,
    baseline: baseline.result,
    ...(scenario === undefined ? {} : { scenario }),
    ...(request.recommended === undefined ? {} : { recommended: request.recommended }),
    map: reportMapContext(
      await geojson(city, 'roads.geojson'),
      await geojson(city, 'buildings.geojson'),
      city.manifest.bbox,
    ),
  };
}

async function reportScenario(
  context: ScenarioContext,
  scenario: Scenario,
  optimiser: ReportOptimiserRun | undefined,
): Promise<ReportScenario> {
  const analysis = await analyseScenario(context, scenario);
  return {
    name: scenario.name ?? '',
    modifications: scenario.modifications,
    facilities: analysis.facilities,
    result: analysis.result,
    walkingSpeedMps: analysis.walkingSpeedMps,
    profileId: analysis.profile.id,
    profile: analysis.profile,
    ...(optimiser === undefined ? {} : { optimiser }),
    networkEdits: await reportNetworkEdits(context, scenario, new Date().getFullYear()),
  };
}

/** What the city folder says about itself (city.json, PROVENANCE.md, METHOD.md). */
export async function reportCityInfo(
  city: OpenedCity,
  register?: ReportRegisterInfo,
): Promise<ReportCityInfo> {
  const { manifest, input } = city;
  const imported = register ?? (await folderRegister(city));
  return {
    name: manifest.name,
    populationMethod: manifest.population?.method ?? null,
    // A register the user imported (in the app, or into the folder by the import verb) is their
    // own: only its own rows can say illustrative.
    facilitiesIllustrative:
      input.facilities.some((f) => f.illustrative) ||
      (!city.overridden.facilities &&
        imported === undefined &&
        manifest.facilitiesIllustrative === true),
    attribution: manifest.source?.attribution ?? '',
    licence: manifest.source?.licence ?? '',
    osmFile: manifest.source?.osmFile ?? '',
    provenance: provenanceLines(await city.text('PROVENANCE.md')),
    methodNotes: methodLines(await city.text('METHOD.md')),
    ...withRegister(imported),
    ...(manifest.source?.osmTimestamp === undefined
      ? {}
      : { osmTimestamp: manifest.source.osmTimestamp }),
    // The census facts a population imported in the app does not rest on.
    ...(manifest.population?.basis === undefined || city.overridden.population
      ? {}
      : { population: populationFacts(manifest.population.basis) }),
  };
}

/** The report names the census area; the division code stays in city.json. */
function populationFacts({ censusCode: _code, ...facts }: PopulationBasis): ReportPopulationFacts {
  return facts;
}

const withRegister = (register: ReportRegisterInfo | undefined) =>
  register === undefined ? {} : { register };

/**
 * The provenance `carecircle import` wrote beside the register it imported into the folder
 * (register.json); none when the page replaced the register (the page gives its own).
 */
async function folderRegister(city: OpenedCity): Promise<ReportRegisterInfo | undefined> {
  if (city.overridden.facilities) return undefined;
  const text = await city.text('register.json');
  if (text === undefined) return undefined;
  const value = JSON.parse(text) as Partial<ReportRegisterInfo>;
  const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null);
  const crs = value.crsFrom;
  const accepted = count(value.accepted);
  const rejected = count(value.rejected);
  const outside = count(value.outsideStudyArea ?? 0);
  if (
    typeof value.fileName !== 'string' ||
    (crs !== 'wgs84' && crs !== 'gcj02' && crs !== 'bd09') ||
    accepted === null ||
    rejected === null ||
    outside === null
  ) {
    throw new InputError(
      'E_BAD_CITY',
      'register.json: expected fileName, accepted, rejected, crsFrom',
      {
        file: `${city.source.label.replace(/\/?$/, '/')}register.json`,
      },
    );
  }
  return { fileName: value.fileName, accepted, rejected, crsFrom: crs, outsideStudyArea: outside };
}

/** Files that describe the folder itself say nothing about where the data came from. */
const SELF_DESCRIBING = /^\|\s*`(METHOD\.md|PROVENANCE\.md|city\.json)`/;

/** PROVENANCE.md table rows as "file: source" lines, markdown stripped. */
function provenanceLines(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split('\n')
    .filter((line) => /^\|\s*`/.test(line) && !SELF_DESCRIBING.test(line))
    .map((line) =>
      line
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    )
    .map(([name, source]) => `${name.replaceAll('`', '')}：${stripMarkdown(source ?? '')}`);
}

/** METHOD.md bullet points (the stated modelling assumptions). */
function methodLines(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => stripMarkdown(line.slice(2)));
}

function stripMarkdown(text: string): string {
  return text
    .replaceAll('**', '')
    .replaceAll('`', '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
}

/** A GeoJSON file of the city for maps and place names (null when absent). */
async function geojson(city: OpenedCity, name: string): Promise<LooseCollection | null> {
  const text = await city.text(name);
  return text === undefined ? null : (JSON.parse(text) as LooseCollection);
}
