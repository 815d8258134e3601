import { CRS_LIST, type Crs, toWgs84 } from '../../../analysis/io/crs/convert.ts';
import type { CrsSuggestion } from '../../../analysis/io/crs/suggest-crs.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface CrsStepProps {
  suggestion: CrsSuggestion;
  chosen: Crs | null;
  onChoose(crs: Crs): void;
  /** One source point of the file, to show what the conversion does to it. */
  example: [number, number] | null;
}

/** Step 3: the coordinate system, with the suggestion, its basis and the road-distance scores. */
export function CrsStep({ suggestion, chosen, onChoose, example }: CrsStepProps) {
  const { t, locale, formatNumber } = useI18n();
  const unknown = suggestion.crs === 'unknown';
  const converted = example !== null && chosen !== null ? toWgs84(...example, chosen) : null;
  return (
    <div className="wizard-step">
      <div className={unknown ? 'callout callout-warn' : 'callout'} data-testid="crs-suggestion">
        <div className="callout-title">
          {unknown
            ? t('import.crs.unknown')
            : t('import.crs.suggested', { crs: t(`crs.${suggestion.crs as Crs}`) })}
        </div>
        <div>
          {t(`import.crs.basis.${suggestion.basis}`)}：
          {locale === 'zh-CN' ? suggestion.zh : suggestion.en}
        </div>
        {suggestion.hints.length > 0 && (
          <div className="muted">
            {t('import.crs.hints')}：
            {suggestion.hints.map((h) => `“${h.text}” → ${t(`crs.${h.crs}`)}`).join('；')}
          </div>
        )}
      </div>
      <table className="grid" data-testid="crs-choices">
        <thead>
          <tr>
            <th />
            <th>{t('import.crs.system')}</th>
            <th>{t('import.crs.roadMedian')}</th>
            <th>{t('import.crs.sample')}</th>
          </tr>
        </thead>
        <tbody>
          {CRS_LIST.map((crs) => {
            const score = suggestion.scores[crs];
            return (
              <tr key={crs} className={chosen === crs ? 'row-on' : ''}>
                <td>
                  <input
                    type="radio"
                    name="crs"
                    checked={chosen === crs}
                    onChange={() => onChoose(crs)}
                    data-testid={`crs-${crs}`}
                    aria-label={t(`crs.${crs}`)}
                  />
                </td>
                <td>
                  {t(`crs.${crs}`)}
                  {suggestion.crs === crs && <span className="tag">{t('import.crs.tag')}</span>}
                </td>
                <td>
                  {score.medianRoadDistanceM === null
                    ? t('import.crs.noRoads')
                    : t('import.crs.metres', { m: formatNumber(score.medianRoadDistanceM, 1) })}
                </td>
                <td>{formatNumber(score.sample)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="panel-note">{t('import.crs.explain')}</p>
      {converted !== null && example !== null && chosen !== null && (
        <p className="conversion" data-testid="crs-example">
          {t('import.crs.example', {
            crs: t(`crs.${chosen}`),
            from: `${example[0].toFixed(6)}, ${example[1].toFixed(6)}`,
            to: `${converted[0].toFixed(6)}, ${converted[1].toFixed(6)}`,
            m: formatNumber(distanceM(example, converted)),
          })}
        </p>
      )}
      {unknown && chosen === null && <p className="warn-text">{t('import.crs.mustChoose')}</p>}
    </div>
  );
}

/** Metres between two nearby lon/lat points (equirectangular: exact enough for a few hundred m). */
export function distanceM(a: [number, number], b: [number, number]): number {
  const kx = 111_320 * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * 110_574);
}
