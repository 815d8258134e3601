import { Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** One button that flips between the two languages; it is labelled in the other language. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      className="lang-switch"
      data-testid="language-switch"
      title={t('lang.switchTitle')}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('lang.switch')}
    </Button>
  );
}
