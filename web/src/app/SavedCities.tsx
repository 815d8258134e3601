import { Button, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  currentSavedCity,
  deleteSavedCity,
  listSavedCities,
  openSavedCity,
  type SavedCityEntry,
} from '../data/browser-cities.ts';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './notices.css';

/**
 * The city list: the city served with the app and every city built here, to reopen or delete
 * (deleting asks first: the built files and their place in the list are gone after it).
 */
export function SavedCities({ onCity }: { onCity(city: CityData | null): void }) {
  const { t, formatNumber, locale } = useI18n();
  const [cities, setCities] = useState<SavedCityEntry[] | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const [list, open] = await Promise.all([listSavedCities(), currentSavedCity()]);
    setCities(list);
    setCurrent(open);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const reopen = async (entry: SavedCityEntry) => {
    const city = await openSavedCity(entry.id);
    if (city === null) setError(t('cities.loadFailed', { name: entry.name }));
    else onCity(city);
  };
  const remove = async (entry: SavedCityEntry) => {
    setConfirming(null);
    await deleteSavedCity(entry.id);
    if (current === entry.id) onCity(null);
    await refresh();
  };
  const date = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="saved-cities" data-testid="saved-cities">
      <h3>{t('cities.heading')}</h3>
      <ul className="saved-city-list">
        <li data-testid="saved-city-served">
          <span className="saved-city-name">{t('cities.served')}</span>
          {current === null ? (
            <span className="tag">{t('cities.current')}</span>
          ) : (
            <Button size="small" onClick={() => onCity(null)}>
              {t('cities.open')}
            </Button>
          )}
        </li>
        {(cities ?? []).map((entry) => (
          <li key={entry.id} data-testid="saved-city" data-name={entry.name}>
            <span className="saved-city-name">{entry.name}</span>
            <span className="saved-city-meta">
              {t('cities.savedAt', { date: date(entry.savedAt) })} ·{' '}
              {t('osmCity.counts', {
                roads: formatNumber(entry.counts.roads),
                buildings: formatNumber(entry.counts.buildings),
                cells: formatNumber(entry.counts.populationCells),
                units: formatNumber(entry.counts.units),
              })}
            </span>
            {confirming === entry.id ? (
              <Space wrap>
                <span role="alert">{t('cities.deleteConfirm', { name: entry.name })}</span>
                <Button
                  size="small"
                  danger
                  type="primary"
                  data-testid="saved-city-delete-confirm"
                  onClick={() => void remove(entry)}
                >
                  {t('cities.delete')}
                </Button>
                <Button size="small" onClick={() => setConfirming(null)}>
                  {t('cities.cancel')}
                </Button>
              </Space>
            ) : (
              <Space>
                {current === entry.id ? (
                  <span className="tag">{t('cities.current')}</span>
                ) : (
                  <Button
                    size="small"
                    data-testid="saved-city-open"
                    onClick={() => void reopen(entry)}
                  >
                    {t('cities.open')}
                  </Button>
                )}
                <Button
                  size="small"
                  danger
                  data-testid="saved-city-delete"
                  onClick={() => setConfirming(entry.id)}
                >
                  {t('cities.delete')}
                </Button>
              </Space>
            )}
          </li>
        ))}
      </ul>
      {cities !== null && cities.length === 0 && <p className="panel-note">{t('cities.empty')}</p>}
      {error !== null && (
        <div className="callout callout-error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
