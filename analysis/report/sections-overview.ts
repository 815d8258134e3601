import { DOCUMENTS } from '../standards/documents.ts';
import { clauseSummaries } from './clauses.ts';
import { cityCoverage, type ReportContext } from './context.ts';
import { formatInt, formatShare } from './format.ts';
import { largestChange, thresholdChanges, unitGaps } from './narrative.ts';
import { flippedFindings } from './sections-proposal.ts';
import type { Block, ReportSection } from './types.ts';

/** 一、概况: study area, population, facilities, the standard, data and their dates, conclusions. */
export function overviewSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const o = t.overview;
  const s = input.baseline.summary;
  const streets = input.units.filter((u) => u.level === 'street').length;
  const communities = input.units.filter((u) => u.level === 'community').length;
  const byType = Object.entries(s.facilities.byType)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => o.typeCount(t.facilityTypes[type] ?? type, n));
  const blocks: Block[] = [];
  if (input.city.facilitiesIllustrative) {
    blocks.push({ kind: 'paragraph', text: t.illustrativeWarning, tone: 'warning' });
  }
  blocks.push(
    { kind: 'heading', text: o.areaTitle },
    {
      kind: 'paragraph',
      text: o.area(
        input.city.name,
        streets,
        communities,
        formatInt(s.population.residents),
        formatInt(s.population.elders60),
        formatShare(
          s.population.residents > 0 ? s.population.elders60 / s.population.residents : null,
        ),
      ),
    },
    {
      kind: 'paragraph',
      text: o.facilities(
        formatInt(s.facilities.count),
        ctx.quantity(s.facilities.floorAreaM2, 'm2'),
        byType.join(t.listSeparator),
      ),
    },
    { kind: 'keyFigures', items: keyFigures(ctx) },
    { kind: 'heading', text: o.basisTitle },
    { kind: 'paragraph', text: basisSentence(ctx) },
    { kind: 'heading', text: o.dataTitle },
    {
      kind: 'table',
      table: { header: o.dataHeader, rows: dataRows(ctx), widths: [16, 42, 14, 28] },
    },
    { kind: 'heading', text: o.conclusionsTitle },
    { kind: 'bullets', items: conclusions(ctx) },
  );
  return { id: 'overview', title: t.sections.overview, blocks };
}

function keyFigures(ctx: ReportContext) {
  const { t, input, headlineMinutes: m, gapMinutes: g } = ctx;
  const s = input.baseline.summary;
  const k = t.key;
  const share = (minutes: number) =>
    formatShare(cityCoverage(input.baseline, minutes)?.elders60Share ?? null);
  const clauses = clauseSummaries(ctx);
  const binding = clauses.filter((c) => c.group === 'text' || c.group === 'interpretation');
  const items = [
    { label: k.residents, value: formatInt(s.population.residents) },
    { label: k.elders60, value: formatInt(s.population.elders60) },
    { label: k.facilities, value: formatInt(s.facilities.count) },
    { label: k.coverageAt(m), value: share(m) },
    ...(g === m ? [] : [{ label: k.coverageAt(g), value: share(g) }]),
    { label: k.radius300, value: formatShare(s.radius300.network.elders60Share) },
    { label: k.m2PerResident, value: ctx.quantity(s.area.m2PerResident, 'm2/resident') },
    {
      label: k.bindingFailed,
      value: `${binding.filter((c) => c.status === 'fail').length} / ${binding.length}`,
    },
  ];
  const scenario = input.scenario;
  if (scenario !== undefined) {
    const change = largestChange(thresholdChanges(input));
    if (change !== null) {
      items.push({
        label: k.proposalAt(change.minutes),
        value: `${formatShare(change.before)} → ${formatShare(change.after)}`,
      });
    }
  }
  return items;
}

function basisSentence(ctx: ReportContext): string {
  const { t, input } = ctx;
  const doc = DOCUMENTS[input.profile.source.document];
  const clauses = clauseSummaries(ctx);
  return t.overview.basis(
    ctx.documentName(input.profile.source.document),
    doc === undefined ? '' : doc.issuer[ctx.lang],
    doc?.date ?? '',
    t.documentKinds[input.profile.source.documentKind],
    clauses.length,
  );
}

