import { type ClauseGroup, type ClauseSummary, clauseSummaries } from './clauses.ts';
import type { ReportContext } from './context.ts';
import type { Block, ReportSection, TableCell } from './types.ts';

/** Failing objects named in a clause's paragraph before "等 n 处". */
const NAMED_FAILURES = 5;

/**
 * 三、标准符合性: every clause with status (达标/未达标/无法评估), value, requirement, gap, the
 * verbatim quote and its locator. Binding clauses by their words, binding clauses in the
 * project's reading (推定), benchmarks (标杆对照) and not-evaluable clauses stand apart.
 */
export function complianceSection(ctx: ReportContext): ReportSection {
  const { t } = ctx;
  const c = t.compliance;
  const clauses = clauseSummaries(ctx);
  const count = (g: ClauseGroup) => clauses.filter((x) => x.group === g).length;
  const binding = clauses.filter((x) => x.group === 'text' || x.group === 'interpretation');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: c.intro(
        clauses.length,
        binding.filter((x) => x.status === 'pass').length,
        binding.filter((x) => x.status === 'fail').length,
        count('interpretation'),
        count('benchmark'),
        count('not_evaluable'),
        ctx.figureNo('map-compliance'),
      ),
    },
    { kind: 'figure', figure: 'map-compliance' },
  ];
  let n = 0;
  let sub = 0;
  for (const group of ['text', 'interpretation', 'benchmark', 'not_evaluable'] as const) {
    const own = clauses.filter((x) => x.group === group);
    if (own.length === 0) continue;
    blocks.push({ kind: 'heading', text: `${t.subNo(++sub)}${c.groupTitle[group]}` });
    blocks.push({ kind: 'paragraph', text: c.groupNote[group], tone: 'muted' });
    if (group === 'not_evaluable') {
      blocks.push({
        kind: 'table',
        table: {
          header: c.notEvaluableHeader,
          widths: [6, 34, 60],
          rows: own.map((x) => [String(++n), x.title, x.reason ?? '—']),
        },
      });
      // Several clauses often come from one sentence: quote it once, with their numbers.
      const first = n - own.length + 1;
      const byQuote = new Map<string, { nos: number[]; clause: ClauseSummary }>();
      own.forEach((x, i) => {
        const key = quoteKey(x);
        const entry = byQuote.get(key) ?? { nos: [], clause: x };
        entry.nos.push(first + i);
        byQuote.set(key, entry);
      });
      for (const { nos, clause } of byQuote.values()) {
        const quote = quoteBlock(ctx, clause);
        if (quote.kind === 'paragraph')
          blocks.push({ ...quote, text: `${t.clauseNos(nos)} ${quote.text}` });
      }
      continue;
    }
    const first = n;
    blocks.push({
      kind: 'table',
      table: {
        header: c.header,
        numeric: [true, false, false, true, true, true],
        widths: [6, 36, 11, 16, 16, 15],
        rows: own.map((x) => clauseRow(ctx, x, ++n)),
      },
    });
    // A sentence that carries several clauses is quoted once; the next ones refer back to it.
    const quoted = new Map<string, number>();
    own.forEach((x, i) => {
      const no = first + i + 1;
      blocks.push({ kind: 'heading', level: 3, text: `${no}. ${x.title}` });
      const key = quoteKey(x);
      const earlier = quoted.get(key);
      if (earlier === undefined) {
        quoted.set(key, no);
        blocks.push(quoteBlock(ctx, x));
      } else {
        blocks.push({
          kind: 'paragraph',
          tone: 'quote',
          text: `${c.source}${ctx.colon}${c.sameQuote(earlier)}`,
        });
      }
      blocks.push({ kind: 'paragraph', text: detail(ctx, x) });
      if (group === 'interpretation' && x.rule.citation.interpretationReason !== undefined) {
        blocks.push({
          kind: 'paragraph',
          tone: 'muted',
          text: `${c.interpretationLabel}${ctx.colon}${x.rule.citation.interpretationReason[ctx.lang]}`,
        });
      }
    });
  }
  return { id: 'compliance', title: t.sections.compliance, blocks };
}

function quoteKey(x: ClauseSummary): string {
  const c = x.rule.citation;
  return `${c.document}|${c.locator}|${c.quote}`;
}

function clauseRow(ctx: ReportContext, x: ClauseSummary, n: number): TableCell[] {
  const f = x.city;
  if (f !== null) {
    return [
      String(n),
      x.title,
      ctx.statusCell(f.status),
      ctx.quantity(f.value, f.valueUnit),
      ctx.quantity(f.required, f.valueUnit),
      f.status === 'fail' ? ctx.quantity(f.shortfall, f.shortfallUnit) : '—',
    ];
  }
  const evaluated = x.findings.filter((y) => y.status !== 'not_evaluable');
  const scope = ctx.t.scope[evaluated[0]?.scope ?? 'community'] ?? '';
  return [
    String(n),
    x.title,
    ctx.statusCell(x.status),
    ctx.t.compliance.passedOf(evaluated.length - x.failed.length, evaluated.length, scope),
    ctx.t.compliance.allOf(scope),
    x.failed.length > 0 ? ctx.t.compliance.failedCount(x.failed.length, scope) : '—',
  ];
}

function quoteBlock(ctx: ReportContext, x: ClauseSummary): Block {
  const citation = x.rule.citation;
  return {
    kind: 'paragraph',
    tone: 'quote',
    text: `${ctx.t.compliance.source}${ctx.colon}${ctx.documentName(citation.document)} ${citation.locator}${ctx.colon}${ctx.quote(citation.quote)}`,
  };
}

/** Where the clause fails: the failing units or sites by name, and how many checks ran. */
function detail(ctx: ReportContext, x: ClauseSummary): string {
  const c = ctx.t.compliance;
  const evaluated = x.findings.filter((f) => f.status !== 'not_evaluable');
  const local = x.failed.filter((f) => f.scope !== 'city');
  if (local.length === 0) return c.detailNone(evaluated.length);
  const names = [...new Set(local.map((f) => ctx.where(f)))];
  const shown = names.slice(0, NAMED_FAILURES).join(ctx.t.listSeparator);
  return c.detailFailed(
    evaluated.length,
    local.length,
    shown,
    names.length - Math.min(names.length, NAMED_FAILURES),
  );
}
