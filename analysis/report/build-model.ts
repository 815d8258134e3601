import { coverageChartSvg } from './chart-echarts.ts';
import { reportContext } from './context.ts';
import { appendixSection, implementationSection } from './sections-appendix.ts';
import { complianceSection } from './sections-compliance.ts';
import { currentSection } from './sections-current.ts';
import { effectSection } from './sections-effect.ts';
import { overviewSection } from './sections-overview.ts';
import { proposalSection } from './sections-proposal.ts';
import { reportSheets } from './sheets.ts';
import { complianceMapSvg, coverageMapSvg, effectMapSvg } from './svg-map.ts';
import type { ReportFigure, ReportInput, ReportModel, ReportSection } from './types.ts';

/**
 * Builds the whole report model from analysis results (pure: no I/O, no clock): the chapters of
 * a planning review document, numbered figures, spreadsheet sheets. Every number and sentence in
 * the .docx, the HTML/PDF and the .xlsx comes from here.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const ctx = reportContext(input);
  const { t } = ctx;
  const profileName = input.profile.name[input.lang];
  const figures: ReportModel['figures'] = {};
  const add = (figure: ReportFigure) => {
    const n = ctx.figureNo(figure.id);
    figures[figure.id] = { ...figure, caption: t.figureCaption(n, figure.caption) };
  };
  add(coverageChartSvg(ctx));
  add(coverageMapSvg(ctx));
  add(complianceMapSvg(ctx));
  if (input.scenario !== undefined) add(effectMapSvg(ctx, input.scenario));

  const sections: ReportSection[] = [
    overviewSection(ctx),
    currentSection(ctx),
    complianceSection(ctx),
    proposalSection(ctx),
    effectSection(ctx),
    implementationSection(ctx),
    appendixSection(ctx),
  ];
  const titleLines = [
    { label: t.titleCity, value: input.city.name },
    {
      label: t.titleProfile,
      value: standardName(
        ctx.documentName(input.profile.source.document),
        input.profile.source.document,
        profileName,
      ),
    },
    ...(input.scenario ? [{ label: t.titleScenario, value: input.scenario.name }] : []),
    { label: t.titleDate, value: input.generatedOn },
    {
      label: t.titleData,
      value: input.city.facilitiesIllustrative ? t.dataIllustrative : t.dataOfficial,
    },
  ];
  return {
    lang: input.lang,
    title: t.title,
    subtitle: t.subtitle(input.city.name),
    titleLines,
    contentsTitle: t.contents,
    banner: input.city.facilitiesIllustrative ? t.banner : null,
    sections,
    figures,
    sheets: reportSheets(ctx),
    footer: t.footer(input.city.name, profileName),
  };
}

/** The document by number and title; the profile's own name when the document is not listed. */
function standardName(label: string, id: string, profileName: string): string {
  return label === id ? profileName : label;
}
