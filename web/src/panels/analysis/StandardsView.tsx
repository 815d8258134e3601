import { useState } from 'react';
import type { Finding } from '../../../../analysis/coverage/types.ts';
import { documentLabel } from '../../../../analysis/standards/documents.ts';
import type { StandardsProfile } from '../../../../analysis/standards/types.ts';
import { shortfallText, valueVsRequired } from '../../analysis-ui/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ProfileEditor } from './ProfileEditor.tsx';

interface StandardsViewProps {
  profile: StandardsProfile;
  /** Findings of the last run of this profile (empty before a run). */
  findings: Finding[];
  skipped: { rule: string; reason: string }[];
  onRun(profile: StandardsProfile): void;
}

/** The profile's rules with their citywide result, citation and unit failures; edit a copy. */
export function StandardsView({ profile, findings, skipped, onRun }: StandardsViewProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
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
  const skippedIds = new Map(skipped.map((s) => [s.rule, s.reason]));
  return (
    <div className="standards" data-testid="standards-view">
      <div className="section-head">
        <div>
          <div className="profile-name">{locale === 'en' ? profile.name.en : profile.name.zh}</div>
          <div className="panel-note">{documentLabel(profile.source.document)}</div>
        </div>
        <button
          type="button"
          className="btn"
          onClick={() => setEditing(true)}
          data-testid="edit-copy"
        >
          {t('analysis.standards.editCopy')}
        </button>
      </div>
      <ul className="rule-list">
        {profile.rules.map((rule) => {
          const own = findings.filter((f) => f.rule === rule.id);
          const city = own.find((f) => f.scope === 'city');
          const failing = own.filter((f) => !f.pass && f.scope !== 'city').length;
          const reason = skippedIds.get(rule.id);
          const status =
            reason !== undefined
              ? 'skip'
              : city === undefined
                ? 'none'
                : city.pass
                  ? 'pass'
                  : 'fail';
          return (
            <li key={rule.id} className={`rule rule-${status}`} data-rule={rule.id}>
              <div className="rule-head">
                <span className={`rule-badge badge-${status}`}>
                  {t(`analysis.status.${status}`)}
                </span>
                <span className="rule-title">
                  {locale === 'en' ? rule.title.en : rule.title.zh}
                </span>
              </div>
              {city !== undefined && (
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
              {reason !== undefined && <div className="panel-note">{reason}</div>}
              <blockquote className="citation">
                <span className="citation-doc">
                  {documentLabel(rule.citation.document)} {rule.citation.locator}
                </span>
                {!rule.citation.verified && (
                  <span className="unverified" title={t('analysis.unverifiedHint')}>
                    {t('analysis.unverified')}
                  </span>
                )}
                <div>“{rule.citation.quote}”</div>
              </blockquote>
              {rule.note && (
                <div className="panel-note">{locale === 'en' ? rule.note.en : rule.note.zh}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
