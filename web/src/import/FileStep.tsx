import { type DragEvent, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ImportKind } from '../worker/import-api.ts';

interface FileStepProps {
  kind: ImportKind;
  onKind(kind: ImportKind): void;
  onFile(file: File): void;
  busy: boolean;
}

const ACCEPT = '.csv,.txt,.xlsx,.geojson,.json,.zip';

/** Step 1: what is being imported, and the file (drag and drop or the file picker). */
export function FileStep({ kind, onKind, onFile, busy }: FileStepProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) onFile(file);
  };
  return (
    <div className="wizard-step">
      <fieldset className="choice-row">
        <legend>{t('import.kind')}</legend>
        {(['facilities', 'population'] as const).map((k) => (
          <label key={k} className={kind === k ? 'choice choice-on' : 'choice'}>
            <input
              type="radio"
              name="import-kind"
              value={k}
              checked={kind === k}
              onChange={() => onKind(k)}
              data-testid={`import-kind-${k}`}
            />
            <span className="choice-title">{t(`import.kind.${k}`)}</span>
            <span className="choice-note">{t(`import.kind.${k}Note`)}</span>
          </label>
        ))}
      </fieldset>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the button inside is the keyboard path */}
      <div
        className={over ? 'drop-zone drop-over' : 'drop-zone'}
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <div className="drop-title">{busy ? t('import.reading') : t('import.dropHere')}</div>
        <div className="drop-formats">{t('import.formats')}</div>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {t('import.choose')}
        </button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) onFile(file);
            event.target.value = '';
          }}
        />
      </div>
      <p className="panel-note">{t('import.privacy')}</p>
    </div>
  );
}
