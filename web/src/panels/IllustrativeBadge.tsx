import { useI18n } from '../i18n/I18nProvider.tsx';

/** The 示例数据 label: the facility register on screen is illustrative, not an official list. */
export function IllustrativeBadge({ testId }: { testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="badge-illustrative" title={t('badge.illustrativeHint')} data-testid={testId}>
      {t('badge.illustrative')}
    </span>
  );
}
