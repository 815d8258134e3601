import { Alert } from 'antd';
import type { CityManifest } from '../../../analysis/city/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { cityNotes } from '../import/city-warnings.ts';

/** The overview's notes on the city's data (e.g. an extract of car roads only). */
export function CityNotes({ manifest }: { manifest: Pick<CityManifest, 'networks'> }) {
  const { t } = useI18n();
  const notes = cityNotes(manifest);
  if (notes.length === 0) return null;
  return (
    <div className="city-notes" data-testid="city-notes">
      {notes.map((note) => (
        <Alert key={note.key} type="warning" showIcon title={t(note.key, note.params)} />
      ))}
    </div>
  );
}
