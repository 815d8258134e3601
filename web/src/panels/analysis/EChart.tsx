import type { BarSeriesOption } from 'echarts/charts';
import { BarChart } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

/**
 * One ECharts chart (SVG renderer: crisp at any zoom, and the same definitions render in Node).
 * It follows its box's size; a click on a data item reports its index.
 */
export function EChart({
  option,
  height,
  label,
  testId,
  onItemClick,
}: {
  option: ChartOption;
  height: number;
  label: string;
  testId?: string;
  onItemClick?(dataIndex: number): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;
  useEffect(() => {
    if (box.current === null) return;
    const c = init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (params) => {
      if (typeof params.dataIndex === 'number') click.current?.(params.dataIndex);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return (
    <div
      ref={box}
      className="chart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
