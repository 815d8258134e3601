import { useMemo } from 'react';
import type { UnitRow } from '../../../../analysis/coverage/types.ts';
import { COVERED, UNCOVERED } from '../../../../analysis/style/palette.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { thresholdColour } from '../../map/analysis-layers/colours.ts';
import { rgbCss } from '../../map/facility-style.ts';
import { type ChartOption, EChart } from './EChart.tsx';

const AXIS_TEXT = { color: '#52606d', fontSize: 11 };

/** Bars of the elders60 share within each threshold (one travel profile). */
export function CoverageBars({ rows }: { rows: { minutes: number; share: number | null }[] }) {
  const { t, formatPercent } = useI18n();
  const option = useMemo(
    (): ChartOption => ({
      animation: false,
      grid: { left: 8, right: 48, top: 4, bottom: 4 },
      xAxis: { type: 'value', max: 1, show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => t('analysis.minutes', { n: r.minutes })),
        axisTick: { show: false },
        axisLabel: AXIS_TEXT,
      },
      tooltip: { trigger: 'item', confine: true },
      series: [
        {
          type: 'bar',
          barWidth: 16,
          showBackground: true,
          backgroundStyle: { color: '#eef1f4' },
          data: rows.map((r) => ({
            value: r.share ?? 0,
            name: t('analysis.minutes', { n: r.minutes }),
            itemStyle: { color: rgbCss(thresholdColour(r.minutes)) },
          })),
          label: {
            show: true,
            position: 'right',
            ...AXIS_TEXT,
            formatter: (p) => {
              const share = rows[p.dataIndex]?.share ?? null;
              return share === null ? '—' : formatPercent(share);
            },
          },
          tooltip: {
            valueFormatter: (v) => (typeof v === 'number' ? formatPercent(v) : '—'),
          },
        },
      ],
    }),
    [rows, t, formatPercent],
  );
  return (
    <EChart
      option={option}
      height={rows.length * 26 + 8}
      label={t('analysis.chart.coverage')}
      testId="coverage-chart"
    />
  );
}

/**
 * The most communities the chart draws: a county has a thousand and more, which no reader can
 * scan as bars (and whose labels took ECharts over a second to lay out). The units table below
 * lists them all.
 */
const CHART_UNITS = 30;

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
  const measured = useMemo(
    () =>
      units
        .filter((u) => u.m2PerResident !== null)
        .sort((a, b) => (a.m2PerResident ?? 0) - (b.m2PerResident ?? 0)),
    [units],
  );
  const rows = useMemo(() => measured.slice(0, CHART_UNITS), [measured]);
  const option = useMemo(
    (): ChartOption => ({
      animation: false,
      // Labels keep their start and end with an ellipsis at the end; the full name is in the
      // tooltip. The grid grows to hold them (outer bounds), so none is cut at the edge.
      grid: { left: 4, right: 44, top: 4, bottom: normPerResident === null ? 4 : 22 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((u) => u.name),
        axisTick: { show: false },
        axisLabel: { ...AXIS_TEXT, width: 130, overflow: 'truncate', ellipsis: '…' },
      },
      tooltip: { trigger: 'item', confine: true },
      series: [
        {
          type: 'bar',
          barWidth: 10,
          data: rows.map((u) => ({
            value: u.m2PerResident ?? 0,
            name: u.name,
            itemStyle: {
              color: rgbCss(
                normPerResident !== null && (u.m2PerResident ?? 0) < normPerResident
                  ? UNCOVERED
                  : COVERED,
              ),
            },
          })),
          label: {
            show: true,
            position: 'right',
            ...AXIS_TEXT,
            formatter: (p) => formatNumber(Number(p.value), 3),
          },
          tooltip: {
            valueFormatter: (v) =>
              `${formatNumber(Number(v), 3)} ${t('analysis.col.m2PerResident')}`,
          },
          markLine:
            normPerResident === null
              ? undefined
              : {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed', color: '#1f2933' },
                  label: {
                    position: 'start',
                    ...AXIS_TEXT,
                    formatter: t('analysis.chart.norm', {
                      value: formatNumber(normPerResident, 2),
                    }),
                  },
                  data: [{ xAxis: normPerResident }],
                },
        },
      ],
    }),
    [rows, normPerResident, t, formatNumber],
  );
  return (
    <>
      {measured.length > rows.length && (
        <p className="panel-note" data-testid="area-chart-lowest">
          {t('analysis.chart.areaLowest', {
            shown: formatNumber(rows.length),
            n: formatNumber(measured.length),
          })}
        </p>
      )}
      <EChart
        option={option}
        height={rows.length * 16 + 30}
        label={t('analysis.chart.area')}
        testId="area-chart"
        onItemClick={(i) => {
          const unit = rows[i];
          if (unit !== undefined) onPick(unit.unitId);
        }}
      />
    </>
  );
}
