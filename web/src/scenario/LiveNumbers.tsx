import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ScenarioControl } from './use-scenarios.ts';

/** Baseline vs the active scenario: covered elders per threshold, area per resident, timing. */
export function LiveNumbersTable({ control }: { control: ScenarioControl }) {
  const { t, formatNumber, formatPercent } = useI18n();
  const base = control.baselineNumbers;
  const live = control.live;
  if (base === null) return <p className="scenario-muted">{t('scenario.opening')}</p>;
  const share = (n: number) => (base.totalElders > 0 ? formatPercent(n / base.totalElders) : '—');
  return (
    <section className="scenario-section">
      <table className="scenario-table" data-testid="scenario-live">
        <thead>
          <tr>
            <th>{t('scenario.live.threshold')}</th>
            <th>{t('scenario.live.baseline')}</th>
            <th>{t('scenario.live.scenario')}</th>
            <th>{t('scenario.live.delta')}</th>
          </tr>
        </thead>
        <tbody>
          {base.thresholds.map((minutes, i) => {
            const after = live?.covered[i] ?? base.covered[i];
            const delta = Math.round(after - base.covered[i]);
            return (
              <tr key={minutes}>
                <td>{t('scenario.live.minutes', { n: minutes })}</td>
                <td className="num">
                  {formatNumber(Math.round(base.covered[i]))}
                  <span className="scenario-share">{share(base.covered[i])}</span>
                </td>
                <td
                  className="num"
                  data-testid={`scenario-covered-${minutes}`}
                  data-value={Math.round(after)}
                >
                  {formatNumber(Math.round(after))}
                  <span className="scenario-share">{share(after)}</span>
                </td>
                <td
                  className={`num ${delta > 0 ? 'scenario-up' : delta < 0 ? 'scenario-down' : ''}`}
                >
                  {delta > 0 ? '+' : ''}
                  {formatNumber(delta)}
                </td>
              </tr>
            );
          })}
          <tr>
            <td>{t('scenario.live.area')}</td>
            <td>{base.m2PerResident === null ? '—' : formatNumber(base.m2PerResident, 3)}</td>
            <td>{live?.m2PerResident == null ? '—' : formatNumber(live.m2PerResident, 3)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      {live !== null && (
        <p
          className="scenario-muted"
          data-testid="scenario-timing"
          data-ms={live.ms.toFixed(2)}
          data-modifications={live.modifications}
        >
          {t('scenario.live.timing', {
            ms: live.ms.toFixed(1),
            routed: live.routed,
            cells: live.changedCells.length,
          })}
        </p>
      )}
    </section>
  );
}
