import { Checkbox, Pagination, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../../analysis/coverage/types.ts';
import { documentLabel } from '../../../../analysis/standards/documents.ts';
import { type Bilingual, checkCitation } from '../../../../analysis/standards/quote-check.ts';
import { shortfallText, valueVsRequired } from '../../analysis-ui/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Failed first, then not evaluable, then passed (the planner's reading order). */
const STATUS_RANK: Record<Finding['status'], number> = { fail: 0, not_evaluable: 1, pass: 2 };
const STATUS_COLOR: Record<Finding['status'], string> = {
  pass: 'success',
  fail: 'error',
  not_evaluable: 'default',
};

const byStatus = (a: Finding, b: Finding) => STATUS_RANK[a.status] - STATUS_RANK[b.status];

const rowKey = (f: Finding) => `${f.rule}|${f.scope}|${f.unitId}|${f.siteId}`;

/** Status, quote, 推定 and notes of one finding, in the active language. */
function useFindingText() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const pick = (b: Bilingual | null | undefined) =>
    b == null ? '' : locale === 'en' ? b.en : b.zh;
  return { ...i18n, t, pick };
}

const PAGE_SIZE = 15;

/** One finding: title and 推定, where and status (with reason), notes, then the quote. */
function FindingItem({
  f,
  where,
  onPickUnit,
}: {
  f: Finding;
  where: string;
  onPickUnit(unitId: string): void;
}) {
  const { t, pick, ...i18n } = useFindingText();
  const title = f.titles === undefined ? f.title : pick(f.titles);
  const check = f.verified ? null : checkCitation(f);
  const unit = f.unitId !== null && f.unitId !== '' && f.scope !== 'site';
  const shortfall = shortfallText(f, { t, ...i18n });
  const muted = { fontSize: 12 };
  return (
    <li
      className={unit ? 'finding clickable' : 'finding'}
      data-rule={f.rule}
      data-status={f.status}
      style={{ padding: '8px 0', borderBottom: '1px solid var(--line, #eee)' }}
    >
      <div className="finding-title">
        {title}
        {f.basis === 'interpretation' && (
          <Tooltip title={t('std.interpretationHint')}>
            <Tag color="gold" className="finding-interpretation" style={{ marginInlineStart: 6 }}>
              {t('std.interpretation')}
            </Tag>
          </Tooltip>
        )}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        {/* A unit's finding zooms to the unit. */}
        <button
          type="button"
          className="finding-where"
          disabled={!unit}
          onClick={() => unit && f.unitId !== null && onPickUnit(f.unitId)}
          style={{ all: 'unset', cursor: unit ? 'pointer' : 'default', fontWeight: 600 }}
        >
          {where}
        </button>
        <Tag color={STATUS_COLOR[f.status]} className="finding-status">
          {t(`std.status.${f.status}`)}
        </Tag>
        {f.status !== 'not_evaluable' && (
          <Typography.Text type="secondary" className="finding-value" style={muted}>
            {valueVsRequired(f, { t, ...i18n })}
          </Typography.Text>
        )}
        {shortfall !== '—' && (
          <Typography.Text type="danger" className="finding-shortfall" style={muted}>
            {t('analysis.col.shortfall')} {shortfall}
          </Typography.Text>
        )}
      </div>
      {f.statusReason !== null && (
        <div className="finding-reason" style={muted}>
          <Typography.Text type="secondary">
            {t('std.reasonLabel')}：{pick(f.statusReason)}
          </Typography.Text>
        </div>
      )}
      {f.basis === 'interpretation' && f.interpretationReason !== null && (
        <div style={muted}>
          <Typography.Text type="secondary" className="finding-interpretation-reason">
            {pick(f.interpretationReason)}
          </Typography.Text>
        </div>
      )}
      {f.notes.map((n) => (
        <div key={n.en} className="finding-note" style={muted}>
          <Typography.Text type="secondary">{pick(n)}</Typography.Text>
        </div>
      ))}
      <blockquote className="citation finding-citation" style={muted}>
        <span className="finding-locator">
          {documentLabel(f.document)} {f.locator}
        </span>
        {check !== null && (
          <Tooltip title={pick(check.reason)}>
            <Tag className="finding-unverified" style={{ marginInlineStart: 6 }}>
              {t(check.status === 'not_found' ? 'std.notFound' : 'std.unverifiedText')}
            </Tag>
          </Tooltip>
        )}
        <div className="finding-quote">“{f.quote}”</div>
      </blockquote>
    </li>
  );
}