function dataRows(ctx: ReportContext): string[][] {
  const { t, input } = ctx;
  const o = t.overview;
  const city = input.city;
  const pop = city.population;
  const reg = city.register;
  const doc = DOCUMENTS[input.profile.source.document];
  const derived = input.units.some((u) => u.derived);
  return [
    [
      o.dataRoads,
      o.roadsSource(city.attribution, city.licence),
      city.osmTimestamp?.slice(0, 10) ?? o.undated,
      o.roadsNote,
    ],
    [
      o.dataPopulation,
      o.populationSource(city.censusYear ?? 2020, pop?.censusArea ?? null),
      String(city.censusYear ?? 2020),
      t.method.populationModel(city.populationMethod ?? ''),
    ],
    [
      o.dataRegister,
      reg !== undefined
        ? o.registerImported(
            reg.fileName,
            reg.accepted,
            reg.rejected,
            reg.crsFrom === 'wgs84' ? null : t.crs[reg.crsFrom],
            reg.outsideStudyArea,
          )
        : city.facilitiesIllustrative
          ? t.dataIllustrative
          : t.dataOfficial,
      o.undated,
      o.registerNote(input.facilities.length),
    ],
    [o.dataUnits, derived ? o.unitsDerived : o.unitsGiven, '—', o.unitsNote(input.units.length)],
    [
      o.dataStandard,
      ctx.documentName(input.profile.source.document),
      doc?.date ?? '—',
      input.profile.name[ctx.lang],
    ],
  ];
}

/** 主要结论: one sentence per finding of the assessment, each led by its largest number. */
function conclusions(ctx: ReportContext): string[] {
  const { t, input, headlineMinutes: m, gapMinutes: g } = ctx;
  const c = t.conclusions;
  const s = input.baseline.summary;
  const out: string[] = [];
  const head = cityCoverage(input.baseline, m);
  const gap = cityCoverage(input.baseline, g);
  const worst = unitGaps(input.baseline, g, 'community').slice(0, 3);
  out.push(
    g === m && (head?.elders60Share ?? 0) >= 1 - 1e-9
      ? c.allCovered(m, formatShare(head?.elders60Share ?? null))
      : c.coverage(
          m,
          formatShare(head?.elders60Share ?? null),
          g,
          formatShare(gap?.elders60Share ?? null),
          formatInt(s.population.elders60 - (gap?.elders60Covered ?? 0)),
          worst.map((w) => ctx.unitName(w.unit.unitId)).join(t.listSeparator),
          ctx.figureNo('map-coverage'),
        ),
  );
  out.push(
    c.radius(
      formatShare(s.radius300.straightLine.elders60Share),
      formatShare(s.radius300.network.elders60Share),
    ),
  );
  const clauses = clauseSummaries(ctx);
  const binding = clauses.filter((x) => x.group === 'text' || x.group === 'interpretation');
  const failed = binding.filter((x) => x.status === 'fail');
  out.push(
    c.compliance(
      binding.length,
      failed.length,
      failed
        .slice(0, 3)
        .map((x) => x.title)
        .join(t.listSeparator),
      clauses.filter((x) => x.group === 'benchmark').length,
      clauses.filter((x) => x.group === 'not_evaluable').length,
    ),
  );
  const scenario = input.scenario;
  if (scenario !== undefined) {
    const change = largestChange(thresholdChanges(input));
    const flips = flippedFindings(input.baseline, scenario.result);
    const fixed = flips.filter((f) => f.after.pass).length;
    if (change !== null) {
      out.push(
        c.proposal(
          scenario.name,
          change.minutes,
          formatShare(change.before),
          formatShare(change.after),
          ctx.points(change.delta),
          formatInt(change.coveredAfter - change.coveredBefore),
          fixed,
          flips.length - fixed,
        ),
      );
    } else {
      out.push(
        c.proposalNoCoverage(
          scenario.name,
          ctx.quantity(
            scenario.result.summary.facilities.floorAreaM2 - s.facilities.floorAreaM2,
            'm2',
          ),
          fixed,
          flips.length - fixed,
        ),
      );
    }
  }
  return out;
}
