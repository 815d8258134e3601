import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_SERIES, rgbHex } from '../style/palette.ts';
import { cityCoverage, type ReportContext } from './context.ts';
import { formatShare } from './format.ts';
import { FONT } from './svg-kit.ts';
import type { ReportFigure } from './types.ts';

use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

const WIDTH = 700;
const HEIGHT = 300;

/**
 * Share of elders within each walking threshold, baseline and scenario, as grouped bars drawn
 * by ECharts' server-side SVG renderer (no DOM: the same string in Node and in the worker).
 */
export function coverageChartSvg(ctx: ReportContext): ReportFigure {
  const { input, t } = ctx;
  const thresholds = [...input.baseline.summary.thresholds].sort((a, b) => a - b);
  const series = [{ name: t.chart.baseline, result: input.baseline }];
  if (input.scenario !== undefined)
    series.push({ name: t.chart.scenario, result: input.scenario.result });
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 12, color: '#222' },
      legend: { top: 4, right: 10, itemWidth: 16, itemHeight: 11, textStyle: { fontSize: 12 } },
      grid: { left: 56, right: 20, top: 40, bottom: 44 },
      xAxis: {
        type: 'category',
        data: thresholds.map((m) => t.minutes(m)),
        axisLabel: { fontSize: 12 },
        name: t.chart.xAxis,
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        interval: 0.25,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%`, fontSize: 11 },
        splitLine: { lineStyle: { color: '#ddd' } },
      },
      series: series.map((s, i) => ({
        name: s.name,
        type: 'bar',
        barMaxWidth: 46,
        itemStyle: { color: rgbHex(CHART_SERIES[i % CHART_SERIES.length]) },
        label: {
          show: true,
          position: 'top',
          fontSize: 10.5,
          formatter: (p: { value: unknown }) =>
            formatShare(typeof p.value === 'number' ? p.value : null),
        },
        data: thresholds.map((m) => cityCoverage(s.result, m)?.elders60Share ?? 0),
      })),
    });
    const svg = chart.renderToSVGString();
    return {
      id: 'coverage-chart',
      caption: t.chart.caption,
      svg: withWhiteBackground(svg),
      width: WIDTH,
      height: HEIGHT,
    };
  } finally {
    chart.dispose();
  }
}

/** ECharts leaves the background transparent; the rasterised PNG for Word needs white. */
function withWhiteBackground(svg: string): string {
  return svg.replace(
    /(<svg[^>]*>)/,
    `$1<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
  );
}
