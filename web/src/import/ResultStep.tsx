import type { Crs } from '../../../analysis/io/crs/convert.ts';
import type { FileWarning } from '../../../analysis/io/import/empty-columns.ts';
import type { Rejection } from '../../../analysis/io/table/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { RegisterMode } from './facility-register.ts';

export interface ResultCounts {
  rows: number;
  accepted: number;
  rejected: number;
  emptyRows: number;
}

/** One accepted row as shown in the preview: where it was in the file and where it lands. */
export interface AcceptedPreview {
  row: number;
  name: string;
  source: [number, number] | null;
  wgs84: [number, number] | null;
}

interface ResultStepProps {
  counts: ResultCounts;
  /** The problems listed (the first few hundred of a large file) and how many there are. */
  rejections: Rejection[];
  rejectionCount: number;
  /** Notes on the whole file (a field no row fills), shown above the rows. */
  fileWarnings: FileWarning[];
  /** The first accepted rows (a preview: the register has them all). */
  accepted: AcceptedPreview[];
  crs: Crs;
  onDownload(): void;
  /** Facilities only (population always replaces the modelled cells). */
  mode?: RegisterMode;
  onMode?(mode: RegisterMode): void;
  notes: string[];
}

/** Step 4: what was accepted, every rejected row and why, and how the register will change. */
export function ResultStep(props: ResultStepProps) {
  const { counts, rejections, rejectionCount, fileWarnings, accepted, crs, onDownload } = props;
  const { mode, onMode, notes } = props;
  const { t, locale, formatNumber } = useI18n();
  const reason = (r: Pick<Rejection, 'reason'>) => (locale === 'zh-CN' ? r.reason.zh : r.reason.en);
  return (
    <div className="wizard-step">
      <div className="stat-grid result-stats" data-testid="import-counts">
        <Stat label={t('import.result.rows')} value={formatNumber(counts.rows)} />
        <Stat
          label={t('import.result.accepted')}
          value={formatNumber(counts.accepted)}
          testId="import-accepted"
          tone="ok"
        />
        <Stat
          label={t('import.result.rejected')}
          value={formatNumber(counts.rejected)}
          testId="import-rejected"
          tone={counts.rejected > 0 ? 'bad' : undefined}
        />
        <Stat label={t('import.result.empty')} value={formatNumber(counts.emptyRows)} />
      </div>
      <p className="conversion" data-testid="import-conversion">
        {crs === 'wgs84'
          ? t('import.result.noConversion')
          : t('import.result.conversion', { crs: t(`crs.${crs}`) })}
      </p>
      {mode !== undefined && onMode !== undefined && (
        <fieldset className="choice-row">
          <legend>{t('import.result.mode')}</legend>
          {(['replace', 'extend'] as const).map((m) => (
            <label key={m} className={mode === m ? 'choice choice-on' : 'choice'}>
              <input
                type="radio"
                name="register-mode"
                checked={mode === m}
                onChange={() => onMode(m)}
                data-testid={`import-mode-${m}`}
              />
              <span className="choice-title">{t(`import.mode.${m}`)}</span>
              <span className="choice-note">{t(`import.mode.${m}Note`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {fileWarnings.length > 0 && (
        <section className="file-warnings" data-testid="import-file-warnings">
          <h3>{t('importProgress.fileWarnings')}</h3>
          <ul className="notes">
            {fileWarnings.map((w) => (
              <li key={w.field} className="warn-text" data-code={w.reason.code}>
                {reason(w)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {notes.map((note) => (
        <p key={note} className="warn-text">
          {note}
        </p>
      ))}
      <div className="section-head">
        <h3>{t('import.result.rejectedHeading', { n: formatNumber(rejectionCount) })}</h3>
        <button
          type="button"
          className="button"
          disabled={rejectionCount === 0}
          onClick={onDownload}
          data-testid="import-download-rejected"
        >
          {t('import.result.download')}
        </button>
      </div>
      {rejections.length === 0 ? (
        <p className="panel-note">{t('import.result.none')}</p>
      ) : (
        <div className="scroll">
          <table className="grid" data-testid="import-rejections">
            <thead>
              <tr>
                <th>{t('import.result.row')}</th>
                <th>{t('import.column')}</th>
                <th>{t('import.result.value')}</th>
                <th>{t('import.result.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rejections.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several problems in one column
                <tr key={`${r.row}-${r.column}-${i}`} data-row={r.row}>
                  <td className="num">{r.row}</td>
                  <td>{r.column}</td>
                  <td className="value">{r.value === '' ? '∅' : r.value}</td>
                  <td>{reason(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rejectionCount > rejections.length && (
        <p className="panel-note" data-testid="import-rejections-more">
          {t('importProgress.moreRejections', {
            shown: formatNumber(rejections.length),
            n: formatNumber(rejectionCount),
          })}
        </p>
      )}
      {accepted.length > 0 && (
        <>
          <h3>{t('import.result.acceptedHeading')}</h3>
          <div className="scroll scroll-short">
            <table className="grid" data-testid="import-accepted-rows">
              <thead>
                <tr>
                  <th>{t('import.result.row')}</th>
                  <th>{t('import.field.name')}</th>
                  <th>{t('import.result.source', { crs: t(`crs.${crs}`) })}</th>
                  <th>{t('import.result.wgs84')}</th>
                </tr>
              </thead>
              <tbody>
                {accepted.map((a) => (
                  <tr key={a.row}>
                    <td className="num">{a.row}</td>
                    <td>{a.name}</td>
                    <td className="num">{lonLat(a.source)}</td>
                    <td className="num">{lonLat(a.wgs84)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {counts.accepted > accepted.length && (
            <p className="panel-note">
              {t('import.result.more', { n: formatNumber(counts.accepted - accepted.length) })}
            </p>
          )}
        </>
      )}
    </div>
  );
}

function lonLat(p: [number, number] | null): string {
  return p === null ? '—' : `${p[0].toFixed(6)}, ${p[1].toFixed(6)}`;
}

function Stat(props: { label: string; value: string; testId?: string; tone?: 'ok' | 'bad' }) {
  return (
    <div className={props.tone ? `stat stat-${props.tone}` : 'stat'}>
      <div className="stat-label">{props.label}</div>
      <div className="stat-value" data-testid={props.testId}>
        {props.value}
      </div>
    </div>
  );
}
