import { useState } from 'react';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { BaseMapSetting } from '../settings/base-map-settings.ts';
import { SettingsPanel } from '../settings/SettingsPanel.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { OsmCityDialog } from './OsmCityDialog.tsx';
import type { Register } from './use-register.ts';

interface DataToolsProps {
  register: Register;
  onCity(city: CityData | null): void;
  baseMap: BaseMapSetting;
  onBaseMap(setting: BaseMapSetting): void;
}

type Open = 'import' | 'osm' | 'settings' | null;

/** Top-bar tools: what the map shows (imported file label), import, own city, settings. */
export function DataTools({ register, onCity, baseMap, onBaseMap }: DataToolsProps) {
  const { t, formatNumber } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const { imported, population, city } = register;
  const close = () => setOpen(null);
  const sep = ' · ';
  const label = [
    imported === null
      ? null
      : t(imported.mode === 'replace' ? 'import.label.replace' : 'import.label.extend', {
          file: imported.fileName,
          n: formatNumber(imported.features.length),
        }),
    population === null ? null : t('import.label.population', { file: population.fileName }),
  ]
    .filter((part) => part !== null)
    .join(sep);
  return (
    <div className="data-tools">
      {(imported !== null || population !== null) && (
        <span className="source-label" data-testid="import-source-label">
          <span className="source-text" title={label}>
            {label}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={register.reset}
            data-testid="import-reset"
          >
            {t('import.label.reset')}
          </button>
        </span>
      )}
      {register.clashingIds.length > 0 && (
        <span className="tag tag-warn" title={register.clashingIds.join(', ')}>
          {t('import.label.clashes', { n: register.clashingIds.length })}
        </span>
      )}
      {baseMap.kind !== 'offline' && (
        <span className="tag tag-online" data-testid="online-basemap-on">
          {t(`settings.basemap.${baseMap.kind}`)}
        </span>
      )}
      <button
        type="button"
        className="tool-button"
        disabled={city === null}
        onClick={() => setOpen('import')}
        data-testid="open-import"
      >
        {t('tools.import')}
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={() => setOpen('osm')}
        data-testid="open-osm-city"
      >
        {t('tools.osmCity')}
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={() => setOpen('settings')}
        data-testid="open-settings"
      >
        {t('tools.settings')}
      </button>
      {open === 'import' && city !== null && (
        <ImportWizard
          city={city}
          onClose={close}
          onApplyFacilities={register.applyFacilities}
          onApplyPopulation={register.applyPopulation}
        />
      )}
      {open === 'osm' && <OsmCityDialog onClose={close} onCity={onCity} />}
      {open === 'settings' && (
        <SettingsPanel setting={baseMap} onChange={onBaseMap} onClose={close} />
      )}
    </div>
  );
}
