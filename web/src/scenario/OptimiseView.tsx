import { Button, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { analysisWorker } from '../worker/analysis-client.ts';
import type { OptimiseOutcome } from '../worker/scenario-api.ts';
import type { ScenarioControl } from './use-scenarios.ts';

/** N new sites (MCLP) or a coverage target (partial cover), solved in the worker. */
export function OptimiseView({ control }: { control: ScenarioControl }) {
  const { t, formatNumber, formatPercent } = useI18n();
  const [mode, setMode] = useState<'mclp' | 'lscp'>('mclp');
  const [newSites, setNewSites] = useState(3);
  const [target, setTarget] = useState(0.9);
  const [minutes, setMinutes] = useState(5);
  const [grid, setGrid] = useState(10);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OptimiseOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setBusy(true);
    setOutcome(null);
    analysisWorker()
      .scenarioOptimise({
        mode,
        newSites,
        targetShare: target,
        minutes,
        candidates: [],
        gridResolution: grid,
      })
      .then((answer) => {
        if (answer.ok) {
          setOutcome(answer.value);
          setError(null);
        } else setError(answer.error.message);
      })
      .catch((e: unknown) => setError(String(e)))
      .finally(() => setBusy(false));
  };
  const toScenario = () => {
    if (outcome === null) return;
    const name = t('scenario.opt.scenarioName', { n: outcome.result.chosen.length, m: minutes });
    // The worker's scenario (its origin recorded), on this scenario list's baseline.
    control.add({
      ...outcome.scenario,
      name,
      baseline: { city: control.scenario.baseline.city, profile: control.profileId },
    });
  };
  const r = outcome?.result;
  return (
    <>
      <section className="scenario-section scenario-form">
        <span className="scenario-field">
          {t('scenario.opt.mode')}
          <Select<'mclp' | 'lscp'>
            size="small"
            aria-label={t('scenario.opt.mode')}
            value={mode}
            onChange={setMode}
            popupMatchSelectWidth={false}
            options={[
              { value: 'mclp', label: t('scenario.opt.mclp') },
              { value: 'lscp', label: t('scenario.opt.lscp') },
            ]}
          />
        </span>
        {mode === 'mclp' ? (
          <label>
            {t('scenario.opt.newSites')}
            <input
              type="number"
              min={1}
              data-testid="opt-new-sites"
              value={newSites}
              onChange={(e) => setNewSites(Number(e.target.value))}
            />
          </label>
        ) : (
          <label>
            {t('scenario.opt.target')}
            <input
              type="number"
              step={0.05}
              min={0}
              max={1}
              value={target}
              onChange={(e) => setTarget(Number(e.target.value))}
            />
          </label>
        )}
        <label>
          {t('scenario.opt.minutes')}
          <input
            type="number"
            min={1}
            data-testid="opt-minutes"
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          />
        </label>
        <span className="scenario-field">
          {t('scenario.opt.grid')}
          <Select<number>
            size="small"
            aria-label={t('scenario.opt.grid')}
            value={grid}
            onChange={setGrid}
            options={[
              { value: 9, label: 'H3 9' },
              { value: 10, label: 'H3 10' },
            ]}
          />
        </span>
        <Button size="small" onClick={run} loading={busy} data-testid="opt-run">
          {busy ? t('scenario.running') : t('scenario.opt.run')}
        </Button>
      </section>
      {error !== null && <p className="scenario-error">{error}</p>}
      {r !== undefined && outcome !== null && (
        <section className="scenario-section" data-testid="opt-result">
          <table className="scenario-table">
            <tbody>
              <tr>
                <td>{t('scenario.opt.method')}</td>
                <td>
                  {r.method} · {r.status}
                </td>
              </tr>
              <tr>
                <td>{t('scenario.opt.chosen')}</td>
                <td data-testid="opt-chosen" data-value={r.chosen.length}>
                  {r.chosen.length} / {outcome.candidateCount}
                </td>
              </tr>
              <tr>
                <td>{t('scenario.opt.newly')}</td>
                <td>{formatNumber(Math.round(r.newlyCoveredWeight))}</td>
              </tr>
              <tr>
                <td>{t('scenario.opt.after')}</td>
                <td>{formatPercent(r.coveredShareAfter)}</td>
              </tr>
              <tr>
                <td>{t('scenario.opt.objective')}</td>
                <td>{formatNumber(r.objective, 1)}</td>
              </tr>
              <tr>
                <td>{t('scenario.opt.bound')}</td>
                <td>
                  {formatNumber(r.bound, 1)} ({r.boundKind})
                </td>
              </tr>
              <tr>
                <td>{t('scenario.opt.gap')}</td>
                <td>{formatPercent(r.gap)}</td>
              </tr>
              <tr>
                <td>{t('scenario.opt.time')}</td>
                <td>
                  {Math.round(outcome.modelMs)} + {Math.round(r.solveMs)} ms
                </td>
              </tr>
            </tbody>
          </table>
          <Button size="small" onClick={toScenario} data-testid="opt-to-scenario">
            {t('scenario.opt.toScenario')}
          </Button>
        </section>
      )}
    </>
  );
}
