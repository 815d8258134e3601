import type { ProgressYear } from '../../../analysis/programme/progress.ts';

/** Achieved vs target per year for count targets: a small SVG bar chart (no chart library). */
export function ProgressChart({
  years,
  lang,
  title,
}: {
  years: ProgressYear[];
  lang: 'zh' | 'en';
  title: string;
}) {
  const bars = years.flatMap((y) =>
    y.targets
      .filter((t) => t.metric === 'count' && t.unitId === undefined)
      .map((t) => ({
        year: y.year,
        label: t.label[lang],
        target: t.target,
        achieved: t.achieved ?? 0,
      })),
  );
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => Math.max(b.target, b.achieved)), 1);
  const w = 330;
  const rowH = 26;
  const h = bars.length * rowH + 10;
  const x0 = 90;
  const scale = (v: number) => ((w - x0 - 40) * v) / max;
  return (
    <svg width={w} height={h} role="img" data-testid="programme-chart">
      <title>{title}</title>
      {bars.map((b, i) => (
        <g key={`${b.year}-${b.label}`} transform={`translate(0 ${i * rowH + 5})`}>
          <text x={0} y={14} fontSize={11}>
            {b.year} {b.label.slice(0, 6)}
          </text>
          <rect x={x0} y={2} width={scale(b.target)} height={16} fill="#e5e7eb" />
          <rect
            x={x0}
            y={6}
            width={scale(b.achieved)}
            height={8}
            fill={b.achieved >= b.target ? '#1e8449' : '#d35400'}
          />
          <text x={x0 + scale(Math.max(b.target, b.achieved)) + 4} y={14} fontSize={10}>
            {b.achieved}/{b.target}
          </text>
        </g>
      ))}
    </svg>
  );
}
