import { useState } from 'react';
import type { UnitRow } from '../../../../analysis/coverage/types.ts';
import { shareOf } from '../../analysis-ui/format.ts';
import { nextSort, type SortState, sortRows } from '../../analysis-ui/table-sort.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type UnitKey = 'name' | 'elders60' | 'within' | 'radius' | 'area' | 'failed';

const COLUMNS: { key: UnitKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'name', label: 'analysis.col.unit', numeric: false },
  { key: 'elders60', label: 'analysis.col.elders', numeric: true },
  { key: 'within', label: 'analysis.col.within15', numeric: true },
  { key: 'radius', label: 'analysis.col.radiusNetwork', numeric: true },
  { key: 'area', label: 'analysis.col.m2PerResident', numeric: true },
  { key: 'failed', label: 'analysis.col.failed', numeric: true },
];

/** Street and community units, sortable by any column; a click zooms the map to the unit. */
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
  const [sort, setSort] = useState<SortState<UnitKey>>({ key: 'failed', direction: 'desc' });
  // The 15-minute circle is the headline rule of most profiles; fall back to the largest.
  const index = thresholds.includes(15) ? thresholds.indexOf(15) : thresholds.length - 1;
  const value = (u: UnitRow, key: UnitKey): number | string | null => {
    switch (key) {
      case 'name':
        return u.name;
      case 'elders60':
        return u.elders60;
      case 'within':
        return shareOf(u.elders60Within[index] ?? 0, u.elders60);
      case 'radius':
        return u.radius300NetworkShare;
      case 'area':
        return u.m2PerResident;
      case 'failed':
        return u.findingsFailed;
    }
  };
  const rows = sortRows(units, sort, value);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="units-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                className={c.numeric ? 'num sortable' : 'sortable'}
                aria-sort={
                  sort.key === c.key
                    ? sort.direction === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : 'none'
                }
                onClick={() => setSort(nextSort(sort, c.key))}
              >
                {t(c.label, { n: thresholds[index] })}
                {sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr
              key={u.unitId}
              className={`clickable${u.level === 'street' ? ' row-street' : ''}`}
              onClick={() => onPick(u.unitId)}
              data-unit={u.unitId}
            >
              <td>
                {u.name}
                <span className="level-tag">
                  {t(u.level === 'street' ? 'analysis.level.street' : 'analysis.level.community')}
                </span>
              </td>
              <td className="num">{formatNumber(u.elders60)}</td>
              <td className="num">{pct(shareOf(u.elders60Within[index] ?? 0, u.elders60))}</td>
              <td className="num">{pct(u.radius300NetworkShare)}</td>
              <td className="num">
                {u.m2PerResident === null ? '—' : formatNumber(u.m2PerResident, 3)}
              </td>
              <td className={u.findingsFailed > 0 ? 'num cell-bad' : 'num cell-good'}>
                {u.findingsFailed}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
