import { Alert, Button, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { documentLabel } from '../../../../analysis/standards/documents.ts';
import { staleQuotes } from '../../../../analysis/standards/profile-citations.ts';
import type { StandardsProfile } from '../../../../analysis/standards/types.ts';
import { type ProfileProblem, validateProfile } from '../../../../analysis/standards/validate.ts';
import {
  applyEdits,
  type EditableField,
  editableFields,
  fieldText,
  pathKey,
  quoteFields,
  withQuoteEdits,
} from '../../analysis-ui/profile-edit.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const COPY_SUFFIX = { id: '-copy', zh: '（副本）', en: ' (copy)' };

/** `$.rules[3].minutes` for the field at ['rules', 3, 'minutes'] (the validator's paths). */
const inputId = (field: EditableField) =>
  `profile-field-${pathKey(field.path).replaceAll('.', '-')}`;

const problemPath = (field: EditableField) =>
  `$.${pathKey(field.path).replace(/\.(\d+)(?=\.|$)/g, '[$1]')}`;

/**
 * A form over a copy of the profile: settings, each rule's figures and its quote with the
 * locator. An edited quote that is no longer found in its document's text is flagged at once
 * (staleQuotes); every validation problem is listed before anything runs.
 */
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
  const numbers = useMemo(() => editableFields(profile), [profile]);
  const quotes = useMemo(() => quoteFields(profile), [profile]);
  const fields = useMemo(() => [...numbers, ...quotes], [numbers, quotes]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<ProfileProblem[]>([]);
  const title = (ruleId: string) => {
    const rule = profile.rules.find((r) => r.id === ruleId);
    return rule === undefined ? '' : locale === 'en' ? rule.title.en : rule.title.zh;
  };
  const fieldLabel = (field: EditableField) => t(`analysis.field.${field.key}` as MessageKey);
  const stale = new Set(staleQuotes(withQuoteEdits(profile, quotes, edits)).map((c) => c.owner));

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

  const input = (field: EditableField) => {
    const key = pathKey(field.path);
    const invalid = problems.some((p) => p.path === problemPath(field));
    const common = {
      id: inputId(field),
      value: edits[key] ?? fieldText(profile, field),
      status: invalid ? ('error' as const) : undefined,
      'data-field': key,
    };
    return field.text === true ? (
      <Input.TextArea
        {...common}
        autoSize={{ minRows: 1, maxRows: 4 }}
        onChange={(e) => setEdits({ ...edits, [key]: e.target.value })}
      />
    ) : (
      <Input
        {...common}
        inputMode="decimal"
        onChange={(e) => setEdits({ ...edits, [key]: e.target.value })}
      />
    );
  };

  const row = (field: EditableField) => (
    <div
      key={pathKey(field.path)}
      className="editor-field"
      style={field.text === true ? { flexDirection: 'column', alignItems: 'stretch' } : undefined}
    >
      <label htmlFor={inputId(field)}>
        {fieldLabel(field)}
        {field.path[0] === 'targets'
          ? ` ${profile.targets?.[field.path[1] as number]?.year ?? ''}`
          : ''}
      </label>
      {input(field)}
    </div>
  );

  const settings = numbers.filter((f) => f.ruleId === undefined && f.path[0] === 'settings');
  const targets = numbers.filter((f) => f.path[0] === 'targets');
  const staleList = profile.rules.filter((r) => stale.has(r.id));
  // A problem names the field in the active language; the path stays for the record.
  const problemLabel = (p: ProfileProblem) => {
    const field = fields.find((f) => problemPath(f) === p.path);
    if (field === undefined) return null;
    return field.ruleId === undefined
      ? fieldLabel(field)
      : t('std.editor.field', { rule: title(field.ruleId), field: fieldLabel(field) });
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
      {staleList.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="stale-quotes"
          title={t('std.editor.staleTitle')}
          description={
            <ul>
              {staleList.map((r) => (
                <li key={r.id}>{locale === 'en' ? r.title.en : r.title.zh}</li>
              ))}
            </ul>
          }
        />
      )}
      <div className="editor-group">{t('analysis.editor.settings')}</div>
      {settings.map(row)}
      {profile.rules.map((rule) => (
        <fieldset
          key={rule.id}
          className="editor-rule"
          data-rule={rule.id}
          style={{ border: '1px solid var(--line, #e5e7eb)', borderRadius: 6, margin: '8px 0' }}
        >
          <div className="editor-group">{title(rule.id)}</div>
          {numbers.filter((f) => f.ruleId === rule.id).map(row)}
          <Typography.Text type="secondary" className="editor-locator">
            {t('std.locator')}：{documentLabel(rule.citation.document)} {rule.citation.locator}
          </Typography.Text>
          {quotes.filter((f) => f.ruleId === rule.id).map(row)}
          {stale.has(rule.id) && (
            <Typography.Text type="warning" className="quote-stale" data-testid="quote-stale">
              {t('std.editor.stale')}
            </Typography.Text>
          )}
        </fieldset>
      ))}
      {targets.length > 0 && <div className="editor-group">{t('analysis.editor.targets')}</div>}
      {targets.map(row)}
      {problems.length > 0 && (
        <div className="problems" role="alert" data-testid="profile-problems">
          <div>{t('analysis.editor.problems', { n: problems.length })}</div>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}|${p.message}`}>
                {problemLabel(p)} <code>{p.path}</code> {locale === 'en' ? p.text.en : p.text.zh}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="editor-actions">
        <Button onClick={onCancel}>{t('analysis.editor.cancel')}</Button>
        <Button type="primary" htmlType="submit" data-testid="run-edited">
          {t('analysis.editor.run')}
        </Button>
      </div>
    </form>
  );
}
