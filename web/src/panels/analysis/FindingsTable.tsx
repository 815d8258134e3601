import { useState } from 'react';
import type { Finding } from '../../../../analysis/coverage/types.ts';
import { shortfallText, valueVsRequired } from '../../analysis-ui/format.ts';
import { nextSort, type SortState, sortRows } from '../../analysis-ui/table-sort.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type FindingKey = 'rule' | 'where' | 'pass' | 'shortfall';

const COLUMNS: { key: FindingKey; label: MessageKey }[] = [
  { key: 'rule', label: 'analysis.col.rule' },
  { key: 'where', label: 'analysis.col.where' },
  { key: 'pass', label: 'analysis.col.result' },
  { key: 'shortfall', label: 'analysis.col.shortfall' },
];

/** Every finding (failed first by default), sortable; a unit's finding zooms to the unit. */
export function FindingsTable({
  findings,
  unitNames,
  onPickUnit,
}: {
  findings: Finding[];
  unitNames: Map<string, string>;
  onPickUnit(unitId: string): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [failedOnly, setFailedOnly] = useState(true);
  const [sort, setSort] = useState<SortState<FindingKey>>({ key: 'pass', direction: 'asc' });
  const where = (f: Finding) =>
    f.scope === 'city'
      ? t('analysis.scope.city')
      : f.scope === 'site'
        ? (f.siteId ?? '')
        : (unitNames.get(f.unitId ?? '') ?? f.unitId ?? '');
  // A few hundred rows at most: sorting on each render is cheaper than memo bookkeeping.
  const rows = sortRows(failedOnly ? findings.filter((f) => !f.pass) : findings, sort, (f, key) => {
    if (key === 'rule') return f.title;
    if (key === 'where') return where(f);
    if (key === 'pass') return f.pass ? 1 : 0;
    return f.pass ? null : f.shortfall;
  });
  return (
    <>
      <label className="check-inline">
        <input
          type="checkbox"
          checked={failedOnly}
          onChange={(e) => setFailedOnly(e.target.checked)}
          data-testid="findings-failed-only"
        />
        {t('analysis.findings.failedOnly')}
      </label>
      <div className="table-wrap">
        <table className="data-table" data-testid="findings-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} className="sortable" onClick={() => setSort(nextSort(sort, c.key))}>
                  {t(c.label)}
                  {sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr
                key={`${f.rule}|${f.scope}|${f.unitId}|${f.siteId}`}
                className={f.unitId !== null && f.scope !== 'site' ? 'clickable' : undefined}
                onClick={() => f.unitId !== null && f.scope !== 'site' && onPickUnit(f.unitId)}
                title={f.citation}
              >
                <td>{f.title}</td>
                <td>{where(f)}</td>
                <td className={f.pass ? 'cell-good' : 'cell-bad'}>
                  {f.pass ? t('analysis.pass') : t('analysis.fail')}
                  <div className="cell-sub">{valueVsRequired(f, i18n)}</div>
                </td>
                <td className="num">{shortfallText(f, i18n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
