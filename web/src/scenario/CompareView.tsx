import { Button, Checkbox } from 'antd';
import { useState } from 'react';
import { type CompareColumn, findingFlips } from '../../../analysis/workflows/compare.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { analysisWorker } from '../worker/analysis-client.ts';
import { MeasuresTable } from './MeasuresTable.tsx';
import type { ScenarioControl } from './use-scenarios.ts';

/** Baseline vs the chosen scenarios: full analyses (SQL + rules) run side by side in the worker. */
export function CompareView({ control }: { control: ScenarioControl }) {
  const { t, formatNumber, formatPercent } = useI18n();
  const [chosen, setChosen] = useState<Set<number>>(() => new Set([control.store.active]));
  const [columns, setColumns] = useState<CompareColumn[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setBusy(true);
    const scenarios = control.store.scenarios.filter((_, i) => chosen.has(i));
    analysisWorker()
      .scenarioCompare(scenarios)
      .then((answer) => {
        if (answer.ok) {
          setColumns(answer.value);
          setError(null);
        } else setError(answer.error.message);
      })
      .catch((e: unknown) => setError(String(e)))
      .finally(() => setBusy(false));
  };
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  const yuan = (v: number | undefined) =>
    v === undefined ? '—' : `¥${formatNumber(Math.round(v))}`;
  const rows: [string, (c: CompareColumn) => string][] = columns
    ? [
        ...columns[0].thresholds.map(
          (m, i) =>
            [
              t('scenario.live.minutes', { n: m }),
              (c: CompareColumn) => pct(c.coverageShare[i]),
            ] as [string, (c: CompareColumn) => string],
        ),
        [t('scenario.compare.r300straight'), (c) => pct(c.radius300Straight)],
        [t('scenario.compare.r300network'), (c) => pct(c.radius300Network)],
        [
          t('scenario.live.area'),
          (c) => (c.m2PerResident === null ? '—' : formatNumber(c.m2PerResident, 3)),
        ],
        [t('scenario.compare.findings'), (c) => `${c.findingsPassed} / ${c.findingsFailed}`],
        [t('scenario.compare.cost'), (c) => yuan(c.budget?.costYuan)],
        [t('scenario.compare.subsidy'), (c) => yuan(c.budget?.subsidyYuan)],
        [t('scenario.compare.local'), (c) => yuan(c.budget?.localYuan)],
      ]
    : [];
  return (
    <>
      <section className="scenario-section">
        {control.store.scenarios.map((s, i) => (
          <Checkbox
            // biome-ignore lint/suspicious/noArrayIndexKey: scenarios are addressed by position
            key={i}
            className="scenario-check"
            checked={chosen.has(i)}
            onChange={() =>
              setChosen((c) => {
                const next = new Set(c);
                if (next.has(i)) next.delete(i);
                else next.add(i);
                return next;
              })
            }
          >
            {s.name ?? `#${i + 1}`}
          </Checkbox>
        ))}
        <Button size="small" onClick={run} loading={busy} data-testid="scenario-compare-run">
          {busy ? t('scenario.running') : t('scenario.compare.run')}
        </Button>
      </section>
      {error !== null && <p className="scenario-error">{error}</p>}
      <MeasuresTable control={control} />
      {columns !== null && (
        <section className="scenario-section">
          <table className="scenario-table" data-testid="scenario-compare">
            <thead>
              <tr>
                <th />
                {columns.map((c) => (
                  <th key={c.name}>
                    {c.name === 'baseline' ? t('scenario.live.baseline') : c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, cell]) => (
                <tr key={label}>
                  <td>{label}</td>
                  {columns.map((c) => (
                    <td key={c.name}>{cell(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="scenario-muted">{t('scenario.compare.budgetNote')}</p>
          {columns.slice(1).map((c) => (
            <Flips key={c.name} baseline={columns[0]} scenario={c} />
          ))}
        </section>
      )}
    </>
  );
}

function Flips({ baseline, scenario }: { baseline: CompareColumn; scenario: CompareColumn }) {
  const { t } = useI18n();
  const flips = findingFlips(baseline, scenario);
  const word = (v: boolean | null) =>
    v === null ? t('scenario.flip.none') : v ? t('scenario.flip.pass') : t('scenario.flip.fail');
  return (
    <div data-testid="scenario-flips">
      <h4>{t('scenario.flip.heading', { name: scenario.name, n: flips.length })}</h4>
      <ul className="scenario-flips">
        {flips.map((f) => (
          <li key={f.key} className={f.after ? 'scenario-up' : 'scenario-down'}>
            {f.title} {f.unitId ?? f.siteId ?? ''}: {word(f.before)} → {word(f.after)}
            <span className="scenario-muted"> {f.citation}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
