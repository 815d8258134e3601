import { getResolution } from 'h3-js';
import { cityCoverage, type ReportContext, reportContext } from './context.ts';
import { formatInt, formatShare } from './format.ts';
import { coverageSection, findingsSection } from './sections-analysis.ts';
import { scenarioSection, sitesSection } from './sections-scenario.ts';
import { mapsSection, reportSheets, tablesSection } from './sections-tables.ts';
import { coverageChartSvg } from './svg-chart.ts';
import { complianceMapSvg, coverageMapSvg, scenarioMapSvg } from './svg-map.ts';
import type { Block, ReportFigure, ReportInput, ReportModel, ReportSection } from './types.ts';

/**
 * Builds the whole report model from analysis results (pure: no I/O, no clock). Every number
 * in the report comes from here, so tests read it back from the rendered files.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const ctx = reportContext(input);
  const { t } = ctx;
  const profileName = input.profile.name[input.lang];
  const figures: ReportModel['figures'] = {};
  const add = (figure: ReportFigure) => {
    figures[figure.id] = figure;
  };
  add(coverageChartSvg(ctx));
  add(complianceMapSvg(ctx));
  add(coverageMapSvg(ctx));
  if (input.scenario !== undefined) add(scenarioMapSvg(ctx, input.scenario));

  const sections: ReportSection[] = [
    summarySection(ctx),
    methodSection(ctx),
    coverageSection(ctx),
    findingsSection(ctx),
    scenarioSection(ctx),
    sitesSection(ctx),
    mapsSection(ctx),
    tablesSection(ctx),
  ];
  const titleLines = [
    { label: t.titleCity, value: input.city.name },
    { label: t.titleProfile, value: `${profileName}${ctx.paren(input.profile.source.document)}` },
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
    banner: input.city.facilitiesIllustrative ? t.banner : null,
    sections,
    figures,
    sheets: reportSheets(ctx),
    footer: t.footer(input.city.name, profileName),
  };
}

function summarySection(ctx: ReportContext): ReportSection {
  const { t, input, headlineMinutes: minutes } = ctx;
  const s = input.baseline.summary;
  const headline = cityCoverage(input.baseline, minutes);
  const cityFindings = s.findings.filter((f) => f.scope === 'city');
  const failed = cityFindings.filter((f) => !f.pass);
  const uncovered = s.population.elders60 - (headline?.elders60Covered ?? 0);
  const blocks: Block[] = [];
  if (input.city.facilitiesIllustrative) {
    blocks.push({ kind: 'paragraph', text: t.method.illustrativeWarning, tone: 'warning' });
  }
  blocks.push({
    kind: 'keyFigures',
    items: [
      { label: t.key.residents, value: formatInt(s.population.residents) },
      { label: t.key.elders60, value: formatInt(s.population.elders60) },
      { label: t.key.facilities, value: formatInt(s.facilities.count) },
      { label: t.key.floorArea, value: ctx.quantity(s.facilities.floorAreaM2, 'm2') },
      { label: t.key.coverageAt(minutes), value: formatShare(headline?.elders60Share ?? null) },
      { label: t.key.uncoveredAt(minutes), value: formatInt(uncovered) },
      { label: t.key.radius300, value: formatShare(s.radius300.network.elders60Share) },
      { label: t.key.m2PerResident, value: ctx.quantity(s.area.m2PerResident, 'm2/resident') },
      { label: t.key.rulesFailed, value: `${failed.length} / ${cityFindings.length}` },
    ],
  });
  blocks.push(
    failed.length === 0
      ? { kind: 'paragraph', text: t.verdictPass, tone: 'pass' }
      : {
          kind: 'paragraph',
          text: t.verdictFail(failed.length, cityFindings.length),
          tone: 'fail',
        },
  );
  const bullets = [
    t.summaryBullets.coverage(
      minutes,
      formatShare(headline?.elders60Share ?? null),
      formatInt(uncovered),
    ),
    t.summaryBullets.radius(
      formatShare(s.radius300.straightLine.elders60Share),
      formatShare(s.radius300.network.elders60Share),
    ),
    t.summaryBullets.area(ctx.quantity(s.area.m2PerResident, 'm2/resident')),
    ...failed.map((f) =>
      t.summaryBullets.failedRule(ctx.ruleTitle(f), ctx.quantity(f.shortfall, f.shortfallUnit)),
    ),
  ];
  const scenario = input.scenario;
  if (scenario !== undefined) {
    const after = cityCoverage(scenario.result, minutes);
    bullets.push(
      t.summaryBullets.scenario(
        scenario.name,
        minutes,
        formatShare(headline?.elders60Share ?? null),
        formatShare(after?.elders60Share ?? null),
      ),
    );
  }
  blocks.push({ kind: 'bullets', items: bullets });
  return { id: 'summary', title: t.sections.summary, blocks };
}

function methodSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const m = t.method;
  const settings = input.profile.settings;
  const population = input.baseline.summary.population;
  const rows = [
    [m.population, m.populationModel(input.city.populationMethod ?? '')],
    [m.roads, `${input.city.osmFile} · ${input.city.attribution} · ${input.city.licence}`],
    [m.facilities, input.city.facilitiesIllustrative ? t.dataIllustrative : t.dataOfficial],
    [m.walkingSpeed, m.walkingSpeedValue(settings.walkingSpeedMps)],
    [m.householdSize, m.householdValue(population.householdSize, population.householdsDerived)],
    [m.areaBasis, settings.perCapitaAreaBasis === 'land' ? m.areaBasisLand : m.areaBasisFloor],
    [m.thresholds, input.baseline.summary.thresholds.map((x) => t.coverage.minutes(x)).join('、')],
    [m.h3, m.h3Value(h3Resolution(input))],
    [m.reach, m.reachValue],
  ];
  const blocks: Block[] = [
    { kind: 'paragraph', text: m.intro },
    { kind: 'table', table: { header: m.table, rows, widths: [20, 80] } },
  ];
  if (input.city.provenance.length > 0) {
    blocks.push({ kind: 'heading', text: m.provenanceTitle });
    blocks.push({ kind: 'bullets', items: input.city.provenance });
  }
  const notes = [...input.city.methodNotes, ...(input.profile.notes ?? []).map((n) => n[ctx.lang])];
  if (notes.length > 0) {
    blocks.push({ kind: 'heading', text: m.assumptionsTitle });
    blocks.push({ kind: 'bullets', items: notes });
  }
  if (input.city.facilitiesIllustrative) {
    blocks.push({ kind: 'paragraph', text: m.illustrativeWarning, tone: 'warning' });
  }
  return { id: 'method', title: t.sections.method, blocks };
}

function h3Resolution(input: ReportInput): number {
  const cell = input.baseline.cells[0]?.h3;
  return cell === undefined ? 10 : getResolution(cell);
}
