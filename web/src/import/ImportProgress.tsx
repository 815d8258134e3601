import { Progress } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { JobProgress } from './use-import-job.ts';

const MB = 2 ** 20;

/** The running step: its name, how far it is (bytes, rows or facilities) and a cancel button. */
export function ImportProgress({
  progress,
  onCancel,
}: {
  progress: JobProgress;
  onCancel(): void;
}) {
  const { t, formatNumber } = useI18n();
  const { stage, done, total, unit } = progress;
  const known = done !== undefined && total !== undefined && total > 0;
  const percent = known ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  const label = t(`importProgress.stage.${stage}`);
  let detail = '';
  if (known && unit === 'bytes')
    detail = t('importProgress.bytes', {
      done: formatNumber(done / MB, 1),
      total: formatNumber(total / MB, 1),
    });
  else if (known && unit !== undefined)
    detail = t(`importProgress.${unit}`, { done: formatNumber(done), total: formatNumber(total) });
  return (
    <div
      className="import-progress"
      role="status"
      data-testid="import-progress"
      data-stage={stage}
      data-percent={known ? percent : ''}
    >
      <div className="import-progress-label">
        <span>{label}</span>
        <span className="muted">{detail}</span>
      </div>
      <div className="import-progress-row">
        <Progress
          size="small"
          // Unknown extent: an active full bar, never a made-up percentage.
          percent={known ? percent : 100}
          status="active"
          showInfo={known}
          aria-label={label}
        />
        <button type="button" className="button" onClick={onCancel} data-testid="import-cancel">
          {t('importProgress.cancel')}
        </button>
      </div>
    </div>
  );
}
