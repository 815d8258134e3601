import { Button } from 'antd';
import type { Cluster, UnitRow } from '../../../../analysis/coverage/types.ts';
import { shareOf } from '../../analysis-ui/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ElderCell } from '../../map/analysis-layers/build-layers.ts';
import { UnitFlags } from './UnitFlags.tsx';

export type Picked =
  | { kind: 'cell'; cell: ElderCell; unitName: string }
  | { kind: 'unit'; row: UnitRow; thresholds: number[] }
  | { kind: 'cluster'; cluster: Cluster; unitNames: string[] };

/** Details of the cell, unit or cluster clicked on the map or in a table. */
export function PickDetails({ picked, onClose }: { picked: Picked; onClose(): void }) {
  const { t, formatNumber, formatPercent } = useI18n();
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  let title: string;
  let rows: [string, string][];
  if (picked.kind === 'cell') {
    const c = picked.cell;
    title = t('analysis.pick.cell', { h3: c.h3 });
    rows = [
      [t('analysis.col.unit'), picked.unitName],
      [t('analysis.col.elders'), formatNumber(c.elders60)],
      [t('cards.residents'), formatNumber(c.residents)],
      [
        t('analysis.pick.nearest'),
        c.minutes === null
          ? t('analysis.pick.unreached')
          : t('analysis.minutesValue', { n: formatNumber(c.minutes, 1) }),
      ],
    ];
  } else if (picked.kind === 'unit') {
    const u = picked.row;
    title = u.name;
    rows = [
      [t('analysis.col.elders'), formatNumber(u.elders60)],
      ...picked.thresholds.map((m, i): [string, string] => [
        t('analysis.results.within', { n: m }),
        pct(shareOf(u.elders60Within[i] ?? 0, u.elders60)),
      ]),
      [t('analysis.results.straight'), pct(u.radius300StraightShare)],
      [t('analysis.col.radiusNetwork'), pct(u.radius300NetworkShare)],
      [t('analysis.pick.facilities'), formatNumber(u.facilities)],
      [
        t('analysis.col.m2PerResident'),
        u.m2PerResident === null ? '—' : formatNumber(u.m2PerResident, 3),
      ],
      [t('analysis.col.failed'), String(u.findingsFailed)],
    ];
  } else {
    const c = picked.cluster;
    title = t('analysis.pick.cluster', { rank: c.rank });
    rows = [
      [t('analysis.col.elders'), formatNumber(c.elders60)],
      [t('cards.residents'), formatNumber(c.residents)],
      [t('analysis.col.cells'), String(c.cells)],
      [t('analysis.col.units'), picked.unitNames.join('、')],
    ];
  }
  return (
    <div className="card card-selected" data-testid="pick-details">
      <div className="card-head">
        <h3>{title}</h3>
        <Button type="text" size="small" onClick={onClose} aria-label={t('details.close')}>
          ×
        </Button>
      </div>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} className="details-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {picked.kind === 'unit' && <UnitFlags unitId={picked.row.unitId} />}
    </div>
  );
}
