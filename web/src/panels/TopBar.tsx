import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { IllustrativeBadge } from './IllustrativeBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface TopBarProps {
  cityName?: string;
  illustrative: boolean;
  /** Tools shown before the language switch (import, settings). */
  children?: ReactNode;
}

export function TopBar({ cityName, illustrative, children }: TopBarProps) {
  const { t } = useI18n();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <div>
          <h1 data-testid="app-title">{t('app.title')}</h1>
          <div className="brand-sub">{t('app.subtitle')}</div>
        </div>
      </div>
      <div className="topbar-city">
        {cityName && <span className="city-name">{cityName}</span>}
        {illustrative && <IllustrativeBadge testId="illustrative-badge" />}
      </div>
      {children}
      <LanguageSwitch />
    </header>
  );
}
