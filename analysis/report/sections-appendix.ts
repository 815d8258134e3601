import { getResolution } from 'h3-js';
import type { ReportContext } from './context.ts';
import { formatFixed, formatInt } from './format.ts';
import { uncoveredClusters } from './gaps.ts';
import type { Block, ReportSection } from './types.ts';

/** 六、实施安排: yearly tasks, cost and subsidy from the programme register, when one is given. */
export function implementationSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const i = t.implementation;
  const programme = input.programme;
  if (programme === undefined || programme.years.length === 0) {
    return {
      id: 'implementation',
      title: t.sections.implementation,
      blocks: [{ kind: 'paragraph', text: i.none(ctx.proposed.length), tone: 'muted' }],
    };
  }
  const yuan = (x: number | null) => (x === null ? '—' : formatFixed(x / 10_000, 1));
  const years = programme.years;
  const sum = (f: (y: (typeof years)[number]) => number | null) =>
    years.some((y) => f(y) === null) ? null : years.reduce((s, y) => s + (f(y) ?? 0), 0);
  const rows = years.map((y) => [
    y.year === null ? i.unscheduled : String(y.year),
    y.tasks.join(t.listSeparator),
    formatInt(y.sites),
    yuan(y.costYuan),
    yuan(y.subsidyCommittedYuan),
    yuan(y.subsidyPaidYuan),
    yuan(y.localYuan),
  ]);
  rows.push([
    i.total,
    '',
    formatInt(years.reduce((s, y) => s + y.sites, 0)),
    yuan(sum((y) => y.costYuan)),
    yuan(sum((y) => y.subsidyCommittedYuan)),
    yuan(sum((y) => y.subsidyPaidYuan)),
    yuan(sum((y) => y.localYuan)),
  ]);
  const busiest = [...years].sort((a, b) => b.costYuan - a.costYuan)[0];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: i.intro(
        years.filter((y) => y.year !== null).length,
        formatInt(years.reduce((s, y) => s + y.sites, 0)),
        yuan(sum((y) => y.costYuan)),
        busiest.year === null ? i.unscheduled : String(busiest.year),
        yuan(busiest.costYuan),
      ),
    },
    {
      kind: 'table',
      table: {
        header: i.header,
        rows,
        numeric: [false, false, true, true, true, true, true],
        widths: [9, 37, 8, 11, 12, 12, 11],
      },
    },
  ];
  if (programme.sitesWithoutCost > 0)
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: i.withoutCost(programme.sitesWithoutCost),
    });
  if (programme.costAssumption !== '')
    blocks.push({ kind: 'paragraph', tone: 'muted', text: programme.costAssumption });
  return { id: 'implementation', title: t.sections.implementation, blocks };
}

/** 附录: method in words, data sources with licences, run parameters, ids. */
export function appendixSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const a = t.appendix;
  const settings = (input.scenario?.profile ?? input.profile).settings;
  const res =
    input.baseline.cells[0] === undefined ? 10 : getResolution(input.baseline.cells[0].h3);
  const pop = input.city.population;
  const method = a.method({
    walkingSpeed: formatFixed(input.profile.settings.walkingSpeedMps, 2),
    resolution: res,
    thresholds: input.baseline.summary.thresholds.map((m) => t.minutes(m)).join(t.listSeparator),
    radiusMinutes: formatFixed(input.baseline.summary.radius300.networkMinutes, 1),
    populationMethod: input.city.populationMethod,
    share60: pop === undefined ? null : formatFixed(pop.share60 * 100, 2),
    householdSize: formatFixed(pop?.householdSize ?? settings.householdSize, 2),
    perCapitaFloor:
      pop?.perCapitaFloorAreaM2 === undefined ? null : formatFixed(pop.perCapitaFloorAreaM2, 2),
    areaBasis: settings.perCapitaAreaBasis,
    sfcaMinutes: settings.sfca.catchmentMinutes,
    gapMinutes: ctx.gapMinutes,
    effectMinutes: ctx.effectMinutes,
  });
  const blocks: Block[] = [{ kind: 'heading', text: a.methodTitle }];
  for (const [title, text] of method) {
    blocks.push({ kind: 'heading', level: 3, text: title }, { kind: 'paragraph', text });
  }
  blocks.push({ kind: 'heading', text: a.sourcesTitle });
  blocks.push({
    kind: 'table',
    table: { header: a.sourcesHeader, rows: sourceRows(ctx), widths: [18, 52, 30] },
  });
  blocks.push({ kind: 'heading', text: a.parametersTitle });
  blocks.push({
    kind: 'table',
    table: { header: a.parametersHeader, rows: parameterRows(ctx, res), widths: [30, 70] },
  });
  const ids = idRows(ctx);
  if (ids.length > 0) {
    blocks.push({ kind: 'heading', text: a.idsTitle });
    blocks.push({ kind: 'paragraph', text: a.idsNote, tone: 'muted' });
    blocks.push({ kind: 'table', table: { header: a.idsHeader, rows: ids, widths: [14, 36, 50] } });
  }
  return { id: 'appendix', title: t.sections.appendix, blocks };
}

