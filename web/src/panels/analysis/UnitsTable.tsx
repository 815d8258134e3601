import { Table, type TableColumnsType } from 'antd';
import type { UnitRow } from '../../../../analysis/coverage/types.ts';
import { shareOf } from '../../analysis-ui/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Compares two optional numbers with the missing ones last whichever way the column sorts. */
const byNumber =
  (get: (u: UnitRow) => number | null) =>
  (a: UnitRow, b: UnitRow, order?: 'ascend' | 'descend' | null): number => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) {
      if (x === y) return 0;
      const last = order === 'descend' ? -1 : 1;
      return x === null ? last : -last;
    }
    return x - y;
  };

/**
 * Street and community units: sort by any column, filter by level, ten to a page; names stay on
 * one line (the table scrolls sideways before it cuts a column); a click zooms the map to the unit.
 */
export function UnitsTable({
  units,
  thresholds,
  onPick,
}: {
  units: UnitRow[];
  thresholds: number[];
  onPick(unitId: string): void;
}) {
  const { t, formatNumber, formatPercent } = useI18n();
  // The 15-minute circle is the headline rule of most profiles; fall back to the largest.
  const index = thresholds.includes(15) ? thresholds.indexOf(15) : thresholds.length - 1;
  const within = (u: UnitRow) => shareOf(u.elders60Within[index] ?? 0, u.elders60);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  const columns: TableColumnsType<UnitRow> = [
    {
      key: 'name',
      title: t('analysis.col.unit'),
      dataIndex: 'name',
      fixed: 'left',
      className: 'unit-name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      filters: [
        { text: t('analysis.level.street'), value: 'street' },
        { text: t('analysis.level.community'), value: 'community' },
      ],
      onFilter: (value, u) => u.level === value,
      render: (name: string, u) => (
        <>
          {name}
          <span className="level-tag">
            {t(u.level === 'street' ? 'analysis.level.street' : 'analysis.level.community')}
          </span>
        </>
      ),
    },
    {
      key: 'elders60',
      title: t('analysis.col.elders'),
      align: 'right',
      sorter: byNumber((u) => u.elders60),
      render: (_, u) => formatNumber(u.elders60),
    },
    {
      key: 'within',
      title: t('analysis.col.within15', { n: thresholds[index] }),
      align: 'right',
      sorter: byNumber(within),
      render: (_, u) => pct(within(u)),
    },
    {
      key: 'radius',
      title: t('analysis.col.radiusNetwork'),
      align: 'right',
      sorter: byNumber((u) => u.radius300NetworkShare),
      render: (_, u) => pct(u.radius300NetworkShare),
    },
    {
      key: 'area',
      title: t('analysis.col.m2PerResident'),
      align: 'right',
      sorter: byNumber((u) => u.m2PerResident),
      render: (_, u) => (u.m2PerResident === null ? '—' : formatNumber(u.m2PerResident, 3)),
    },
    {
      key: 'failed',
      title: t('analysis.col.failed'),
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: byNumber((u) => u.findingsFailed),
      render: (_, u) => (
        <span className={u.findingsFailed > 0 ? 'cell-bad' : 'cell-good'}>{u.findingsFailed}</span>
      ),
    },
  ];
  return (
    <Table<UnitRow>
      className="units-table"
      data-testid="units-table"
      size="small"
      rowKey="unitId"
      columns={columns}
      dataSource={units}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 10, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
      onRow={(u) => ({
        onClick: () => onPick(u.unitId),
        className: `clickable${u.level === 'street' ? ' row-street' : ''}`,
        'data-unit': u.unitId,
      })}
    />
  );
}
