import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../import/Dialog.tsx';
import { type BaseMapSetting, isTiandituKey } from './base-map-settings.ts';
import { OsrmSection } from './OsrmSection.tsx';

interface SettingsPanelProps {
  setting: BaseMapSetting;
  onChange(setting: BaseMapSetting): void;
  onClose(): void;
}

type Kind = BaseMapSetting['kind'];
const KINDS: Kind[] = ['offline', 'osm', 'tianditu'];

/**
 * Base-map settings. Choosing an online source is an explicit act (a button), never a side effect
 * of opening the panel: until then no request leaves the page.
 */
export function SettingsPanel({ setting, onChange, onClose }: SettingsPanelProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>(setting.kind);
  const [key, setKey] = useState(setting.kind === 'tianditu' ? setting.key : '');
  const keyOk = isTiandituKey(key);
  const draft: BaseMapSetting | null =
    kind === 'tianditu' ? (keyOk ? { kind, key: key.trim() } : null) : { kind };
  const unchanged = draft !== null && JSON.stringify(draft) === JSON.stringify(setting);
  return (
    <Dialog
      title={t('settings.title')}
      testId="settings-panel"
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <Button onClick={onClose}>{t('settings.cancel')}</Button>
          <Button
            type="primary"
            disabled={draft === null || unchanged}
            onClick={() => {
              if (draft !== null) onChange(draft);
              onClose();
            }}
            data-testid="settings-apply"
          >
            {t('settings.apply')}
          </Button>
        </>
      }
    >
      <h3 className="dialog-sub">{t('settings.baseMap')}</h3>
      <div className="choice-column" data-testid="basemap-choices">
        {KINDS.map((k) => (
          <label key={k} className={kind === k ? 'choice choice-on' : 'choice'}>
            <input
              type="radio"
              name="basemap"
              checked={kind === k}
              onChange={() => setKind(k)}
              data-testid={`basemap-${k}`}
            />
            <span className="choice-title">
              {t(`settings.basemap.${k}`)}
              {k !== 'offline' && <span className="tag tag-online">{t('settings.online')}</span>}
            </span>
            <span className="choice-note">{t(`settings.basemap.${k}Note`)}</span>
          </label>
        ))}
      </div>
      {kind === 'tianditu' && (
        <label className="inline-field">
          {t('settings.tiandituKey')}
          <input
            type="text"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="0123456789abcdef0123456789abcdef"
            spellCheck={false}
            data-testid="tianditu-key"
          />
          {key !== '' && !keyOk && <span className="warn-text">{t('settings.keyInvalid')}</span>}
        </label>
      )}
      {kind !== 'offline' && <p className="callout">{t('settings.privacy')}</p>}
      <div className="callout callout-warn" data-testid="gcj02-warning">
        <div className="callout-title">{t('settings.gcjTitle')}</div>
        {t('settings.gcjText')}
      </div>
      <OsrmSection />
    </Dialog>
  );
}
