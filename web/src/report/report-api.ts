import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import { graphReachSource } from '../../../analysis/coverage/routing-reach.ts';
import type { CityInput } from '../../../analysis/coverage/types.ts';
import type { SqlRunner } from '../../../analysis/db/sql-runner.ts';
import type { NetworkProfile, RoadGraph } from '../../../analysis/graph/types.ts';
import { buildReportModel } from '../../../analysis/report/build-model.ts';
import { circlesGeoJson, sitesGeoJson } from '../../../analysis/report/geojson.ts';
import { catalogue } from '../../../analysis/report/i18n/index.ts';
import { renderDocx } from '../../../analysis/report/render-docx.ts';
import { renderHtml } from '../../../analysis/report/render-html.ts';
import { renderXlsx } from '../../../analysis/report/render-xlsx.ts';
import type {
  FigureId,
  ReportCityInfo,
  ReportFigure,
  ReportInput,
  ReportLang,
  ReportModel,
} from '../../../analysis/report/types.ts';
import { applyScenario, resolveSettings } from '../../../analysis/siting/scenario-apply.ts';
import type { Scenario, SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import type { StandardsProfile } from '../../../analysis/standards/types.ts';

/**
 * Committee report of the baseline and one scenario, built in the worker with the same
 * analysis/report entry points as `carecircle report`. Everything but the figure PNGs (the page
 * rasterises the SVGs on a canvas) is produced here; the .docx is packed in a second call.
 */
export interface ReportRequest {
  lang: ReportLang;
  generatedOn: string;
  city: ReportCityInfo;
  scenario: Scenario | null;
  roads?: number[][][];
}

export interface ReportFiles {
  html: string;
  xlsx: Uint8Array;
  circles: string;
  sites: string;
  figures: ReportFigure[];
}

let lastModel: ReportModel | null = null;

export async function buildReport(
  request: ReportRequest,
  context: { input: CityInput; profile: StandardsProfile; graph: RoadGraph; runner: SqlRunner },
): Promise<ReportFiles> {
  const { input, profile, graph, runner } = context;
  const graphs: Partial<Record<NetworkProfile, RoadGraph>> = { walk: graph };
  const analyse = (city: CityInput, p: StandardsProfile) =>
    analyseCity(city, runner, {
      profile: p,
      reach: graphReachSource(city, graphs).reach,
      travelProfiles: ['walk-elderly'],
    });
  const baselineFacilities: SiteFacility[] = input.facilities;
  const baseline = await analyse(input, profile);
  let scenario: ReportInput['scenario'];
  if (request.scenario !== null && request.scenario.modifications.length > 0) {
    const facilities = applyScenario(baselineFacilities, request.scenario);
    const settings = resolveSettings(
      { walkingSpeedMps: profile.settings.walkingSpeedMps, profile: profile.id },
      request.scenario,
    );
    const p = {
      ...profile,
      settings: { ...profile.settings, walkingSpeedMps: settings.walkingSpeedMps },
    };
    scenario = {
      name: request.scenario.name ?? 'scenario',
      modifications: request.scenario.modifications,
      facilities,
      result: await analyse({ ...input, facilities }, p),
      walkingSpeedMps: settings.walkingSpeedMps,
      profileId: settings.profile,
    };
  }
  const reportInput: ReportInput = {
    lang: request.lang,
    generatedOn: request.generatedOn,
    city: request.city,
    profile,
    units: input.units,
    facilities: baselineFacilities,
    baseline,
    ...(scenario === undefined ? {} : { scenario }),
    ...(request.roads === undefined ? {} : { map: { roads: request.roads } }),
  };
  const model = buildReportModel(reportInput);
  lastModel = model;
  return {
    html: renderHtml(model),
    xlsx: await renderXlsx(model),
    circles: `${JSON.stringify(circlesGeoJson(reportInput))}\n`,
    sites: `${JSON.stringify(sitesGeoJson(reportInput))}\n`,
    figures: Object.values(model.figures),
  };
}

/** Packs the .docx of the last report with the figures the page rasterised. */
export async function packDocx(pngs: Partial<Record<FigureId, Uint8Array>>): Promise<Uint8Array> {
  if (lastModel === null) throw new Error('build the report first');
  return renderDocx(lastModel, {
    figurePngs: pngs,
    missingFigureNote: catalogue(lastModel.lang).maps.missingImage,
  });
}
