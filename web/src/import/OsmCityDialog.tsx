import { type DragEvent, useRef, useState } from 'react';
import { SavedCities } from '../app/SavedCities.tsx';
import { saveCity } from '../data/browser-cities.ts';
import type { CityData } from '../data/city-data.ts';
import { loadCityFromFiles, type MemoryCityFile } from '../data/load-city.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { analysisWorker } from '../worker/analysis-client.ts';
import { cityWarningNotes } from './city-warnings.ts';
import { Dialog } from './Dialog.tsx';

interface OsmCityDialogProps {
  onClose(): void;
  /** The city to show; null = the city served with the app. */
  onCity(city: CityData | null): void;
}

type Built = { city: CityData; files: MemoryCityFile[]; warnings: string[]; fileName: string };

/**
 * "Your own city": an OSM extract dropped here is built into a city folder in the worker;
 * opening it keeps it in the browser (IndexedDB), in the city list below with the others.
 */
export function OsmCityDialog({ onClose, onCity }: OsmCityDialogProps) {
  const { t, formatNumber } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [built, setBuilt] = useState<Built | null>(null);

  const build = async (file: File) => {
    setError(null);
    setBuilt(null);
    setBusy(file.name);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const cityName = name.trim() || file.name.replace(/\.osm(\.pbf)?$|\.pbf$|\.xml$/i, '');
      const answer = await analysisWorker().buildCityFromOsm(bytes, file.name, cityName);
      if (!answer.ok) {
        setError(answer.error.message);
        return;
      }
      const city = loadCityFromFiles(answer.value.files);
      setBuilt({
        city,
        files: answer.value.files,
        warnings: answer.value.warnings,
        fileName: file.name,
      });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file !== undefined) void build(file);
  };
  const counts = built?.city.manifest.counts;
  const notes = built === null ? [] : cityWarningNotes(built.warnings, built.city.manifest);

  return (
    <Dialog
      title={t('osmCity.title')}
      testId="osm-city"
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button
            type="button"
            className="button button-primary"
            disabled={built === null}
            onClick={() => {
              if (built === null) return;
              const { city, files } = built;
              // Kept for the next visit first (a failed save is reported to the user), then shown.
              onClose();
              void saveCity(files, city.manifest).then((saved) =>
                onCity(saved ? { ...city, savedAs: city.manifest.name } : city),
              );
            }}
            data-testid="osm-city-open"
          >
            {t('osmCity.open')}
          </button>
        </>
      }
    >
      <p className="panel-note">{t('osmCity.intro')}</p>
      <label className="inline-field">
        {t('osmCity.name')}
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the button inside is the keyboard path */}
      <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <div className="drop-title">
          {busy === null ? t('osmCity.drop') : t('osmCity.building', { name: busy })}
        </div>
        {busy !== null && (
          <progress className="task-bar" aria-label={t('osmCity.building', { name: busy })} />
        )}
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => input.current?.click()}
        >
          {t('import.choose')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".pbf,.osm,.xml,.gz"
          hidden
          data-testid="osm-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) void build(file);
            event.target.value = '';
          }}
        />
      </div>
      {error !== null && (
        <div className="callout callout-error" role="alert">
          {error}
        </div>
      )}
      {built !== null && counts !== undefined && (
        <div className="callout" data-testid="osm-city-built">
          <div className="callout-title">
            {t('osmCity.built', { name: built.city.manifest.name, file: built.fileName })}
          </div>
          {t('osmCity.counts', {
            roads: formatNumber(counts.roads),
            buildings: formatNumber(counts.buildings),
            cells: formatNumber(counts.populationCells),
            units: formatNumber(counts.units),
          })}
        </div>
      )}
      {built !== null && notes.length > 0 && (
        <ul className="callout callout-warn notes" data-testid="osm-city-warnings">
          {notes.map((note) => {
            const text = 'text' in note ? note.text : t(note.key, note.params);
            return <li key={text}>{text}</li>;
          })}
        </ul>
      )}
      <SavedCities
        onCity={(city) => {
          onCity(city);
          onClose();
        }}
      />
    </Dialog>
  );
}
