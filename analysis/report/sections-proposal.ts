import type { AnalysisResult } from '../coverage/analyse-city.ts';
import type { Finding } from '../coverage/types.ts';
import { findingKey, type ReportContext } from './context.ts';
import { formatFixed, formatInt, formatShare } from './format.ts';
import type { ProposedSite } from './proposed-sites.ts';
import type { Block, ReportSection, TableCell } from './types.ts';

/** A check whose pass/fail differs between baseline and scenario (or is new and failing). */
export interface FlippedFinding {
  before: Finding | null;
  after: Finding;
}

/**
 * Checks that flip: matched by rule, scope, unit and site. A check that exists only in the
 * scenario (a new site's own checks) is listed when it fails; checks of closed sites vanish.
 */
export function flippedFindings(
  baseline: AnalysisResult,
  scenario: AnalysisResult,
): FlippedFinding[] {
  const before = new Map(baseline.summary.findings.map((f) => [findingKey(f), f]));
  const out: FlippedFinding[] = [];
  for (const after of scenario.summary.findings) {
    const prev = before.get(findingKey(after)) ?? null;
    if (prev === null ? after.status === 'fail' : prev.status !== after.status)
      out.push({ before: prev, after });
  }
  return out;
}

function areaText(p: ProposedSite): string {
  if (p.floorAreaM2 === null) return '—';
  if (
    p.state === 'resized' &&
    p.previousFloorAreaM2 !== null &&
    p.previousFloorAreaM2 !== p.floorAreaM2
  )
    return `${formatInt(p.previousFloorAreaM2)} → ${formatInt(p.floorAreaM2)}`;
  return formatInt(p.floorAreaM2);
}

/** 四、规划方案: every site the proposal adds, moves, resizes or closes, by place. */
export function proposalSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const p = t.proposal;
  const scenario = input.scenario;
  const sites = ctx.proposed;
  const blocks: Block[] = [];
  if (scenario === undefined && sites.length === 0) {
    blocks.push({ kind: 'paragraph', text: p.none, tone: 'muted' });
    return { id: 'proposal', title: t.sections.proposal, blocks };
  }
  const count = (state: string) => sites.filter((s) => s.state === state).length;
  if (scenario !== undefined) {
    blocks.push({
      kind: 'paragraph',
      text: p.intro(
        scenario.name,
        count('new'),
        count('moved'),
        count('resized'),
        count('closed'),
        ctx.effectMinutes,
      ),
    });
    const run = scenario.optimiser;
    if (run !== undefined) {
      blocks.push({
        kind: 'paragraph',
        text: p.optimiser(
          t.problems[run.problem],
          run.minutes,
          t.solverStatus[run.status] ?? run.status,
          run.newSites,
          formatInt(run.newlyCoveredElders),
          formatShare(run.gap),
        ),
      });
    }
    const settings = scenario.modifications.flatMap((m) => {
      if (m.kind === 'set-walking-speed') return [p.speed(m.mps)];
      if (m.kind === 'set-profile')
        return [p.profile(scenario.profile?.name[ctx.lang] ?? input.profile.name[ctx.lang])];
      if (m.kind === 'set-travel-profile') return [p.travel(t.travel[m.travel] ?? m.travel)];
      return [];
    });
    if (settings.length > 0) blocks.push({ kind: 'bullets', items: settings });
  }
  const rec = input.recommended;
  if (rec !== undefined) {
    blocks.push({
      kind: 'paragraph',
      text: p.recommended(
        rec.sites.length,
        rec.minutes,
        t.problems[rec.problem],
        formatInt(rec.newlyCoveredElders),
      ),
    });
  }
  const rows: TableCell[][] = sites.map((s, i) => [
    String(i + 1),
    s.name,
    s.location.text,
    s.type === null ? '—' : (t.facilityTypes[s.type] ?? s.type),
    areaText(s),
    s.newlyServedElders === null ? '—' : formatInt(s.newlyServedElders),
    t.siteStates[s.state] ?? s.state,
  ]);
  if (rows.length > 0) {
    const header = [...p.header];
    header[5] = p.servedHeader(ctx.effectMinutes);
    blocks.push({
      kind: 'table',
      table: {
        header,
        rows,
        numeric: [true, false, false, false, true, true, false],
        widths: [5, 18, 32, 13, 12, 12, 8],
      },
    });
    blocks.push({ kind: 'paragraph', text: p.servedNote(ctx.effectMinutes), tone: 'muted' });
  }
  blocks.push(...networkEditBlocks(ctx));
  return { id: 'proposal', title: t.sections.proposal, blocks };
}

/** The proposal's added links and closed roads: kind, length, place, cost and gain. */
function networkEditBlocks(ctx: ReportContext): Block[] {
  const p = ctx.t.proposal;
  const edits = ctx.input.scenario?.networkEdits ?? [];
  if (edits.length === 0) return [];
  const m = ctx.effectMinutes;
  const sep = ctx.lang === 'zh' ? '、' : ', ';
  const rows: TableCell[][] = edits.map((e, i) => {
    const at = e.thresholds.indexOf(m);
    const gain = at < 0 ? undefined : e.gains[at];
    const networks = e.networks.map((n) => p.networkFor[n] ?? n).join(sep);
    return [
      String(i + 1),
      ctx.lang === 'zh'
        ? `${p.networkKinds[e.kind]}（${networks}）`
        : `${p.networkKinds[e.kind]} (${networks})`,
      formatInt(e.lengthM),
      ctx.describe(e.anchor[0], e.anchor[1]),
      e.costYuan === undefined ? '—' : formatFixed(e.costYuan / 10_000, 2),
      gain === undefined ? '—' : formatInt(gain),
    ];
  });
  const count = (kind: string) => edits.filter((e) => e.kind === kind).length;
  return [
    { kind: 'paragraph', text: p.networkIntro(count('add-link'), count('close-link')) },
    {
      kind: 'table',
      table: {
        header: p.networkHeader(m),
        rows,
        numeric: [true, false, true, false, true, true],
        widths: [5, 18, 10, 37, 12, 18],
      },
    },
    { kind: 'paragraph', text: p.networkNote(m), tone: 'muted' },
  ];
}
