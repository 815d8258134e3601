import { buildReportModel } from './build-model.ts';
import { circlesGeoJson, sitesGeoJson } from './geojson.ts';
import { renderHtml } from './render-html.ts';
import { renderXlsx } from './render-xlsx.ts';
import type { ReportFigure, ReportInput, ReportModel } from './types.ts';

/** The report's documents that need no rasteriser: the same for `carecircle report` and the app. */
export interface ReportDocuments {
  model: ReportModel;
  html: string;
  xlsx: Uint8Array;
  circles: string;
  sites: string;
  /** The SVG figures, for the host to rasterise (PDF and Word need PNGs). */
  figures: ReportFigure[];
}

export async function reportDocuments(input: ReportInput): Promise<ReportDocuments> {
  const model = buildReportModel(input);
  return {
    model,
    html: renderHtml(model),
    xlsx: await renderXlsx(model),
    circles: `${JSON.stringify(circlesGeoJson(input))}\n`,
    sites: `${JSON.stringify(sitesGeoJson(input))}\n`,
    figures: Object.values(model.figures),
  };
}
