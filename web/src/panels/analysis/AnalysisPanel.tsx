import './analysis.css';
import { Alert, Button, Empty, Segmented, Select } from 'antd';
import { useState } from 'react';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../../../analysis/standards/profiles.ts';
import type { StandardsProfile, TravelProfile } from '../../../../analysis/standards/types.ts';
import type { AnalysisControl } from '../../analysis-ui/use-analysis.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { osrmErrorKey, savedOsrmParams } from '../../settings/osrm-error-text.ts';
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

/** The analysis tab of the dock: profile choice and run, then results or standards. */
export function AnalysisPanel(props: AnalysisPanelProps) {
  const { analysis, travel, picked, onClosePick, onFocusUnit, onFocusCluster } = props;
  const { t, locale } = useI18n();
  const [tab, setTab] = useState<'results' | 'standards'>('results');
  const [custom, setCustom] = useState<StandardsProfile[]>([]);
  const { state, last } = analysis;
  // Errors with a message of their own (a saved OSRM server failing) are said in the UI's
  // language; others are shown as the engine wrote them.
  const errorText = (code: string | undefined, message: string) => {
    const key = osrmErrorKey(code);
    return key === undefined ? message : t(key, savedOsrmParams(window.localStorage));
  };
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

  return (
    <aside className="analysis-panel" data-testid="analysis-panel">
      <div className="analysis-head">
        <label className="field-label" htmlFor="profile-select">
          {t('analysis.profile')}
        </label>
        <div className="analysis-run">
          <Select
            id="profile-select"
            aria-label={t('analysis.profile')}
            className="profile-select"
            value={selectedId}
            onChange={setChosen}
            data-testid="profile-select"
            popupMatchSelectWidth={false}
            options={[...BUILT_IN_PROFILE_IDS.map(builtInProfile), ...custom].map((p) => ({
              value: p.id,
              label: locale === 'en' ? p.name.en : p.name.zh,
            }))}
          />
          <Button
            type="primary"
            loading={running}
            onClick={() => run(selected)}
            data-testid="run-analysis"
          >
            {running ? t('analysis.running') : t('analysis.run')}
          </Button>
        </div>
        <div className="analysis-status" data-testid="analysis-status">
          {state.status === 'error' && (
            <Alert
              className="status-error"
              type="error"
              showIcon
              title={t('analysis.failed', {
                message: errorText(state.code, state.message),
              })}
            />
          )}
          {state.status === 'done' && (
            <span>
              {t('analysis.done', {
                profile: locale === 'en' ? state.profile.name.en : state.profile.name.zh,
                s: (state.outcome.timings.totalMs / 1000).toFixed(2),
              })}
            </span>
          )}
          {state.status === 'idle' && <span>{t('analysis.waiting')}</span>}
        </div>
        <Segmented
          block
          aria-label={t('analysis.tabSwitch')}
          value={tab}
          onChange={(value) => setTab(value)}
          options={(['results', 'standards'] as const).map((id) => ({
            value: id,
            label: <span data-testid={`tab-${id}`}>{t(`analysis.tab.${id}`)}</span>,
          }))}
        />
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
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={running ? t('analysis.running') : t('analysis.waiting')}
          />
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
