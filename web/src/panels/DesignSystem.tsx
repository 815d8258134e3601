import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * Ant Design with the app's language (zh-CN by default, en when the user switches) and the
 * palette of the brand: a sober blue, small radii and compact controls, as in government GIS
 * systems where the map, not the chrome, is the subject.
 */
export function DesignSystem({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      // Labels read as written (antd would space two-character Chinese labels: "取 消").
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: '#0b5f8a',
          colorInfo: '#0b5f8a',
          // Darker than antd's defaults so that red text and secondary text pass WCAG AA.
          colorError: '#c0262d',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          borderRadius: 4,
          fontSize: 13,
          fontFamily:
            '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif',
        },
        components: {
          Layout: {
            headerHeight: 48,
            headerPadding: '0 16px',
            headerBg: '#ffffff',
            siderBg: '#ffffff',
          },
          Tabs: { horizontalMargin: '0' },
        },
      }}
    >
      <AntApp className="ant-app-root">{children}</AntApp>
    </ConfigProvider>
  );
}
