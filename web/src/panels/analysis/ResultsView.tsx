import { useMemo, useState } from 'react';
import { stepDependency } from '../../../../analysis/coverage/step-dependency.ts';
import type { AnalysisSummary } from '../../../../analysis/coverage/summary.ts';
import type { UnitRow } from '../../../../analysis/coverage/types.ts';
import type { StandardsProfile, TravelProfile } from '../../../../analysis/standards/types.ts';
import { shareOf } from '../../analysis-ui/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AreaPerResidentBars, CoverageBars } from './Charts.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import { UnitsTable } from './UnitsTable.tsx';

interface ResultsViewProps {
  summary: AnalysisSummary;
  units: UnitRow[];
  profile: StandardsProfile;
  travel: TravelProfile;
  onFocusUnit(unitId: string): void;
  onFocusCluster(rank: number): void;
}

function Card({
  label,
  value,
  note,
  testId,
  tone,
}: {
  label: string;
  value: string;
  note?: string;
  testId?: string;
  tone?: 'good' | 'bad';
}) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`} data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {note && <div className="stat-note">{note}</div>}
    </div>
  );
}

/** Citywide cards, charts and the tables of units, clusters and findings. */
export function ResultsView(props: ResultsViewProps) {
  const { summary, units, profile, travel, onFocusUnit, onFocusCluster } = props;
  const { t, formatNumber, formatPercent } = useI18n();
  const [chartTravel, setChartTravel] = useState<TravelProfile>(travel);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  const walk = summary.coverage.filter((c) => c.profile === 'walk-elderly');
  const profiles = [...new Set(summary.coverage.map((c) => c.profile))];
  const steps = stepDependency(summary);
  const r = summary.radius300;
  const fs = summary.findingsSummary;
  const norm = useMemo(() => {
    const rule = profile.rules.find((x) => x.kind === 'area_per_resident');
    return rule?.kind === 'area_per_resident' ? rule.requiredM2 / rule.perResidents : null;
  }, [profile]);
  const names = useMemo(() => new Map(units.map((u) => [u.unitId, u.name])), [units]);
  const chartRows = summary.coverage
    .filter((c) => c.profile === chartTravel)
    .map((c) => ({ minutes: c.minutes, share: c.elders60Share }));
  const communities = units.filter((u) => u.level === 'community');

  return (
    <div className="results" data-testid="results-view">
      <section>
        <h3 className="section-title">{t('analysis.results.coverage')}</h3>
        <div className="stat-grid stat-grid-4">
          {walk.map((c) => (
            <Card
              key={c.minutes}
              label={t('analysis.results.within', { n: c.minutes })}
              value={pct(c.elders60Share)}
              note={t('analysis.results.eldersCount', { n: formatNumber(c.elders60Covered) })}
              testId={`result-coverage-${c.minutes}`}
            />
          ))}
        </div>
        <p className="panel-note">{t('analysis.results.coverageNote')}</p>
      </section>
      <section>
        <h3 className="section-title">{t('analysis.results.radius', { m: r.radiusM })}</h3>
        <div className="stat-grid stat-grid-3">
          <Card
            label={t('analysis.results.straight')}
            value={pct(r.straightLine.elders60Share)}
            testId="result-radius-straight"
          />
          <Card
            label={t('analysis.results.network', { min: formatNumber(r.networkMinutes, 1) })}
            value={pct(r.network.elders60Share)}
            testId="result-radius-network"
          />
          <Card
            label={t('analysis.results.detour')}
            value={formatNumber(r.detourLimited.length)}
            note={t('analysis.results.detourNote', { share: formatPercent(r.detourLimit) })}
            testId="result-detour"
          />
        </div>
        <p className="panel-note" data-testid="result-radius-types">
          {t('analysis.results.radiusTypes')}
        </p>
      </section>
      <section>
        <h3 className="section-title">{t('analysis.results.findings')}</h3>
        <p className="panel-note" data-testid="result-findings-sentence">
          {t('analysis.results.findingsSentence', {
            total: formatNumber(fs.total),
            failed: formatNumber(fs.failed),
            notEvaluable: formatNumber(fs.notEvaluable),
          })}
        </p>
        <div className="stat-grid stat-grid-4">
          <Card label={t('analysis.results.evaluated')} value={formatNumber(fs.evaluated)} />
          <Card
            label={t('analysis.results.passed')}
            value={formatNumber(fs.passed)}
            tone="good"
            testId="result-passed"
          />
          <Card
            label={t('analysis.results.failed')}
            value={formatNumber(fs.failed)}
            tone="bad"
            testId="result-failed"
          />
          <Card
            label={t('analysis.results.notEvaluable')}
            value={formatNumber(fs.notEvaluable)}
            testId="result-not-evaluable"
          />
        </div>
        <p className="panel-note">
          {t('analysis.results.area', {
            value:
              summary.area.m2PerResident === null
                ? '—'
                : formatNumber(summary.area.m2PerResident, 3),
            total: formatNumber(summary.area.floorAreaM2),
          })}
        </p>
      </section>
      <section>
        <div className="section-head">
          <h3 className="section-title">{t('analysis.chart.coverage')}</h3>
          <select
            className="select-small"
            value={chartTravel}
            onChange={(e) => setChartTravel(e.target.value as TravelProfile)}
            aria-label={t('analysis.layers.travel')}
          >
            {profiles.map((p) => (
              <option key={p} value={p}>
                {t(`travel.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <CoverageBars rows={chartRows} />
        <table className="matrix" data-testid="coverage-matrix">
          <thead>
            <tr>
              <th />
              {summary.thresholds.map((m) => (
                <th key={m}>{t('analysis.minutes', { n: m })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {profiles.map((p) => (
              <tr key={p}>
                <th>{t(`travel.${p}`)}</th>
                {summary.coverage
                  .filter((c) => c.profile === p)
                  .map((c) => (
                    <td key={c.minutes}>{pct(c.elders60Share)}</td>
                  ))}
              </tr>
            ))}
            {steps.length > 0 && (
              <tr data-testid="step-dependency">
                <th>{t('analysis.steps.row')}</th>
                {steps.map((d) => (
                  <td key={d.minutes}>
                    {t('analysis.steps.cell', { n: formatNumber(d.elders60), p: pct(d.share) })}
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <section>
        <h3 className="section-title">{t('analysis.chart.area')}</h3>
        <AreaPerResidentBars units={communities} normPerResident={norm} onPick={onFocusUnit} />
      </section>
      <section>
        <h3 className="section-title">
          {t('analysis.clusters.title', {
            n: summary.clusters.total,
            min: summary.clusters.minutes,
          })}
        </h3>
        {summary.clusters.top.length === 0 ? (
          <p className="panel-note">{t('analysis.clusters.none')}</p>
        ) : (
          <table className="data-table" data-testid="clusters-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('analysis.col.elders')}</th>
                <th>{t('analysis.col.cells')}</th>
                <th>{t('analysis.col.units')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.clusters.top.map((c) => (
                <tr key={c.rank} className="clickable" onClick={() => onFocusCluster(c.rank)}>
                  <td>{c.rank}</td>
                  <td className="num">{formatNumber(c.elders60)}</td>
                  <td className="num">{c.cells}</td>
                  <td>{c.unitIds.map((id) => names.get(id) ?? id).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h3 className="section-title">{t('analysis.units.title')}</h3>
        <UnitsTable units={units} thresholds={summary.thresholds} onPick={onFocusUnit} />
      </section>
      <section>
        <h3 className="section-title">{t('analysis.findings.title')}</h3>
        <FindingsTable findings={summary.findings} unitNames={names} onPickUnit={onFocusUnit} />
      </section>
      <p className="panel-note">
        {t('analysis.results.population', {
          residents: formatNumber(summary.population.residents),
          elders: formatNumber(summary.population.elders60),
          share: pct(shareOf(summary.population.elders60, summary.population.residents)),
        })}
      </p>
    </div>
  );
}
