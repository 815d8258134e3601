import { Button, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../../analysis/coverage/types.ts';
import { documentLabel } from '../../../../analysis/standards/documents.ts';
import type { SkippedRule } from '../../../../analysis/standards/evaluate.ts';
import { type Bilingual, checkCitation } from '../../../../analysis/standards/quote-check.ts';
import type { Rule, StandardsProfile } from '../../../../analysis/standards/types.ts';
import { shortfallText, valueVsRequired } from '../../analysis-ui/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ProfileEditor } from './ProfileEditor.tsx';

interface StandardsViewProps {
  profile: StandardsProfile;
  /** Findings of the last run of this profile (empty before a run). */
  findings: Finding[];
  skipped: (Pick<SkippedRule, 'rule' | 'reason'> & Partial<Pick<SkippedRule, 'reasonText'>>)[];
  onRun(profile: StandardsProfile): void;
}

type RuleStatus = Finding['status'] | 'skip' | 'none';
const BADGE: Record<RuleStatus, string> = {
  pass: 'success',
  fail: 'error',
  not_evaluable: 'default',
  skip: 'default',
  none: 'default',
};

/** A rule binds nowhere (力争, a report of results) or only on some units (新建居住区 …). */
function benchmarkKind(rule: Rule, profile: StandardsProfile): 'all' | 'some' | null {
  if (rule.binding === false || profile.source.documentKind === 'report') return 'all';
  return rule.bindsOn === undefined ? null : 'some';
}

/**
 * The profile's rules with their citywide result (达标/未达标/无法评估 with the reason), the
 * verbatim quote and locator, 推定 with its reason, and whether the rule is a benchmark
 * (标杆对照); edit a copy.
 */
export function StandardsView({ profile, findings, skipped, onRun }: StandardsViewProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const pick = (b: Bilingual | null | undefined) =>
    b == null ? '' : locale === 'en' ? b.en : b.zh;
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <ProfileEditor
        profile={profile}
        onCancel={() => setEditing(false)}
        onRun={(edited) => {
          setEditing(false);
          onRun(edited);
        }}
      />
    );
  const skippedById = new Map(skipped.map((s) => [s.rule, s]));
  const report = profile.source.documentKind === 'report';
  return (
    <div className="standards" data-testid="standards-view">
      <div className="section-head">
        <div>
          <div className="profile-name">{pick(profile.name)}</div>
          <div className="panel-note">
            {documentLabel(profile.source.document)}
            {report && (
              <Tag color="purple" style={{ marginInlineStart: 6 }} data-testid="profile-report">
                {t('std.report')}
              </Tag>
            )}
          </div>
        </div>
        <Button onClick={() => setEditing(true)} data-testid="edit-copy">
          {t('analysis.standards.editCopy')}
        </Button>
      </div>
      {(profile.notes ?? []).map((n) => (
        <Typography.Paragraph key={n.en} type="secondary" className="profile-note">
          {pick(n)}
        </Typography.Paragraph>
      ))}
      <ul className="rule-list">
        {profile.rules.map((rule) => {
          const own = findings.filter((f) => f.rule === rule.id);
          const city = own.find((f) => f.scope === 'city');
          const failing = own.filter((f) => f.status === 'fail' && f.scope !== 'city').length;
          const skip = skippedById.get(rule.id);
          const status: RuleStatus =
            skip !== undefined ? 'skip' : city === undefined ? 'none' : city.status;
          const label =
            status === 'skip' || status === 'none'
              ? t(`analysis.status.${status}`)
              : t(`std.status.${status}`);
          const benchmark = benchmarkKind(rule, profile);
          const check = checkCitation(rule.citation);
          const c = rule.citation;
          return (
            <li key={rule.id} className={`rule rule-${status}`} data-rule={rule.id}>
              <div className="rule-head">
                <Tag color={BADGE[status]} className="rule-badge" data-status={status}>
                  {label}
                </Tag>
                <span className="rule-title">{pick(rule.title)}</span>
                {benchmark === 'all' && (
                  <Tooltip title={t('std.benchmarkHint')}>
                    <Tag color="purple" className="rule-benchmark">
                      {t('std.benchmark')}
                    </Tag>
                  </Tooltip>
                )}
                {benchmark === 'some' && rule.bindsOn !== undefined && (
                  <Tag color="purple" className="rule-binds-on">
                    {t(`std.bindsOn.${rule.bindsOn}`)}
                  </Tag>
                )}
                {c.basis === 'interpretation' && (
                  <Tooltip title={t('std.interpretationHint')}>
                    <Tag color="gold" className="rule-interpretation" style={{ color: '#6b4a00' }}>
                      {t('std.interpretation')}
                    </Tag>
                  </Tooltip>
                )}
              </div>
              {city !== undefined && city.status !== 'not_evaluable' && (
                <dl className="rule-figures">
                  <div>
                    <dt>{t('analysis.standards.valueVsRequired')}</dt>
                    <dd>{valueVsRequired(city, i18n)}</dd>
                  </div>
                  <div>
                    <dt>{t('analysis.col.shortfall')}</dt>
                    <dd>{shortfallText(city, i18n)}</dd>
                  </div>
                  {failing > 0 && (
                    <div>
                      <dt>{t('analysis.standards.failingPlaces')}</dt>
                      <dd className="cell-bad">{failing}</dd>
                    </div>
                  )}
                </dl>
              )}
              {city?.statusReason != null && (
                <div className="panel-note rule-reason">
                  {t('std.reasonLabel')}：{pick(city.statusReason)}
                </div>
              )}
              {skip !== undefined && (
                <div className="panel-note">{skip.reasonText ? pick(skip.reasonText) : ''}</div>
              )}
              <blockquote className="citation">
                <span className="citation-doc">
                  {documentLabel(c.document)} {c.locator}
                </span>
                {!check.found && (
                  <Tooltip title={pick(check.reason)}>
                    <Tag className="unverified" style={{ marginInlineStart: 6 }}>
                      {t(check.status === 'not_found' ? 'std.notFound' : 'std.unverifiedText')}
                    </Tag>
                  </Tooltip>
                )}
                <div className="rule-quote">“{c.quote}”</div>
              </blockquote>
              {c.basis === 'interpretation' && c.interpretationReason !== undefined && (
                <div className="panel-note rule-interpretation-reason">
                  {t('std.interpretation')}：{pick(c.interpretationReason)}
                </div>
              )}
              {rule.note && <div className="panel-note">{pick(rule.note)}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
