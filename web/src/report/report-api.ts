import type { OpenedCity } from '../../../analysis/city/open-city.ts';
import { type ReportDocuments, reportDocuments } from '../../../analysis/report/documents.ts';
import { catalogue } from '../../../analysis/report/i18n/index.ts';
import { renderDocx } from '../../../analysis/report/render-docx.ts';
import type {
  FigureId,
  ReportLang,
  ReportModel,
  ReportRegisterInfo,
} from '../../../analysis/report/types.ts';
import type { Scenario } from '../../../analysis/siting/scenario-types.ts';
import type { ScenarioContext } from '../../../analysis/workflows/analyse-scenario.ts';
import { buildReportInput } from '../../../analysis/workflows/report-input.ts';

/**
 * Committee report of the baseline and one scenario, built in the worker with the same
 * analysis/report entry points as `carecircle report`. Everything but the figure PNGs (the page
 * rasterises the SVGs on a canvas) is produced here; the .docx is packed in a second call.
 */
export interface ReportRequest {
  lang: ReportLang;
  generatedOn: string;
  scenario: Scenario | null;
  /** Provenance of the register the user imported (absent: the city's own). */
  register?: ReportRegisterInfo;
}

export type ReportFiles = Omit<ReportDocuments, 'model'>;

let lastModel: ReportModel | null = null;

export async function buildReport(
  request: ReportRequest,
  city: OpenedCity,
  context: ScenarioContext,
): Promise<ReportFiles> {
  const origin = request.scenario?.origin;
  const reportInput = await buildReportInput(city, context, {
    lang: request.lang,
    generatedOn: request.generatedOn,
    scenario: request.scenario,
    ...(origin === undefined ? {} : { optimiser: origin }),
    ...(request.register === undefined ? {} : { register: request.register }),
  });
  const { model, ...files } = await reportDocuments(reportInput);
  lastModel = model;
  return files;
}

/** Packs the .docx of the last report with the figures the page rasterised. */
export async function packDocx(pngs: Partial<Record<FigureId, Uint8Array>>): Promise<Uint8Array> {
  if (lastModel === null) throw new Error('build the report first');
  return renderDocx(lastModel, {
    figurePngs: pngs,
    missingFigureNote: catalogue(lastModel.lang).maps.missingImage,
  });
}
