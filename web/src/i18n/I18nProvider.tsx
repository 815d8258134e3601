import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import {
  type Catalogue,
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
  type MessageKey,
  type MessageParams,
  translate,
} from './catalogue.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'carecircle.locale';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: MessageParams): string;
  /** Numbers as planners write them in the chosen language (grouping, fixed decimals). */
  formatNumber(value: number, fractionDigits?: number): string;
  formatPercent(share: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function isLocale(value: string | null): value is Locale {
  return value !== null && (LOCALES as readonly string[]).includes(value);
}

/** ?lang= wins (handy for links and tests), then the last choice, then Chinese. */
function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `CareCircle · ${CATALOGUES[locale]['app.title']}`;
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[locale];
    // One formatter per digit count, made once: toLocaleString builds a new Intl.NumberFormat on
    // every call, which dominated rendering the county's tables (same output either way).
    const numberFormats = new Map<number, Intl.NumberFormat>();
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const numberFormat = (digits: number) => {
      let format = numberFormats.get(digits);
      if (format === undefined) {
        format = new Intl.NumberFormat(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        numberFormats.set(digits, format);
      }
      return format;
    };
    return {
      locale,
      setLocale,
      t: (key, params) => translate(catalogue, key, params),
      formatNumber: (n, digits = 0) => numberFormat(digits).format(n),
      formatPercent: (share) => percent.format(share),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
