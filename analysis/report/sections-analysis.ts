import type { Finding } from '../coverage/types.ts';
import type { ReportContext } from './context.ts';
import { formatFixed, formatInt, formatShare } from './format.ts';
import type { Block, ReportSection, TableCell } from './types.ts';

/** Rows of one rule's table in the body; the full list is in tables.xlsx. */
const MAX_ROWS_PER_RULE = 12;

export function coverageSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const s = input.baseline.summary;
  const rows = s.coverage
    .filter((c) => c.profile === 'walk-elderly')
    .map((c) => [
      t.coverage.minutes(c.minutes),
      formatInt(c.elders60Covered),
      formatShare(c.elders60Share),
      formatInt(c.residentsCovered),
      formatShare(c.residentsShare),
    ]);
  const r = s.radius300;
  const blocks: Block[] = [
    { kind: 'paragraph', text: t.coverage.intro },
    {
      kind: 'table',
      table: { header: t.coverage.header, rows, numeric: [false, true, true, true, true] },
    },
    { kind: 'figure', figure: 'coverage-chart' },
    { kind: 'heading', text: t.coverage.radiusTitle },
    {
      kind: 'table',
      table: {
        header: t.coverage.radiusHeader,
        numeric: [false, true, true],
        rows: [
          [
            t.coverage.straight,
            formatInt(r.straightLine.elders60Covered),
            formatShare(r.straightLine.elders60Share),
          ],
          [
            t.coverage.network(formatFixed(r.networkMinutes, 1)),
            formatInt(r.network.elders60Covered),
            formatShare(r.network.elders60Share),
          ],
        ],
      },
    },
  ];
  if (r.detourLimited.length > 0) {
    blocks.push({ kind: 'paragraph', text: t.coverage.detour(r.detourLimited.length) });
  }
  if (s.clusters.total > 0) {
    blocks.push({
      kind: 'paragraph',
      text: t.coverage.clusters(s.clusters.total, s.clusters.minutes),
    });
  }
  return { id: 'coverage', title: t.sections.coverage, blocks };
}

/** Order of scopes inside a rule's table: the study area first, sites last. */
const SCOPE_ORDER: Record<string, number> = { city: 0, street: 1, community: 2, site: 3 };

export function findingRow(ctx: ReportContext, f: Finding): TableCell[] {
  return [
    ctx.t.scope[f.scope] ?? f.scope,
    ctx.where(f),
    ctx.passCell(f.pass),
    ctx.quantity(f.value, f.valueUnit),
    ctx.quantity(f.required, f.valueUnit),
    f.pass ? '—' : ctx.quantity(f.shortfall, f.shortfallUnit),
  ];
}

export function findingsSection(ctx: ReportContext): ReportSection {
  const { t, input } = ctx;
  const findings = input.baseline.summary.findings;
  const blocks: Block[] = [{ kind: 'paragraph', text: t.findings.intro }];
  for (const rule of input.profile.rules) {
    const own = findings.filter((f) => f.rule === rule.id);
    if (own.length === 0) continue;
    const failed = own.filter((f) => !f.pass);
    const cityLevel = own.find((f) => f.scope === 'city');
    const status = cityLevel === undefined ? failed.length === 0 : cityLevel.pass;
    const citation = rule.citation;
    const clause = ` ${citation.locator}`;
    blocks.push({
      kind: 'heading',
      text: `${status ? '✓' : '✗'} ${rule.title[ctx.lang]}`,
    });
    blocks.push({
      kind: 'paragraph',
      text: `${t.findings.citation}${ctx.colon}${citation.document}${clause}${ctx.quote(citation.quote)}${citation.verified ? '' : t.findings.unverified}`,
      tone: 'muted',
    });
    blocks.push({
      kind: 'paragraph',
      text: t.findings.counts(own.length, failed.length),
      tone: failed.length > 0 ? 'fail' : 'pass',
    });
    // City and street rows always; then the failing checks; passing small-scale checks only
    // while the table stays short.
    const ordered = [...own].sort(
      (a, b) =>
        (SCOPE_ORDER[a.scope] ?? 9) - (SCOPE_ORDER[b.scope] ?? 9) ||
        Number(a.pass) - Number(b.pass),
    );
    const important = ordered.filter((f) => f.scope === 'city' || f.scope === 'street' || !f.pass);
    const rest = ordered.filter((f) => !important.includes(f));
    const shown = [...important, ...rest].slice(0, Math.max(MAX_ROWS_PER_RULE, important.length));
    blocks.push({
      kind: 'table',
      table: {
        header: t.findings.header,
        rows: shown.map((f) => findingRow(ctx, f)),
        numeric: [false, false, false, true, true, true],
      },
    });
    if (shown.length < own.length) {
      blocks.push({
        kind: 'paragraph',
        text: t.findings.moreRows(own.length - shown.length),
        tone: 'muted',
      });
    }
    if (rule.note !== undefined) {
      blocks.push({
        kind: 'paragraph',
        text: `${t.findings.note}${ctx.colon}${rule.note[ctx.lang]}`,
        tone: 'muted',
      });
    }
  }
  const skipped = input.baseline.summary.skippedRules;
  if (skipped.length > 0) {
    const titles = new Map(input.profile.rules.map((r) => [r.id, r.title[ctx.lang]]));
    blocks.push({ kind: 'heading', text: t.findings.skipped });
    blocks.push({
      kind: 'bullets',
      items: skipped.map((s) => `${titles.get(s.rule) ?? s.rule}${ctx.paren(s.reason)}`),
    });
  }
  return { id: 'findings', title: t.sections.findings, blocks };
}
