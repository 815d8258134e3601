import { cityCoverage, type ReportContext } from './context.ts';
import { formatShare } from './format.ts';
import { escapeXml, legend, svgDocument } from './svg-kit.ts';
import type { ReportFigure } from './types.ts';

const WIDTH = 680;
const HEIGHT = 300;
const PLOT = { left: 56, right: 150, top: 20, bottom: 40 };
const COLOURS = ['#4a7fb5', '#e08a3c'];

/** Grouped bars: share of elders covered per walking threshold, baseline (and scenario). */
export function coverageChartSvg(ctx: ReportContext): ReportFigure {
  const { input, t } = ctx;
  const thresholds = input.baseline.summary.thresholds;
  const series = [
    {
      label: t.coverage.chartSeriesBaseline,
      values: thresholds.map((m) => cityCoverage(input.baseline, m)?.elders60Share ?? 0),
    },
  ];
  if (input.scenario !== undefined) {
    const result = input.scenario.result;
    series.push({
      label: t.coverage.chartSeriesScenario,
      values: thresholds.map((m) => cityCoverage(result, m)?.elders60Share ?? 0),
    });
  }
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (share: number) => PLOT.top + plotH * (1 - share);
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const share = k / 4;
    parts.push(
      `<line x1="${PLOT.left}" x2="${PLOT.left + plotW}" y1="${y(share)}" y2="${y(share)}" stroke="#ccc" stroke-width="0.8"/>`,
      `<text x="${PLOT.left - 6}" y="${y(share) + 4}" font-size="11" text-anchor="end">${k * 25}%</text>`,
    );
  }
  const group = plotW / thresholds.length;
  const barW = Math.min(40, (group * 0.7) / series.length);
  thresholds.forEach((minutes, i) => {
    const x0 = PLOT.left + group * i + (group - barW * series.length) / 2;
    series.forEach((s, j) => {
      const value = Math.max(0, Math.min(1, s.values[i]));
      const x = x0 + j * barW;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(plotH * value).toFixed(1)}" fill="${COLOURS[j]}"/>`,
        `<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(y(value) - 4).toFixed(1)}" font-size="10" text-anchor="middle">${escapeXml(formatShare(s.values[i]))}</text>`,
      );
    });
    parts.push(
      `<text x="${(PLOT.left + group * (i + 0.5)).toFixed(1)}" y="${PLOT.top + plotH + 18}" font-size="12" text-anchor="middle">${escapeXml(t.coverage.minutes(minutes))}</text>`,
    );
  });
  parts.push(
    `<line x1="${PLOT.left}" x2="${PLOT.left + plotW}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`,
  );
  parts.push(
    legend(
      series.map((s, j) => ({ label: s.label, fill: COLOURS[j] })),
      WIDTH - PLOT.right + 20,
      PLOT.top,
    ),
  );
  return {
    id: 'coverage-chart',
    caption: t.coverage.chartCaption,
    svg: svgDocument(WIDTH, HEIGHT, parts.join('')),
    width: WIDTH,
    height: HEIGHT,
  };
}
