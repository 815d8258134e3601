import { useMemo, useState } from 'react';
import type { StandardsProfile } from '../../../../analysis/standards/types.ts';
import { type ProfileProblem, validateProfile } from '../../../../analysis/standards/validate.ts';
import { applyEdits, editableFields, fieldText, pathKey } from '../../analysis-ui/profile-edit.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const COPY_SUFFIX = { id: '-copy', zh: '（副本）', en: ' (copy)' };

/** A form over a copy of the profile; every problem is listed before anything runs. */
export function ProfileEditor({
  profile,
  onCancel,
  onRun,
}: {
  profile: StandardsProfile;
  onCancel(): void;
  onRun(profile: StandardsProfile): void;
}) {
  const { t, locale } = useI18n();
  const fields = useMemo(() => editableFields(profile), [profile]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<ProfileProblem[]>([]);
  const titles = new Map(
    profile.rules.map((r) => [r.id, locale === 'en' ? r.title.en : r.title.zh]),
  );
  let lastGroup = '';

  const submit = () => {
    const candidate = applyEdits(profile, fields, edits, COPY_SUFFIX);
    const result = validateProfile(candidate);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    onRun(result.profile);
  };

  return (
    <form
      className="profile-editor"
      data-testid="profile-editor"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="panel-note">{t('analysis.editor.intro')}</p>
      {fields.map((field) => {
        const key = pathKey(field.path);
        const group =
          field.ruleId !== undefined
            ? (titles.get(field.ruleId) ?? field.ruleId)
            : field.path[0] === 'targets'
              ? t('analysis.editor.targets')
              : t('analysis.editor.settings');
        const header = group !== lastGroup ? group : null;
        lastGroup = group;
        const invalid = problems.some(
          (p) => p.path === `$.${key.replace(/\.(\d+)(?=\.|$)/g, '[$1]')}`,
        );
        return (
          <div key={key}>
            {header !== null && <div className="editor-group">{header}</div>}
            <label className={invalid ? 'editor-field editor-invalid' : 'editor-field'}>
              <span>
                {t(`analysis.field.${field.key}` as MessageKey)}
                {field.path[0] === 'targets'
                  ? ` ${profile.targets?.[field.path[1] as number]?.year ?? ''}`
                  : ''}
              </span>
              <input
                type="text"
                inputMode="decimal"
                value={edits[key] ?? fieldText(profile, field)}
                onChange={(e) => setEdits({ ...edits, [key]: e.target.value })}
                data-field={key}
              />
            </label>
          </div>
        );
      })}
      {problems.length > 0 && (
        <div className="problems" role="alert" data-testid="profile-problems">
          <div>{t('analysis.editor.problems', { n: problems.length })}</div>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}|${p.message}`}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="editor-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('analysis.editor.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="run-edited">
          {t('analysis.editor.run')}
        </button>
      </div>
    </form>
  );
}