function sourceRows(ctx: ReportContext): string[][] {
  const { t, input } = ctx;
  const a = t.appendix;
  const city = input.city;
  const reg = city.register;
  return [
    [
      a.sourceRoads,
      a.osmSource(city.osmFile, city.osmTimestamp?.slice(0, 10) ?? null),
      `${city.attribution}${ctx.colon}${t.licence(city.licence)}`,
    ],
    [
      a.sourceBuildings,
      a.osmSource(city.osmFile, city.osmTimestamp?.slice(0, 10) ?? null),
      `${city.attribution}${ctx.colon}${t.licence(city.licence)}`,
    ],
    [
      a.sourcePopulation,
      a.censusSource(city.censusYear ?? 2020, city.population?.censusArea ?? null),
      a.publicStatistics,
    ],
    [
      a.sourceRegister,
      reg === undefined
        ? city.facilitiesIllustrative
          ? t.dataIllustrative
          : t.dataOfficial
        : a.registerFile(reg.fileName),
      city.facilitiesIllustrative ? a.illustrativeLicence : a.userLicence,
    ],
    [a.sourceStandard, ctx.documentName(input.profile.source.document), a.officialText],
    [a.sourceSoftware, a.software, a.softwareLicence],
  ];
}

function parameterRows(ctx: ReportContext, res: number): string[][] {
  const { t, input } = ctx;
  const a = t.appendix;
  const s = input.profile.settings;
  const rows = [
    [a.pProfile, input.profile.name[ctx.lang]],
    [a.pWalkingSpeed, a.speedValue(formatFixed(s.walkingSpeedMps, 2))],
    [
      a.pThresholds,
      input.baseline.summary.thresholds.map((m) => t.minutes(m)).join(t.listSeparator),
    ],
    [a.pResolution, a.resolutionValue(res)],
    [a.pHousehold, a.householdValue(formatFixed(s.householdSize, 2))],
    [a.pAreaBasis, s.perCapitaAreaBasis === 'land' ? a.areaLand : a.areaFloor],
    [a.pSfca, t.minutes(s.sfca.catchmentMinutes)],
    [a.pClusters, t.minutes(ctx.gapMinutes)],
    [a.pDate, input.generatedOn],
  ];
  const scenario = input.scenario;
  if (scenario !== undefined) {
    rows.push([a.pScenario, scenario.name]);
    rows.push([a.pScenarioSpeed, a.speedValue(formatFixed(scenario.walkingSpeedMps, 2))]);
    const run = scenario.optimiser;
    if (run !== undefined) {
      rows.push([
        a.pOptimiser,
        a.optimiserValue(
          t.problems[run.problem],
          t.minutes(run.minutes),
          t.solverStatus[run.status] ?? run.status,
          formatFixed(run.gap * 100, 2),
        ),
      ]);
    }
  }
  return rows;
}

/** Internal ids (site numbers, H3 cells) appear only here. */
function idRows(ctx: ReportContext): string[][] {
  const { t, input } = ctx;
  const rows = ctx.proposed.map((p) => [t.appendix.idSite, p.name, p.id]);
  for (const c of uncoveredClusters(input.baseline, ctx.gapMinutes)) {
    rows.push([t.appendix.idCluster, t.appendix.clusterName(c.rank), c.cells.join(' ')]);
  }
  return rows;
}
