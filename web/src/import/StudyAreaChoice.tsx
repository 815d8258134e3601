import type { StudyAreaOutcome } from '../../../analysis/io/import/study-area.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const SIZE = 220;
const PAD = 12;

/**
 * Rows outside the study area: how many, where (a small preview: the study area's box and the
 * outside points at one scale), and the explicit choice to keep them.
 */
export function StudyAreaChoice(props: {
  outcome: StudyAreaOutcome;
  onKeep(keep: boolean): void;
  busy: boolean;
}) {
  const { outcome, onKeep, busy } = props;
  const { t, formatNumber } = useI18n();
  if (outcome.outside === 0) return null;
  const n = formatNumber(outcome.outside);
  return (
    <section className="study-area" data-testid="import-study-area">
      <h3>{t('import.study.heading')}</h3>
      <p className={outcome.kept ? 'panel-note' : 'warn-text'} data-testid="import-outside-count">
        {outcome.kept
          ? t('import.study.keptNote', { n })
          : t('import.study.outside', { n, m: formatNumber(outcome.marginM) })}
      </p>
      <label className="choice-inline">
        <input
          type="checkbox"
          checked={outcome.kept}
          disabled={busy}
          onChange={(event) => onKeep(event.target.checked)}
          data-testid="import-keep-outside"
        />{' '}
        {t('import.study.keep')}
      </label>
      <PreviewMap outcome={outcome} label={t('import.study.preview')} />
    </section>
  );
}

function PreviewMap(props: { outcome: StudyAreaOutcome; label: string }) {
  const { bbox, outsidePoints } = props.outcome;
  const xs = [bbox[0], bbox[2], ...outsidePoints.map((p) => p[0])];
  const ys = [bbox[1], bbox[3], ...outsidePoints.map((p) => p[1])];
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  // One scale for both axes (longitude shortened by cos(latitude)) so distances look right.
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const span = Math.max((maxX - minX) * k, maxY - minY, 1e-6);
  const scale = (SIZE - 2 * PAD) / span;
  const x = (lon: number) => PAD + (lon - minX) * k * scale;
  const y = (lat: number) => SIZE - PAD - (lat - minY) * scale;
  // The study area never shrinks below a visible box, however far the outliers are.
  const w = Math.max(4, x(bbox[2]) - x(bbox[0]));
  const h = Math.max(4, y(bbox[1]) - y(bbox[3]));
  return (
    <figure className="study-preview">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={props.label}
      >
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="#f7f7f7" />
        <rect x={x(bbox[0])} y={y(bbox[3])} width={w} height={h} fill="#dbe9f6" stroke="#2b6cb0" />
        {outsidePoints.map(([lon, lat]) => (
          <circle key={`${lon},${lat}`} cx={x(lon)} cy={y(lat)} r={3} fill="#d73027" />
        ))}
      </svg>
      <figcaption className="panel-note">{props.label}</figcaption>
    </figure>
  );
}
