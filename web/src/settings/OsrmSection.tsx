import { Alert, Button, Input, Switch } from 'antd';
import { useId, useState } from 'react';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { osrmErrorKey } from './osrm-error-text.ts';
import {
  cspAllowsConnect,
  defaultOsrmSetting,
  isOsrmUrl,
  type OsrmSetting,
  pagePolicy,
} from './osrm-settings.ts';
import { testOsrm } from './test-osrm.ts';
import { useOsrmSetting } from './use-osrm.ts';

/** Any point answers OSRM's nearest service; the city's centre is the natural one. */
const FALLBACK_POINT: [number, number] = [118.778, 32.044];

type Test =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'ok'; draft: string }
  | { state: 'error'; key: MessageKey };

/**
 * The OSRM part of the settings. Saving a server is an explicit act after a successful test
 * (so a server the browser or the app's security policy refuses is never half-enabled);
 * turning it off takes effect at once. The analysis worker reads the saved setting per run.
 */
export function OsrmSection({ testPoint = FALLBACK_POINT }: { testPoint?: [number, number] }) {
  const { t } = useI18n();
  const id = useId();
  const [saved, save] = useOsrmSetting();
  const [enabled, setEnabled] = useState(saved !== null);
  const [url, setUrl] = useState(saved?.url ?? '');
  const [drive, setDrive] = useState(saved?.profiles.drive ?? 'car');
  const [ebike, setEbike] = useState(saved?.profiles.ebike ?? 'bike');
  const [test, setTest] = useState<Test>({ state: 'idle' });
  const [notice, setNotice] = useState<'saved' | 'off' | null>(null);
  const urlOk = isOsrmUrl(url);
  const draft: OsrmSetting | null = urlOk
    ? { ...defaultOsrmSetting(url.trim()), profiles: { drive: drive.trim(), ebike: ebike.trim() } }
    : null;
  const draftKey = JSON.stringify(draft);
  const host = urlOk ? new URL(url.trim()).host : '';
  const params = { host, seconds: (defaultOsrmSetting('').timeoutMs / 1000).toFixed(0) };

  const runTest = async () => {
    if (draft === null) return;
    setNotice(null);
    if (!cspAllowsConnect(pagePolicy(document), draft.url, window.location.origin)) {
      setTest({ state: 'error', key: 'osrm.cspBlocked' });
      return;
    }
    setTest({ state: 'testing' });
    const result = await testOsrm(draft, testPoint);
    if (result.ok) setTest({ state: 'ok', draft: draftKey });
    else {
      setTest({ state: 'error', key: osrmErrorKey(result.code) ?? 'osrm.error.other' });
    }
  };

  return (
    <section data-testid="osrm-settings">
      <h3 className="dialog-sub">{t('osrm.title')}</h3>
      <label className="inline-field" htmlFor={`${id}-enable`}>
        <Switch
          id={`${id}-enable`}
          checked={enabled}
          onChange={(on) => {
            setEnabled(on);
            setTest({ state: 'idle' });
            if (!on) {
              save(null);
              setNotice('off');
            } else setNotice(null);
          }}
          data-testid="osrm-enable"
        />
        {t('osrm.enable')}
      </label>
      <p className="choice-note">{t('osrm.note')}</p>
      {enabled && (
        <>
          <div className="callout callout-warn" data-testid="osrm-warning">
            {t('osrm.warning')}
          </div>
          <label className="inline-field" htmlFor={`${id}-url`}>
            {t('osrm.url')}
            <Input
              id={`${id}-url`}
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
                setTest({ state: 'idle' });
              }}
              placeholder="http://127.0.0.1:5000"
              spellCheck={false}
              data-testid="osrm-url"
            />
            {url !== '' && !urlOk && <span className="warn-text">{t('osrm.urlInvalid')}</span>}
          </label>
          <label className="inline-field" htmlFor={`${id}-drive`}>
            {t('osrm.profileDrive')}
            <Input
              id={`${id}-drive`}
              value={drive}
              onChange={(e) => setDrive(e.target.value)}
              data-testid="osrm-profile-drive"
            />
          </label>
          <label className="inline-field" htmlFor={`${id}-ebike`}>
            {t('osrm.profileEbike')}
            <Input
              id={`${id}-ebike`}
              value={ebike}
              onChange={(e) => setEbike(e.target.value)}
              data-testid="osrm-profile-ebike"
            />
          </label>
          <div className="inline-field">
            <Button
              onClick={runTest}
              disabled={draft === null || test.state === 'testing'}
              loading={test.state === 'testing'}
              data-testid="osrm-test"
            >
              {test.state === 'testing' ? t('osrm.testing') : t('osrm.test')}
            </Button>
            <Button
              type="primary"
              disabled={draft === null || test.state !== 'ok' || test.draft !== draftKey}
              title={t('osrm.needTest')}
              onClick={() => {
                if (draft === null) return;
                save(draft);
                setNotice('saved');
              }}
              data-testid="osrm-save"
            >
              {t('osrm.save')}
            </Button>
          </div>
          {test.state === 'ok' && (
            <Alert type="success" showIcon title={t('osrm.testOk')} data-testid="osrm-test-ok" />
          )}
          {test.state === 'error' && (
            <Alert
              type="error"
              showIcon
              title={t(test.key, params)}
              data-testid="osrm-test-error"
            />
          )}
        </>
      )}
      {notice !== null && (
        <p className="choice-note" data-testid="osrm-notice">
          {t(notice === 'saved' ? 'osrm.saved' : 'osrm.off')}
        </p>
      )}
    </section>
  );
}
