import { Select } from 'antd';
import { useState } from 'react';
import type { EditGain } from '../../../analysis/workflows/edit-gains.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { elderPerWan } from './measure-ratio.ts';
import type { ScenarioControl } from './use-scenarios.ts';

/**
 * The active scenario's new sites and street-network edits side by side: what each brings
 * (elders newly within the threshold, leave one out) and per 万元 of its cost. Without a cost
 * the ratio is "—", never 0.
 */
export function MeasuresTable({ control }: { control: ScenarioControl }) {
  const { t, formatNumber } = useI18n();
  const thresholds = control.baselineNumbers?.thresholds ?? [5, 10, 15];
  const [chosen, setChosen] = useState<number | null>(null);
  const minutes = chosen ?? thresholds[0];
  const at = Math.max(0, thresholds.indexOf(minutes));
  const gains = control.editGains;
  const mods = control.scenario.modifications;
  const nameOf = (g: EditGain): string => {
    const m = mods[g.index];
    if (m?.kind === 'add-site') return m.name;
    const view = control.networkViews.find((v) => v.index === g.index);
    return view?.place ?? '—';
  };
  const kindOf = (g: EditGain) =>
    t(
      g.kind === 'add-site'
        ? 'net.compare.site'
        : g.kind === 'add-link'
          ? 'net.compare.link'
          : 'net.compare.closure',
    );
  return (
    <section className="scenario-section" data-testid="measures">
      <div className="scenario-row">
        <h4>{t('net.compare.heading', { minutes })}</h4>
        <span className="scenario-field">
          {t('net.compare.threshold')}
          <Select
            size="small"
            aria-label={t('net.compare.threshold')}
            value={minutes}
            onChange={setChosen}
            options={thresholds.map((m) => ({
              value: m,
              label: t('scenario.live.minutes', { n: m }),
            }))}
          />
        </span>
      </div>
      {gains === null ? (
        <p className="scenario-muted">{t('scenario.running')}</p>
      ) : gains.length === 0 ? (
        <p className="scenario-muted">{t('net.compare.empty')}</p>
      ) : (
        <div className="scenario-measures-wrap">
          <table className="scenario-table scenario-measures" data-testid="measures-table">
            <thead>
              <tr>
                <th>{t('net.compare.item')}</th>
                <th>{t('net.compare.kind')}</th>
                <th>{t('net.compare.cost')}</th>
                <th>{t('net.compare.gain')}</th>
                <th>{t('net.compare.perWan')}</th>
              </tr>
            </thead>
            <tbody>
              {gains.map((g) => {
                const gain = g.gains[at] ?? 0;
                const ratio = elderPerWan(gain, g.costYuan);
                return (
                  <tr key={`${g.index}-${g.id}`} data-testid="measure" data-kind={g.kind}>
                    <td>{nameOf(g)}</td>
                    <td>{kindOf(g)}</td>
                    <td>{g.costYuan === null ? '—' : formatNumber(g.costYuan / 10_000, 2)}</td>
                    <td>{formatNumber(Math.round(gain))}</td>
                    <td data-testid="measure-per-wan">
                      {ratio === null ? '—' : formatNumber(ratio, 1)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="scenario-muted">{t('net.compare.note')}</p>
    </section>
  );
}
