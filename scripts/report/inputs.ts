import { openCity } from '../../analysis/city/open-city.ts';
import type { ReportInput, ReportLang } from '../../analysis/report/types.ts';
import { parseScenario } from '../../analysis/siting/scenario-validate.ts';
import { cityContext } from '../../analysis/workflows/analyse-scenario.ts';
import { buildReportInput } from '../../analysis/workflows/report-input.ts';
import { loadProfile } from '../analyse/load-profile.ts';
import { readJsonFile, scenarioChecksFor, scenarioOf } from '../analyse/scenario-file.ts';
import { folderSource } from '../city/folder-source.ts';
import { NodeRunner } from '../db/node-runner.ts';
import { optimiserRunOf, readRecommendedSites } from './recommended.ts';

export interface ReportRequest {
  cityDir: string;
  profile: string;
  scenarioFile?: string;
  sitesFile?: string;
  lang: ReportLang;
  generatedOn: string;
}

/** Reads the inputs (all checked before the slower analysis), then the shared report workflow. */
export async function gatherReportInput(request: ReportRequest): Promise<ReportInput> {
  const city = await openCity(folderSource(request.cityDir));
  const profile = loadProfile(request.profile);
  const scenarioJson =
    request.scenarioFile === undefined ? undefined : readJsonFile(request.scenarioFile);
  const scenario =
    scenarioJson === undefined || request.scenarioFile === undefined
      ? null
      : parseScenario(scenarioOf(scenarioJson), city.input.facilities, {
          ...scenarioChecksFor(city, request.cityDir, profile.id),
          file: request.scenarioFile,
        });
  const optimiser = scenarioJson === undefined ? undefined : optimiserRunOf(scenarioJson);
  const recommended =
    request.sitesFile === undefined
      ? undefined
      : readRecommendedSites(readJsonFile(request.sitesFile), request.sitesFile);
  const runner = await NodeRunner.open();
  try {
    return await buildReportInput(city, cityContext(city, runner, profile), {
      lang: request.lang,
      generatedOn: request.generatedOn,
      scenario:
        scenario === null
          ? null
          : { ...scenario, name: scenario.name ?? request.scenarioFile ?? '' },
      ...(recommended === undefined ? {} : { recommended }),
      ...(optimiser === undefined ? {} : { optimiser }),
    });
  } finally {
    runner.close();
  }
}
