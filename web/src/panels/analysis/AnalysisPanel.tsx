import './analysis.css';
import { useState } from 'react';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../../../analysis/standards/profiles.ts';
import type { StandardsProfile, TravelProfile } from '../../../../analysis/standards/types.ts';
import type { AnalysisControl } from '../../analysis-ui/use-analysis.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PickDetails, type Picked } from './PickDetails.tsx';
import { ResultsView } from './ResultsView.tsx';
import { StandardsView } from './StandardsView.tsx';

interface AnalysisPanelProps {
  analysis: AnalysisControl;
  travel: TravelProfile;
  picked: Picked | null;
  onClosePick(): void;
  onFocusUnit(unitId: string): void;
  onFocusCluster(rank: number): void;
}

const OPEN_KEY = 'carecircle.analysisPanel';

/** ?panel=closed (links, screenshots of the map alone), else the last choice, else open. */
function initiallyOpen(): boolean {
  const fromUrl = new URLSearchParams(window.location.search).get('panel');
  if (fromUrl === 'closed' || fromUrl === 'open') return fromUrl === 'open';
  return window.localStorage.getItem(OPEN_KEY) !== 'closed';
}

/** The right-hand panel: profile choice and run, then results or standards. */
export function AnalysisPanel(props: AnalysisPanelProps) {
  const { analysis, travel, picked, onClosePick, onFocusUnit, onFocusCluster } = props;
  const { t, locale } = useI18n();
  const [tab, setTab] = useState<'results' | 'standards'>('results');
  const [open, setOpen] = useState(initiallyOpen);
  const toggle = (next: boolean) => {
    window.localStorage.setItem(OPEN_KEY, next ? 'open' : 'closed');
    setOpen(next);
  };
  const [custom, setCustom] = useState<StandardsProfile[]>([]);
  const { state, last } = analysis;
  const current = state.status === 'idle' ? (last?.profile ?? null) : state.profile;
  const [chosen, setChosen] = useState<string | null>(null);
  const selectedId = chosen ?? current?.id ?? 'huaihua-2020';
  const profileById = (id: string): StandardsProfile =>
    custom.find((p) => p.id === id) ?? builtInProfile(id);
  const selected = profileById(selectedId);
  const run = (profile: StandardsProfile) => {
    if (!BUILT_IN_PROFILE_IDS.includes(profile.id))
      setCustom((list) => [...list.filter((p) => p.id !== profile.id), profile]);
    setChosen(profile.id);
    analysis.start(profile);
  };
  const running = state.status === 'running';
  const shown = last !== null && last.profile.id === selectedId ? last : null;

  if (!open)
    return (
      <aside className="analysis-rail" data-testid="analysis-panel">
        <button
          type="button"
          className="rail-button"
          onClick={() => toggle(true)}
          title={t('analysis.panel.open')}
          data-testid="analysis-panel-open"
        >
          <span aria-hidden="true">‹</span>
          <span className="rail-label">{t('analysis.panel.title')}</span>
        </button>
      </aside>
    );
  return (
    <aside className="analysis-panel" data-testid="analysis-panel">
      <div className="analysis-head">
        <button
          type="button"
          className="close panel-collapse"
          onClick={() => toggle(false)}
          title={t('analysis.panel.close')}
          aria-label={t('analysis.panel.close')}
          data-testid="analysis-panel-close"
        >
          ›
        </button>
        <label className="field-label" htmlFor="profile-select">
          {t('analysis.profile')}
        </label>
        <div className="analysis-run">
          <select
            id="profile-select"
            className="select"
            value={selectedId}
            onChange={(e) => setChosen(e.target.value)}
            data-testid="profile-select"
          >
            {[...BUILT_IN_PROFILE_IDS.map(builtInProfile), ...custom].map((p) => (
              <option key={p.id} value={p.id}>
                {locale === 'en' ? p.name.en : p.name.zh}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-primary"
            disabled={running}
            onClick={() => run(selected)}
            data-testid="run-analysis"
          >
            {running ? t('analysis.running') : t('analysis.run')}
          </button>
        </div>
        <div className="analysis-status" data-testid="analysis-status">
          {state.status === 'error' && (
            <span className="status-error">{t('analysis.failed', { message: state.message })}</span>
          )}
          {state.status === 'done' && (
            <span>
              {t('analysis.done', {
                profile: state.profile.id,
                s: (state.outcome.timings.totalMs / 1000).toFixed(2),
              })}
            </span>
          )}
          {state.status === 'idle' && <span>{t('analysis.waiting')}</span>}
        </div>
        <div className="tabs" role="tablist">
          {(['results', 'standards'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'tab tab-active' : 'tab'}
              onClick={() => setTab(id)}
              data-testid={`tab-${id}`}
            >
              {t(`analysis.tab.${id}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="analysis-body">
        {picked !== null && <PickDetails picked={picked} onClose={onClosePick} />}
        {tab === 'standards' ? (
          <StandardsView
            profile={selected}
            findings={shown?.outcome.result.summary.findings ?? []}
            skipped={shown?.outcome.result.summary.skippedRules ?? []}
            onRun={run}
          />
        ) : last === null ? (
          <p className="panel-note">{t('analysis.waiting')}</p>
        ) : (
          <ResultsView
            summary={last.outcome.result.summary}
            units={last.outcome.result.units}
            profile={last.profile}
            travel={travel}
            onFocusUnit={onFocusUnit}
            onFocusCluster={onFocusCluster}
          />
        )}
      </div>
    </aside>
  );
}
