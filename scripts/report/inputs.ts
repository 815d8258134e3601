import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnalysisResult, analyseCity } from '../../analysis/coverage/analyse-city.ts';
import { graphReachSource } from '../../analysis/coverage/routing-reach.ts';
import type { CityInput } from '../../analysis/coverage/types.ts';
import { InputError } from '../../analysis/errors.ts';
import type { NetworkProfile, RoadGraph } from '../../analysis/graph/types.ts';
import type {
  ReportCityInfo,
  ReportInput,
  ReportLang,
  ReportScenario,
} from '../../analysis/report/types.ts';
import { applyScenario, resolveSettings } from '../../analysis/siting/scenario-apply.ts';
import type { Scenario } from '../../analysis/siting/scenario-types.ts';
import { parseScenario } from '../../analysis/siting/scenario-validate.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../analysis/standards/profiles.ts';
import type { StandardsProfile } from '../../analysis/standards/types.ts';
import { loadProfile } from '../analyse/load-profile.ts';
import { readCityGraphs, readCityInput } from '../analyse/read-city.ts';
import { NodeRunner } from '../db/node-runner.ts';
import { readCityManifest } from '../routing/city-graph.ts';
import { readRecommendedSites } from './recommended.ts';

export interface ReportRequest {
  cityDir: string;
  profile: string;
  scenarioFile?: string;
  sitesFile?: string;
  lang: ReportLang;
  generatedOn: string;
}

type Graphs = Partial<Record<NetworkProfile, RoadGraph>>;

/** Networks the profile's rules route on (walk always: the report's circles are walk-elderly). */
function networksFor(profiles: StandardsProfile[]): NetworkProfile[] {
  const networks = new Set<NetworkProfile>(['walk']);
  for (const profile of profiles) {
    for (const rule of profile.rules) {
      if (rule.kind !== 'coverage_share') continue;
      const p = rule.travelProfile;
      networks.add(p === 'walk-elderly' || p === 'walk' ? 'walk' : p);
    }
  }
  return [...networks];
}

/** Same engine and loaders as `analyse`: one DuckDB per run (tables are per analysis). */
async function analyse(
  input: CityInput,
  graphs: Graphs,
  profile: StandardsProfile,
): Promise<AnalysisResult> {
  const routing = graphReachSource(input, graphs);
  const runner = await NodeRunner.open();
  try {
    return await analyseCity(input, runner, {
      profile,
      reach: routing.reach,
      travelProfiles: ['walk-elderly'],
    });
  } finally {
    runner.close();
  }
}

/** Files that describe the folder itself say nothing about where the data came from. */
const SELF_DESCRIBING = /^\|\s*`(METHOD\.md|PROVENANCE\.md|city\.json)`/;

/** PROVENANCE.md table rows as "file: source" lines, markdown stripped. */
function provenanceLines(dir: string): string[] {
  const file = join(dir, 'PROVENANCE.md');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
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
function methodLines(dir: string): string[] {
  const file = join(dir, 'METHOD.md');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
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

function roadLines(dir: string): number[][][] {
  const file = join(dir, 'roads.geojson');
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    features?: { geometry?: { type?: string; coordinates?: unknown } }[];
  };
  const lines: number[][][] = [];
  for (const f of data.features ?? []) {
    if (f.geometry?.type === 'LineString') lines.push(f.geometry.coordinates as number[][]);
    if (f.geometry?.type === 'MultiLineString')
      lines.push(...(f.geometry.coordinates as number[][][]));
  }
  return lines;
}

/** An optimiser output (`optimise --out`) carries its result as a scenario: accept it as one. */
function scenarioOf(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || 'format' in json) return json;
  return 'scenario' in json ? json.scenario : json;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new InputError('E_MISSING_FILE', 'file not found', { file });
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError('E_BAD_JSON', `not valid JSON: ${(error as Error).message}`, { file });
  }
}

async function analyseScenario(
  parsed: Scenario,
  request: ReportRequest,
  input: CityInput,
  graphs: Graphs,
  profile: StandardsProfile,
): Promise<ReportScenario> {
  const facilities = applyScenario(input.facilities, parsed);
  const settings = resolveSettings(
    { walkingSpeedMps: profile.settings.walkingSpeedMps, profile: profile.id },
    parsed,
  );
  const base = settings.profile === profile.id ? profile : builtInProfile(settings.profile);
  const scenarioProfile = {
    ...base,
    settings: { ...base.settings, walkingSpeedMps: settings.walkingSpeedMps },
  };
  for (const network of networksFor([scenarioProfile])) {
    graphs[network] ??= readCityGraphs(request.cityDir, [network])[network];
  }
  const result = await analyse({ ...input, facilities }, graphs, scenarioProfile);
  return {
    name: parsed.name ?? request.scenarioFile ?? '',
    modifications: parsed.modifications,
    facilities,
    result,
    walkingSpeedMps: settings.walkingSpeedMps,
    profileId: settings.profile,
  };
}

/** Reads the city, runs the baseline (and the scenario) and gathers everything the report needs. */
export async function gatherReportInput(request: ReportRequest): Promise<ReportInput> {
  const { cityDir } = request;
  const manifest = readCityManifest(cityDir);
  const profile = loadProfile(request.profile);
  const input = readCityInput(cityDir);
  // Check every input before the (slower) analysis runs.
  const parsed =
    request.scenarioFile === undefined
      ? undefined
      : parseScenario(scenarioOf(readJson(request.scenarioFile)), input.facilities, {
          bbox: manifest.bbox,
          profiles: BUILT_IN_PROFILE_IDS,
          file: request.scenarioFile,
        });
  const recommended =
    request.sitesFile === undefined
      ? undefined
      : readRecommendedSites(readJson(request.sitesFile), request.sitesFile);
  const graphs: Graphs = readCityGraphs(cityDir, networksFor([profile]));
  const baseline = await analyse(input, graphs, profile);
  const city: ReportCityInfo = {
    name: manifest.name,
    populationMethod: manifest.population?.method ?? null,
    facilitiesIllustrative:
      manifest.facilitiesIllustrative === true || input.facilities.some((f) => f.illustrative),
    attribution: manifest.source?.attribution ?? '',
    licence: manifest.source?.licence ?? '',
    osmFile: manifest.source?.osmFile ?? '',
    provenance: provenanceLines(cityDir),
    methodNotes: methodLines(cityDir),
  };
  const scenario =
    parsed === undefined
      ? undefined
      : await analyseScenario(parsed, request, input, graphs, profile);
  return {
    lang: request.lang,
    generatedOn: request.generatedOn,
    city,
    profile,
    units: input.units,
    facilities: input.facilities,
    baseline,
    ...(scenario ? { scenario } : {}),
    ...(recommended ? { recommended } : {}),
    map: { roads: roadLines(cityDir) },
  };
}