function FindingsGroup({
  kind,
  findings,
  where,
  onPickUnit,
}: {
  kind: 'binding' | 'benchmark';
  findings: Finding[];
  where(f: Finding): string;
  onPickUnit(unitId: string): void;
}) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const last = Math.max(1, Math.ceil(findings.length / PAGE_SIZE));
  const current = Math.min(page, last);
  const shown = findings.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return (
    <section className={`findings-group findings-${kind}`} data-testid={`findings-${kind}`}>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        <Tooltip title={t(kind === 'binding' ? 'std.bindingHint' : 'std.benchmarkHint')}>
          <Tag color={kind === 'binding' ? 'blue' : 'purple'}>
            {t(kind === 'binding' ? 'std.binding' : 'std.benchmark')}
          </Tag>
        </Tooltip>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('std.count', { n: findings.length })}
        </Typography.Text>
      </Typography.Title>
      {kind === 'benchmark' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('std.benchmarkHint')}
        </Typography.Paragraph>
      )}
      {findings.length === 0 ? (
        <Typography.Text type="secondary">{t('std.none')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((f) => (
            <FindingItem key={rowKey(f)} f={f} where={where(f)} onPickUnit={onPickUnit} />
          ))}
        </ul>
      )}
      {findings.length > PAGE_SIZE && (
        <Pagination
          size="small"
          simple
          current={current}
          pageSize={PAGE_SIZE}
          total={findings.length}
          onChange={setPage}
          style={{ marginTop: 8 }}
        />
      )}
    </section>
  );
}

/**
 * Every finding with its status (and why it is not evaluable), its quote and locator, 推定 and
 * notes in the active language; binding findings first, benchmarks (标杆对照) apart below.
 */
export function FindingsTable({
  findings,
  unitNames,
  onPickUnit,
}: {
  findings: Finding[];
  unitNames: Map<string, string>;
  onPickUnit(unitId: string): void;
}) {
  const { t, locale } = useI18n();
  const [problemsOnly, setProblemsOnly] = useState(true);
  const [ruleFilter, setRuleFilter] = useState<string | null>(null);
  // Names only: a unit or facility id never reaches the user.
  const where = (f: Finding) => {
    if (f.scope === 'city') return t('analysis.scope.city');
    const unit = f.unitName ?? unitNames.get(f.unitId ?? '') ?? '—';
    if (f.scope === 'site') return t('std.site', { name: f.siteName ?? unit });
    return unit;
  };
  const rules = [...new Map(findings.map((f) => [f.rule, f])).values()];
  const title = (f: Finding) =>
    f.titles === undefined ? f.title : locale === 'en' ? f.titles.en : f.titles.zh;
  // Failed first, then not evaluable, then passed; the engine's order (rule, scope) within.
  const shown = findings
    .filter((f) => (!problemsOnly || f.status !== 'pass') && (ruleFilter ?? f.rule) === f.rule)
    .sort(byStatus);
  return (
    <div data-testid="findings-table">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Checkbox
          checked={problemsOnly}
          onChange={(e) => setProblemsOnly(e.target.checked)}
          data-testid="findings-failed-only"
        >
          {t('std.onlyProblems')}
        </Checkbox>
        <Select
          size="small"
          allowClear
          aria-label={t('std.allRules')}
          value={ruleFilter}
          placeholder={t('std.allRules')}
          onChange={(v) => setRuleFilter(v ?? null)}
          options={rules.map((f) => ({ value: f.rule, label: title(f) }))}
          popupMatchSelectWidth={false}
          style={{ minWidth: 160, maxWidth: '100%' }}
          data-testid="findings-rule-filter"
        />
      </div>
      <FindingsGroup
        kind="binding"
        findings={shown.filter((f) => f.binding)}
        where={where}
        onPickUnit={onPickUnit}
      />
      <FindingsGroup
        kind="benchmark"
        findings={shown.filter((f) => !f.binding)}
        where={where}
        onPickUnit={onPickUnit}
      />
    </div>
  );
}
