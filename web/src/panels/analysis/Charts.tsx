import type { UnitRow } from '../../../../analysis/coverage/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { thresholdColour } from '../../map/analysis-layers/colours.ts';
import { rgbCss } from '../../map/facility-style.ts';

/** Bars of the elders60 share within each threshold (one travel profile). */
export function CoverageBars({ rows }: { rows: { minutes: number; share: number | null }[] }) {
  const { t, formatPercent } = useI18n();
  const width = 360;
  const barH = 22;
  const gap = 8;
  const labelW = 60;
  const plotW = width - labelW - 56;
  const height = rows.length * (barH + gap);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('analysis.chart.coverage')}
      data-testid="coverage-chart"
    >
      {rows.map((row, i) => {
        const y = i * (barH + gap);
        const w = Math.max(0, (row.share ?? 0) * plotW);
        return (
          <g key={row.minutes}>
            <text x={0} y={y + barH * 0.7} className="chart-label">
              {t('analysis.minutes', { n: row.minutes })}
            </text>
            <rect x={labelW} y={y} width={plotW} height={barH} className="chart-track" />
            <rect
              x={labelW}
              y={y}
              width={w}
              height={barH}
              fill={rgbCss(thresholdColour(row.minutes))}
            />
            <text x={labelW + plotW + 6} y={y + barH * 0.7} className="chart-value">
              {row.share === null ? '—' : formatPercent(row.share)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Floor area per resident by unit against the norm (a dashed line), worst first. */
export function AreaPerResidentBars({
  units,
  normPerResident,
  onPick,
}: {
  units: UnitRow[];
  normPerResident: number | null;
  onPick(unitId: string): void;
}) {
  const { t, formatNumber } = useI18n();
  const rows = units
    .filter((u) => u.m2PerResident !== null)
    .sort((a, b) => (a.m2PerResident ?? 0) - (b.m2PerResident ?? 0));
  const max = Math.max(normPerResident ?? 0, ...rows.map((u) => u.m2PerResident ?? 0)) * 1.05 || 1;
  const width = 360;
  const labelW = 120;
  const barH = 12;
  const gap = 4;
  const plotW = width - labelW - 44;
  const height = rows.length * (barH + gap) + 16;
  const x = (v: number) => labelW + (v / max) * plotW;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('analysis.chart.area')}
      data-testid="area-chart"
    >
      {rows.map((u, i) => {
        const y = i * (barH + gap);
        const below = normPerResident !== null && (u.m2PerResident ?? 0) < normPerResident;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
          <g
            key={u.unitId}
            className="chart-row"
            role="button"
            tabIndex={0}
            onClick={() => onPick(u.unitId)}
            onKeyDown={(e) => e.key === 'Enter' && onPick(u.unitId)}
          >
            <title>{`${u.name}: ${formatNumber(u.m2PerResident ?? 0, 3)} m²`}</title>
            <text x={labelW - 4} y={y + barH - 2} className="chart-label chart-label-right">
              {u.name.length > 10 ? `…${u.name.slice(-9)}` : u.name}
            </text>
            <rect
              x={labelW}
              y={y}
              width={Math.max(1, x(u.m2PerResident ?? 0) - labelW)}
              height={barH}
              className={below ? 'chart-bar-bad' : 'chart-bar-good'}
            />
            <text x={x(u.m2PerResident ?? 0) + 3} y={y + barH - 2} className="chart-value">
              {formatNumber(u.m2PerResident ?? 0, 3)}
            </text>
          </g>
        );
      })}
      {normPerResident !== null && (
        <g>
          <line
            x1={x(normPerResident)}
            x2={x(normPerResident)}
            y1={0}
            y2={height - 14}
            className="chart-norm"
          />
          <text x={x(normPerResident)} y={height - 2} className="chart-norm-label">
            {t('analysis.chart.norm', { value: formatNumber(normPerResident, 2) })}
          </text>
        </g>
      )}
    </svg>
  );
}
